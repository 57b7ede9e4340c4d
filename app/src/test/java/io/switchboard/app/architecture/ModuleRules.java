package io.switchboard.app.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * DESIGN.md section 2 as ArchUnit rules. A module is the package root {@code io.switchboard.<m>}:
 * {@code engine}, {@code inventory}, {@code netconf} (netconf-common), {@code devices}, {@code
 * camel} (camel-routes), {@code workflows}, {@code workers}, {@code api}, {@code console}, {@code
 * app}.
 */
final class ModuleRules {
  static final String OURS = "io.switchboard..";

  private ModuleRules() {}

  /** Classes of {@code module} depend on no module of ours but itself and {@code allowed}. */
  static ArchRule mayDependOnlyOn(String module, String... allowed) {
    String[] packages =
        Stream.concat(Stream.of(module), Arrays.stream(allowed))
            .map(m -> "io.switchboard." + m + "..")
            .toArray(String[]::new);
    String what = allowed.length == 0 ? "none of the other modules" : String.join(", ", allowed);
    return classes()
        .that()
        .resideInAPackage("io.switchboard." + module + "..")
        .should()
        .onlyDependOnClassesThat(resideOutsideOfPackage(OURS).or(resideInAnyPackage(packages)))
        .as(module + " depends on " + what + " (DESIGN.md section 2)");
  }

  /** The engine is reached through the Camunda client (its /v2 API), never by its classes. */
  static ArchRule engineInternalsStayInside() {
    return noClasses()
        .that()
        .resideOutsideOfPackage("io.switchboard.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.switchboard.engine..")
        .as("nothing outside the engine uses the engine's classes; it talks to the Camunda client");
  }

  /**
   * The console reads and writes only through the API's scoped services (and the Camunda client):
   * none of Switchboard's repositories, no unscoped inventory (Spring's own *Repository types, such
   * as the security context's, are not inventory), so the role table and the tenant scope apply as
   * in the API.
   */
  static ArchRule usesScopedServicesOnly(String module) {
    return noClasses()
        .that()
        .resideInAPackage("io.switchboard." + module + "..")
        .should()
        .dependOnClassesThat(
            resideInAnyPackage(OURS)
                .and(
                    JavaClass.Predicates.simpleNameEndingWith("Repository")
                        .or(JavaClass.Predicates.simpleName("ScopedInventory"))))
        .as(module + " uses the API's scoped services, never repositories or ScopedInventory");
  }

  /**
   * Feature packages of one module, and the module's root package, do not depend on each other in a
   * circle.
   */
  static ArchRule noPackageCycles() {
    return slices()
        .assignedFrom(PACKAGE_SLICES)
        .should()
        .beFreeOfCycles()
        .as("no package cycles inside a module");
  }

  /** {@code io.switchboard.<module>.<feature>..} is slice "module.feature"; the root its own. */
  private static final SliceAssignment PACKAGE_SLICES =
      new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
          String[] parts = javaClass.getPackageName().split("\\.");
          if (parts.length < 3 || !parts[0].equals("io") || !parts[1].equals("switchboard")) {
            return SliceIdentifier.ignore();
          }
          return parts.length == 3
              ? SliceIdentifier.of(parts[2])
              : SliceIdentifier.of(parts[2] + "." + parts[3]);
        }

        @Override
        public String getDescription() {
          return "packages of io.switchboard.<module>.<feature>, and each module's root package";
        }
      };
}
