package io.switchboard.engine.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shape of the engine: packages depend one way only, so a new element family, command or
 * decision feature stays a package of its own.
 */
class EnginePackagesTest {
  private static final JavaClasses ENGINE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.switchboard.engine");

  @Test
  void transformAndDmnPackagesHaveNoCycles() {
    JavaClasses own =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(
                "io.switchboard.engine.transform",
                "io.switchboard.engine.dmn",
                "io.switchboard.engine.form",
                "io.switchboard.engine.model");
    slices().matching("io.switchboard.engine.(**)").should().beFreeOfCycles().check(own);
  }

  @Test
  void noEnginePackagesFormACycle() {
    slices().matching("io.switchboard.engine.(**)").should().beFreeOfCycles().check(ENGINE);
  }

  @Test
  void executionKnowsNeitherCommandsNorTheRestApi() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
        .that()
        .resideInAnyPackage(
            "io.switchboard.engine.execution..",
            "io.switchboard.engine.state..",
            "io.switchboard.engine.processor..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.switchboard.engine.command..",
            "io.switchboard.engine.rest..",
            "io.switchboard.engine.query..")
        .check(ENGINE);
  }

  @Test
  void theExecutableModelDoesNotKnowHowItIsBuilt() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
        .that()
        .resideInAPackage("io.switchboard.engine.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.switchboard.engine.transform..", "io.switchboard.engine.dmn..")
        .check(ENGINE);
  }

  @Test
  void dmnAndFormsDependOnNeitherCommandsNorTheRestApi() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
        .that()
        .resideInAnyPackage("io.switchboard.engine.dmn..", "io.switchboard.engine.form..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.switchboard.engine.command..",
            "io.switchboard.engine.rest..",
            "io.switchboard.engine.transform..")
        .check(ENGINE);
  }
}
