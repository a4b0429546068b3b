package dev.sevzero.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.OpenIncident;
import dev.sevzero.incident.Severity;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Incidents read with their engineers, on a real SQLite file. */
class JdbcIncidentRepositoryIT {

  private static final Instant DECLARED = Instant.parse("2026-11-20T10:00:00Z");

  @TempDir Path dir;
  private Database database;
  private JdbcIncidentRepository incidents;

  @BeforeEach
  void open() {
    database = Database.open("jdbc:sqlite:" + dir.resolve("incidents.db"));
    incidents = new JdbcIncidentRepository(database);
    for (int i = 1; i <= 3; i++) {
      incidents.insert(
          new Incident.Declaration(
              "incident " + i, null, Severity.SEV1, false, "UALICE", DECLARED.plusSeconds(i)));
    }
    // Joined in this order: incident 1 by UBOB then UANN (stored out of order), 3 by UCAT.
    addEngineer(1, "UANN", 1);
    addEngineer(3, "UCAT", 0);
    addEngineer(1, "UBOB", 0);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void everyIncidentReadAtOnceGetsItsOwnEngineersInJoiningOrder() {
    Map<String, List<String>> expected =
        Map.of(
            "incident 1",
            List.of("UBOB", "UANN"),
            "incident 2",
            List.of(),
            "incident 3",
            List.of("UCAT"));

    assertThat(engineersByTitle(incidents.open())).isEqualTo(expected);
    assertThat(engineersByTitle(incidents.declaredBetween(DECLARED, DECLARED.plusSeconds(60))))
        .isEqualTo(expected);
    assertThat(incidents.find(1).orElseThrow().engineers()).containsExactly("UBOB", "UANN");
    assertThat(incidents.find(2).orElseThrow().engineers()).isEmpty();
    assertThat(incidents.findForChange(3).orElseThrow().engineers()).containsExactly("UCAT");
  }

  @Test
  void theListOfOpenIncidentsShowsEveryCommittedChangeAndNoRolledBackOne() throws Exception {
    assertThat(incidents.openAtAGlance()).extracting(OpenIncident::title).hasSize(3);

    change("UPDATE incident SET commander = 'UBOB' WHERE id = 2");
    assertThat(incidents.openAtAGlance().get(1).commander()).contains("UBOB");

    assertThatThrownBy(
            () ->
                database.execute(
                    connection -> {
                      change("UPDATE incident SET status = 'resolved' WHERE id = 1");
                      // Inside the transaction the list shows its own change, and keeps nothing.
                      assertThat(incidents.openAtAGlance()).hasSize(2);
                      throw new IllegalStateException("rolled back");
                    }))
        .hasMessage("rolled back");
    assertThat(incidents.openAtAGlance()).extracting(OpenIncident::id).containsExactly(1L, 2L, 3L);

    // A manager's sqlite3 shell, another connection to the same file.
    try (Connection shell =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("incidents.db"));
        Statement statement = shell.createStatement()) {
      statement.executeUpdate("UPDATE incident SET title = 'renamed' WHERE id = 3");
    }
    assertThat(incidents.openAtAGlance().get(2).title()).isEqualTo("renamed");
  }

  private static Map<String, List<String>> engineersByTitle(List<Incident> read) {
    return read.stream().collect(Collectors.toMap(Incident::title, Incident::engineers));
  }

  private void change(String sql) {
    database.execute(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(sql)) {
            return update.executeUpdate();
          }
        });
  }

  private void addEngineer(long incidentId, String userId, int position) {
    database.execute(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO incident_engineer (incident_id, user_id, position)"
                      + " VALUES (?, ?, ?)")) {
            insert.setLong(1, incidentId);
            insert.setString(2, userId);
            insert.setInt(3, position);
            return insert.executeUpdate();
          }
        });
  }
}
