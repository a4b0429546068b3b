package dev.sevzero.sla;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The SLA arithmetic stays pure (docs/architecture.md): no Slack, no JDBC, no scheduler, no
 * charting, so it is tested by hand-computed months and reused by every adapter.
 */
class SlaDependencyRulesTest {

  final JavaClasses sla =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.sevzero.sla");

  @Test
  void coreSlaPackageDependsOnNoAdapter() {
    noClasses()
        .that()
        .resideInAPackage("dev.sevzero.sla")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.slack..",
            "java.sql..",
            "org.quartz..",
            "org.jfree..",
            "java.awt..",
            "dev.sevzero.slack..",
            "dev.sevzero.persistence..")
        .check(sla);
  }
}
