package dev.sevzero;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The layering of docs/architecture.md, checked on the compiled main code. */
class ArchitectureTest {

  private static final String[] DOMAIN = {
    "dev.sevzero.incident",
    "dev.sevzero.updates",
    "dev.sevzero.rotation",
    "dev.sevzero.sla",
    "dev.sevzero.scheduling",
    "dev.sevzero.text",
    "dev.sevzero.alerts",
    "dev.sevzero.pagerduty",
    "dev.sevzero.followups",
    "dev.sevzero.postmortem",
    "dev.sevzero.deliveries",
    "dev.sevzero.exercises"
  };

  private static final String[] ADAPTERS_AND_INFRASTRUCTURE = {
    "com.slack..",
    "java.sql..",
    "javax.sql..",
    "org.quartz..",
    "org.jfree..",
    "java.awt..",
    "com.sun.net.httpserver..",
    "io.micrometer..",
    "dev.sevzero.http..",
    "dev.sevzero.metrics.prometheus..",
    "dev.sevzero.slack..",
    "dev.sevzero.persistence..",
    "dev.sevzero.app..",
    "dev.sevzero.fakeslack..",
    "dev.sevzero.fakepagerduty..",
    "dev.sevzero.fakealerts..",
    "dev.sevzero.pagerduty.client..",
    "dev.sevzero.playground..",
    "dev.sevzero.config..",
    "dev.sevzero.notion..",
    "com.google.gson..",
    "java.net.http.."
  };

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.sevzero");

  @Test
  void theDomainKnowsNothingOfSlackJdbcQuartzOrTheApp() {
    noClasses()
        .that()
        .resideInAnyPackage(DOMAIN)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(ADAPTERS_AND_INFRASTRUCTURE)
        .check(MAIN);
  }

  /**
   * The allowed edges between domain packages (docs/architecture.md, "may depend on"). A new domain
   * package, or a new edge, is added here on purpose, not by accident.
   */
  private static final Map<String, Set<String>> DOMAIN_EDGES =
      Map.of(
          "incident", Set.of(),
          "text", Set.of(),
          "scheduling", Set.of(),
          "rotation", Set.of("scheduling"),
          "updates", Set.of("incident", "scheduling"),
          "sla", Set.of("incident", "text"),
          "deliveries", Set.of("incident"),
          "followups", Set.of("incident", "scheduling"),
          "postmortem", Set.of("incident", "followups", "updates", "text"),
          "exercises", Set.of("incident", "scheduling", "text"));

  @Test
  void domainPackagesDependOnlyOnTheDomainPackagesTheyMay() {
    DOMAIN_EDGES.forEach(
        (from, allowed) -> {
          String[] forbidden =
              DOMAIN_EDGES.keySet().stream()
                  .filter(to -> !to.equals(from) && !allowed.contains(to))
                  .map(to -> "dev.sevzero." + to + "..")
                  .toArray(String[]::new);
          noClasses()
              .that()
              .resideInAPackage("dev.sevzero." + from + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(forbidden)
              .because(from + " may depend only on " + allowed)
              .check(MAIN);
        });
  }

  @Test
  void noPackagesDependOnEachOtherInACycle() {
    slices().matching("dev.sevzero.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void persistenceDoesNotReachIntoSlack() {
    noClasses()
        .that()
        .resideInAPackage("dev.sevzero.persistence..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.sevzero.slack..", "com.slack..", "dev.sevzero.app..")
        .check(MAIN);
  }

  @Test
  void theHttpServerAndTheNotionAdapterKnowNothingOfSlackOrTheDatabase() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.sevzero.http..", "dev.sevzero.notion..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.sevzero.slack..", "com.slack..", "dev.sevzero.persistence..", "java.sql..")
        .check(MAIN);
  }

  @Test
  void onlyThePrometheusAdapterKnowsMicrometer() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.sevzero.metrics.prometheus..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.micrometer..", "io.prometheus..")
        .check(MAIN);
  }

  @Test
  void onlyThePlaygroundUsesTheFakeSlack() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.sevzero.fakeslack..", "dev.sevzero.playground..")
        .and()
        .resideOutsideOfPackage("dev.sevzero.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.sevzero.fakeslack..")
        .check(MAIN);
  }

  @Test
  void onlyThePlaygroundUsesTheFakePagerDutyAndAlertmanager() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "dev.sevzero.fakepagerduty..", "dev.sevzero.fakealerts..", "dev.sevzero.playground..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.sevzero.fakepagerduty..", "dev.sevzero.fakealerts..")
        .check(MAIN);
  }

  @Test
  void timeComesFromAnInjectedClockOutsideTheCompositionRoots() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.sevzero.app..", "dev.sevzero.playground..")
        .should()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(Clock.class, "systemUTC")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .check(MAIN);
  }
}
