package io.switchboard.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.switchboard.api.architecturefixture.ApiReachingIntoWorkers;
import io.switchboard.architecturefixture.one.FeatureOne;
import io.switchboard.architecturefixture.two.FeatureTwo;
import io.switchboard.console.architecturefixture.ConsoleReadingARepository;
import io.switchboard.inventory.device.DeviceRepository;
import io.switchboard.workers.device.DeviceDriver;
import org.junit.jupiter.api.Test;

/** The rules catch what they are for: a reach across modules, a cycle between packages. */
class ModuleRulesTest {

  @Test
  void anApiClassUsingAWorkerBreaksTheApiRule() {
    JavaClasses classes =
        new ClassFileImporter().importClasses(ApiReachingIntoWorkers.class, DeviceDriver.class);

    var result = ModuleRules.mayDependOnlyOn("api", "inventory", "workflows").evaluate(classes);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains(DeviceDriver.class.getName()));
  }

  @Test
  void twoFeaturePackagesUsingEachOtherAreACycle() {
    JavaClasses classes = new ClassFileImporter().importClasses(FeatureOne.class, FeatureTwo.class);

    assertThat(ModuleRules.noPackageCycles().evaluate(classes).hasViolation()).isTrue();
  }

  @Test
  void theSameClassesKeepTheRuleOfAModuleAllowedToUseWorkers() {
    JavaClasses classes =
        new ClassFileImporter().importClasses(ApiReachingIntoWorkers.class, DeviceDriver.class);

    assertThat(ModuleRules.mayDependOnlyOn("api", "workers").evaluate(classes).hasViolation())
        .isFalse();
  }

  @Test
  void aConsoleClassReadingARepositoryBreaksTheConsoleRule() {
    JavaClasses classes =
        new ClassFileImporter()
            .importClasses(ConsoleReadingARepository.class, DeviceRepository.class);

    var result = ModuleRules.usesScopedServicesOnly("console").evaluate(classes);

    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains(DeviceRepository.class.getName()));
  }
}
