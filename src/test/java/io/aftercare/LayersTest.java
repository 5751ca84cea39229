package io.aftercare;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages read bottom-up: no package depends, even indirectly, on one that depends on it.
 * {@code api} (problem details) and {@code security} sit at the bottom and know no feature.
 */
class LayersTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.aftercare");

  @Test
  void noCycleBetweenPackages() {
    slices().matching("io.aftercare.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void problemDetailsAndSecurityKnowNoFeature() {
    noClasses().that().resideInAnyPackage("io.aftercare.api..", "io.aftercare.security..")
        .should().dependOnClassesThat().resideInAnyPackage("io.aftercare.adversereaction..", "io.aftercare.callback..",
            "io.aftercare.casefile..", "io.aftercare.complaint..", "io.aftercare.notification..",
            "io.aftercare.reporting..", "io.aftercare.returns..", "io.aftercare.sla..", "io.aftercare.process..")
        .check(MAIN);
  }
}
