package dev.sevzero.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.alerts.AlertIntake.Result;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.OnCall;
import dev.sevzero.incident.Severity;
import dev.sevzero.persistence.Database;
import dev.sevzero.persistence.DatabaseTransactions;
import dev.sevzero.persistence.JdbcAlertGroups;
import dev.sevzero.persistence.JdbcIncidentRepository;
import dev.sevzero.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The intake's decisions, on a real SQLite file: what a notification changes, and what not. */
class AlertIntakeIT {

  static final String GROUP = "{}:{alertname=\"HighLatency\"}";

  @TempDir Path directory;
  final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
  Database database;
  IncidentService incidents;

  @BeforeEach
  void open() {
    database = Database.open("jdbc:sqlite:" + directory.resolve("sevzero.db"));
    incidents =
        new IncidentService(
            new JdbcIncidentRepository(database),
            new DatabaseTransactions(database),
            OnCall.NOBODY,
            clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  AlertIntake intake(boolean autoResolve) {
    return new AlertIntake(
        incidents,
        new JdbcAlertGroups(database),
        new DatabaseTransactions(database),
        new SeverityMap(Map.of("critical", Severity.SEV0)),
        new AlertIntake.Settings(autoResolve, Duration.ofHours(1)),
        clock);
  }

  /** A notification of the group with these alerts; "a" firing, "-a" resolved. */
  AlertNotification notification(String... alerts) {
    List<Alert> list =
        Arrays.stream(alerts)
            .map(
                alert ->
                    new Alert(
                        alert.replace("-", ""),
                        !alert.startsWith("-"),
                        Map.of("alertname", "HighLatency", "service", alert.replace("-", "")),
                        Map.of(),
                        clock.instant().minus(Duration.ofMinutes(1)),
                        Optional.empty()))
            .toList();
    boolean firing = list.stream().anyMatch(Alert::firing);
    return new AlertNotification(
        AlertSource.ALERTMANAGER,
        GROUP,
        firing,
        Map.of("alertname", "HighLatency", "severity", "critical"),
        Map.of(),
        list);
  }

  @Test
  void repeatsAndDuplicatesChangeNothing() {
    AlertIntake intake = intake(false);

    assertThat(intake.receive(notification("a")).result()).isEqualTo(Result.DECLARED);
    assertThat(intake.receive(notification("a")).result()).isEqualTo(Result.UNCHANGED);
    clock.advance(Duration.ofMinutes(5));
    assertThat(intake.receive(notification("a")).result()).isEqualTo(Result.UNCHANGED);

    assertThat(incidents.open()).hasSize(1);
    assertThat(incidents.timeline(1)).extracting(e -> e.kind().code()).containsExactly("declared");
  }

  @Test
  void aNewAlertIsOneEntryAndAnAlertResolvingAloneIsNone() {
    AlertIntake intake = intake(false);
    intake.receive(notification("a"));

    assertThat(intake.receive(notification("a", "b")).result()).isEqualTo(Result.CHANGED);
    assertThat(intake.receive(notification("a", "b")).result()).isEqualTo(Result.UNCHANGED);
    assertThat(intake.receive(notification("a", "-b")).result()).isEqualTo(Result.UNCHANGED);
    assertThat(intake.receive(notification("a", "b")).result()).isEqualTo(Result.CHANGED);

    assertThat(incidents.timeline(1))
        .extracting(e -> e.text())
        .containsExactly(
            "Incident declared (SEV0): HighLatency",
            "Alert HighLatency (b) firing",
            "Alert HighLatency (b) firing again");
  }

  @Test
  void theGroupResolvingIsOneEntryOrAResolution() {
    AlertIntake intake = intake(false);
    intake.receive(notification("a"));

    assertThat(intake.receive(notification("-a")).result()).isEqualTo(Result.CHANGED);
    assertThat(intake.receive(notification("-a")).result()).isEqualTo(Result.UNCHANGED);
    assertThat(incidents.timeline(1)).extracting(e -> e.kind().code()).endsWith("alerts_resolved");
    assertThat(incidents.find(1).orElseThrow().isOpen()).isTrue();

    AlertIntake automatic = intake(true);
    automatic.receive(notification("a"));
    automatic.receive(notification("-a"));
    Incident resolved = incidents.find(1).orElseThrow();
    assertThat(resolved.isOpen()).isFalse();
    assertThat(resolved.resolution().orElseThrow().summary()).isEqualTo("all alerts resolved");
  }

  @Test
  void firingAgainReopensWithinTheWindowAndDeclaresAfterIt() {
    AlertIntake intake = intake(false);
    intake.receive(notification("a"));
    incidents.resolve(1, "UBOB", "fixed");
    // Still firing when a person resolved it: a repeat does not reopen it.
    assertThat(intake.receive(notification("a")).result()).isEqualTo(Result.UNCHANGED);
    intake.receive(notification("-a"));

    clock.advance(Duration.ofMinutes(59));
    assertThat(intake.receive(notification("a")).result()).isEqualTo(Result.REOPENED);
    assertThat(incidents.find(1).orElseThrow().isOpen()).isTrue();

    incidents.resolve(1, "UBOB", "fixed again");
    intake.receive(notification("-a"));
    clock.advance(Duration.ofMinutes(61));
    AlertIntake.Outcome later = intake.receive(notification("a"));
    assertThat(later.result()).isEqualTo(Result.DECLARED);
    assertThat(later.incident().orElseThrow().id()).isEqualTo(2);
  }

  @Test
  void aResolvedNotificationOfAnUnknownGroupIsIgnored() {
    assertThat(intake(false).receive(notification("-a")).result()).isEqualTo(Result.IGNORED);
    assertThat(incidents.open()).isEmpty();
  }
}
