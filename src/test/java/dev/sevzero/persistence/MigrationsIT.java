package dev.sevzero.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.Severity;
import dev.sevzero.incident.TimelineEntry;
import dev.sevzero.incident.UpdateStatus;
import dev.sevzero.rotation.HandoffReason;
import dev.sevzero.rotation.NewHandoff;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsIT {

  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  @TempDir Path dir;

  @Test
  void appliesEveryMigrationOnceAndRecordsIt() {
    String url = "jdbc:sqlite:" + dir.resolve("sevzero.db");
    Database.open(url).close();
    try (Database reopened = Database.open(url)) {
      List<String> applied =
          reopened.transaction(
              connection -> {
                List<String> names = new ArrayList<>();
                try (var rows =
                    connection
                        .createStatement()
                        .executeQuery("SELECT name FROM schema_version ORDER BY version")) {
                  while (rows.next()) {
                    names.add(rows.getString(1));
                  }
                }
                return names;
              });
      assertThat(applied).containsExactlyElementsOf(Migrations.FILES);
    }
  }

  @Test
  void aDatabaseThatCannotBeMigratedIsLeftClosed() throws SQLException {
    Path file = dir.resolve("sevzero.db");
    try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        var statement = connection.createStatement()) {
      statement.execute("CREATE TABLE incident (something_else TEXT)"); // V1 cannot create it
    }

    assertThatThrownBy(() -> Database.open("jdbc:sqlite:" + file))
        .isInstanceOf(DatabaseException.class)
        .hasMessageStartingWith("cannot open database jdbc:sqlite:")
        .hasMessageContaining("incident");

    // SQLite removes the write-ahead log when the last connection to the file closes.
    assertThat(Path.of(file + "-wal")).doesNotExist();
  }

  @Test
  void numbersContinueFromTheDataOfADatabaseMadeBeforeCounters() throws SQLException {
    String url = "jdbc:sqlite:" + dir.resolve("sevzero.db");
    try (var connection = DriverManager.getConnection(url);
        var statement = connection.createStatement()) {
      Migrations.migrate(connection, 3);
      for (int id = 1; id <= 3; id++) {
        statement.execute(insertIncident(id));
      }
      for (int seq = 1; seq <= 4; seq++) {
        statement.execute(insertTimelineEntry(2, seq));
      }
      for (int number = 1; number <= 2; number++) {
        statement.execute(
            "INSERT INTO status_update (incident_id, number, posted_at, posted_by, status, text)"
                + " VALUES (2, "
                + number
                + ", 0, 'UA', 'investigating', 'looking')");
      }
      statement.execute(
          "INSERT INTO handoff (id, at, to_user, reason) VALUES (1, 0, 'UA', 'first-member')");
      statement.execute(
          "INSERT INTO handoff (id, at, from_user, to_user, reason) VALUES (2, 0, 'UA', 'UB',"
              + " 'manual')");
    }

    try (Database migrated = Database.open(url)) {
      assertThat(rows(migrated, "SELECT name, last_issued FROM counter ORDER BY name"))
          .containsExactly("delivery:0", "followup:0", "handoff:2", "incident:3");
      JdbcIncidentRepository incidents = new JdbcIncidentRepository(migrated);
      assertThat(incidents.insert(declaration()).id()).isEqualTo(4);
      incidents.append(note(2));
      incidents.append(note(3));
      assertThat(timelineSeqs(migrated)).containsExactly("2:1", "2:2", "2:3", "2:4", "2:5", "3:1");
      assertThat(incidents.insertUpdate(2, NOW, "UA", UpdateStatus.MONITORING, "ok").number())
          .isEqualTo(3);
      assertThat(incidents.insertUpdate(3, NOW, "UA", UpdateStatus.MONITORING, "ok").number())
          .isEqualTo(1);
      assertThat(
              new JdbcRotationRepository(migrated)
                  .recordHandoff(new NewHandoff(NOW, "UB", "UC", HandoffReason.MANUAL, null))
                  .orElseThrow()
                  .id())
          .isEqualTo(3);
    }
  }

  /** As a replica still on the previous version would write them, during a rolling upgrade. */
  @Test
  void numbersWrittenWithoutTheCountersAreNotHandedOutAgain() {
    try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("sevzero.db"))) {
      JdbcIncidentRepository incidents = new JdbcIncidentRepository(database);
      incidents.insert(declaration());
      database.execute(
          connection -> {
            try (var statement = connection.createStatement()) {
              statement.execute(insertIncident(2));
              statement.execute(insertTimelineEntry(1, 1));
            }
            return null;
          });

      assertThat(incidents.insert(declaration()).id()).isEqualTo(3);
      incidents.append(note(1));
      assertThat(timelineSeqs(database)).containsExactly("1:1", "1:2");
    }
  }

  /**
   * SQLite serves one replica: two processes on one file lost a fifth of concurrent declarations to
   * SQLITE_BUSY. A second one is refused at start-up with one line saying why, and the first goes
   * on; once it has stopped, the file opens again.
   */
  @Test
  void aSecondSevzeroOnOneSqliteFileIsRefusedWhileTheFirstRuns() {
    String url = "jdbc:sqlite:" + dir.resolve("sevzero.db");
    try (Database first = Database.open(url)) {
      assertThatThrownBy(() -> Database.open(url))
          .isInstanceOf(DatabaseException.class)
          .hasMessageContaining("another Sevzero is already using")
          .hasMessageContaining("SQLite serves one replica")
          .hasMessageContaining("PostgreSQL");
      assertThat(rows(first, "SELECT name, last_issued FROM counter WHERE name = 'incident'"))
          .containsExactly("incident:0");
    }
    try (Database again = Database.open(url)) {
      assertThat(rows(again, "SELECT name, last_issued FROM counter WHERE name = 'incident'"))
          .containsExactly("incident:0");
    }
  }

  @Test
  void redactsPasswordsFromJdbcUrls() {
    assertThat(Database.redact("jdbc:postgresql://db/sevzero?user=bot&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/sevzero?user=bot&password=***&ssl=true");
  }

  private static String insertIncident(long id) {
    return "INSERT INTO incident (id, title, severity, status, drill, declared_by, declared_at,"
        + " started_at) VALUES ("
        + id
        + ", 'old', 'sev2', 'open', FALSE, 'UA', 0, 0)";
  }

  private static String insertTimelineEntry(long incidentId, int seq) {
    return "INSERT INTO timeline_entry (incident_id, seq, at, actor, kind, text) VALUES ("
        + incidentId
        + ", "
        + seq
        + ", 0, 'UA', 'note', 'old')";
  }

  private static Incident.Declaration declaration() {
    return new Incident.Declaration("new", null, Severity.SEV2, false, "UA", NOW);
  }

  private static TimelineEntry note(long incidentId) {
    return new TimelineEntry(incidentId, NOW, "UA", TimelineEntry.Kind.NOTE, "new");
  }

  /** Every timeline entry as {@code incident:seq}, in order. */
  private static List<String> timelineSeqs(Database database) {
    return rows(database, "SELECT incident_id, seq FROM timeline_entry ORDER BY incident_id, seq");
  }

  /** The rows of a query, each as its two columns joined by a colon. */
  private static List<String> rows(Database database, String query) {
    return database.transaction(
        connection -> {
          List<String> rows = new ArrayList<>();
          try (var statement = connection.createStatement();
              var result = statement.executeQuery(query)) {
            while (result.next()) {
              rows.add(result.getString(1) + ":" + result.getString(2));
            }
          }
          return rows;
        });
  }
}
