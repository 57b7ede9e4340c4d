package io.switchboard.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static io.switchboard.app.architecture.ModuleRules.mayDependOnlyOn;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The module rules of DESIGN.md section 2 over the main classes of every module (the application's
 * test classpath holds them all), so {@code ./mvnw verify} fails on a dependency that breaks them.
 * {@code app} may use every module and has no rule of its own.
 */
@AnalyzeClasses(packages = "io.switchboard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest static final ArchRule engine = mayDependOnlyOn("engine");

  @ArchTest static final ArchRule inventory = mayDependOnlyOn("inventory");

  @ArchTest static final ArchRule netconfCommon = mayDependOnlyOn("netconf");

  @ArchTest static final ArchRule devices = mayDependOnlyOn("devices", "netconf");

  /**
   * Ports it needs (connection resolver, host keys) are its own interfaces; workers implement them.
   */
  @ArchTest static final ArchRule camelRoutes = mayDependOnlyOn("camel", "netconf");

  @ArchTest static final ArchRule workflows = mayDependOnlyOn("workflows");

  /** netconf: the rpc-error and capability types that camel-routes' results carry. */
  @ArchTest
  static final ArchRule workers =
      mayDependOnlyOn("workers", "camel", "inventory", "workflows", "netconf");

  @ArchTest static final ArchRule api = mayDependOnlyOn("api", "inventory", "workflows");

  /**
   * The console is on the API: its services (with the inventory types they answer) and the Camunda
   * client for process state; the workflows' contract only through the API.
   */
  @ArchTest static final ArchRule console = mayDependOnlyOn("console", "api", "inventory");

  @ArchTest
  static final ArchRule consoleUsesScopedServices = ModuleRules.usesScopedServicesOnly("console");

  @ArchTest static final ArchRule engineInternals = ModuleRules.engineInternalsStayInside();

  @ArchTest static final ArchRule noPackageCycles = ModuleRules.noPackageCycles();

  /**
   * Controllers map HTTP to a use case of a {@code *Service} and back; the rules (find-or-404,
   * uniqueness, delete guards) live once in the service, so no controller reaches a repository.
   */
  @ArchTest
  static final ArchRule controllersUseServices =
      noClasses()
          .that()
          .haveSimpleNameEndingWith("Controller")
          .should()
          .dependOnClassesThat()
          .haveSimpleNameEndingWith("Repository")
          .as("classes named *Controller do not depend on *Repository classes");
}
