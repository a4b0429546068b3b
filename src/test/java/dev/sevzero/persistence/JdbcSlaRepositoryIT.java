package dev.sevzero.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.sla.IncidentFacts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcSlaRepositoryIT {

  // October 2026 in Los Angeles: [2026-10-01T07:00Z, 2026-11-01T07:00Z).
  static final Instant OCTOBER = Instant.parse("2026-10-01T07:00:00Z");
  static final Instant NOVEMBER = Instant.parse("2026-11-01T07:00:00Z");

  @TempDir Path dir;
  Database database;
  JdbcSlaRepository repository;

  @BeforeEach
  void open() {
    database = Database.open("jdbc:sqlite:" + dir.resolve("sla.db"));
    repository = new JdbcSlaRepository(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void readsTheIncidentsOfTheRangeWithTheirUpdateOutcomes() {
    Instant declared = Instant.parse("2026-10-12T16:00:00Z");
    Instant started = declared.minusSeconds(120);
    database.execute(
        connection -> {
          insertIncident(connection, 7, "DB, \"primary\" down", "sev1", false, declared, started);
          sql(
              connection,
              "UPDATE incident SET responded_at = ?, responded_by = 'UANA', response_ms = ?,"
                  + " resolved_at = ?, channel_id = 'C7' WHERE id = 7",
              started.plusSeconds(252).toEpochMilli(),
              252_000L,
              started.plusSeconds(3600).toEpochMilli());
          insertDue(connection, 7, declared.plusSeconds(1800), "on_time");
          insertDue(connection, 7, declared.plusSeconds(3600), "late");
          insertDue(connection, 7, declared.plusSeconds(5400), "missed");
          insertDue(connection, 7, declared.plusSeconds(7200), "on_time");
          insertDue(connection, 7, declared.plusSeconds(9000), null);
          return null;
        });

    assertThat(repository.incidentsDeclaredBetween(OCTOBER, NOVEMBER))
        .containsExactly(
            new IncidentFacts(
                7,
                "DB, \"primary\" down",
                "sev1",
                false,
                declared,
                started,
                started.plusSeconds(252),
                "UANA",
                Duration.ofSeconds(252),
                started.plusSeconds(3600),
                "C7",
                new UpdateCompliance(2, 1, 1)));
  }

  @Test
  void readsAnUnansweredOpenDrillWithNoUpdatesAsNullsAndZeros() {
    Instant declared = Instant.parse("2026-10-20T16:00:00Z");
    database.execute(
        connection -> insertIncident(connection, 3, "Tabletop", "sev2", true, declared, declared));

    assertThat(repository.incidentsDeclaredBetween(OCTOBER, NOVEMBER))
        .containsExactly(
            new IncidentFacts(
                3,
                "Tabletop",
                "sev2",
                true,
                declared,
                declared,
                null,
                null,
                null,
                null,
                null,
                UpdateCompliance.NONE));
  }

  @Test
  void rangeIsHalfOpenAndOrderedByDeclaration() {
    database.execute(
        connection -> {
          insertIncident(connection, 1, "before", "sev1", false, OCTOBER.minusMillis(1));
          insertIncident(connection, 2, "first instant", "sev1", false, OCTOBER);
          insertIncident(connection, 3, "last instant", "sev1", false, NOVEMBER.minusMillis(1));
          insertIncident(connection, 4, "next month", "sev1", false, NOVEMBER);
          insertIncident(connection, 5, "mid month", "sev1", false, OCTOBER.plusSeconds(86_400));
          return null;
        });

    List<IncidentFacts> october = repository.incidentsDeclaredBetween(OCTOBER, NOVEMBER);

    assertThat(october).extracting(IncidentFacts::id).containsExactly(2L, 5L, 3L);
  }

  @Test
  void queryUsesTheIndexOnDeclaredAt() {
    String plan =
        database.transaction(
            connection -> {
              StringBuilder lines = new StringBuilder();
              try (var explain =
                  connection.prepareStatement(
                      "EXPLAIN QUERY PLAN " + JdbcSlaRepository.INCIDENTS_DECLARED_BETWEEN)) {
                explain.setLong(1, OCTOBER.toEpochMilli());
                explain.setLong(2, NOVEMBER.toEpochMilli());
                try (var rows = explain.executeQuery()) {
                  while (rows.next()) {
                    lines.append(rows.getString("detail")).append('\n');
                  }
                }
              }
              return lines.toString();
            });

    // A month is a small slice of years of incidents: neither table may be scanned whole.
    assertThat(plan).contains("incident_by_declared_at").doesNotContain("SCAN");
  }

  private static Void insertIncident(
      Connection connection, long id, String title, String severity, boolean drill, Instant at)
      throws SQLException {
    return insertIncident(connection, id, title, severity, drill, at, at);
  }

  private static Void insertIncident(
      Connection connection,
      long id,
      String title,
      String severity,
      boolean drill,
      Instant declared,
      Instant started)
      throws SQLException {
    sql(
        connection,
        "INSERT INTO incident (id, title, severity, status, drill, declared_by, declared_at,"
            + " started_at) VALUES (?, ?, ?, 'open', ?, 'UDECL', ?, ?)",
        id,
        title,
        severity,
        drill,
        declared.toEpochMilli(),
        started.toEpochMilli());
    return null;
  }

  private static void insertDue(Connection connection, long incident, Instant due, String outcome)
      throws SQLException {
    sql(
        connection,
        "INSERT INTO update_due (incident_id, due_at, outcome) VALUES (?, ?, ?)",
        incident,
        due.toEpochMilli(),
        outcome);
  }

  private static void sql(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (var statement = connection.prepareStatement(sql)) {
      for (int index = 0; index < parameters.length; index++) {
        statement.setObject(index + 1, parameters[index]);
      }
      statement.executeUpdate();
    }
  }
}
