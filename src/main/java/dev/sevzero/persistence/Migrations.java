package dev.sevzero.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Versioned schema migrations, applied in order at start-up and recorded in {@code schema_version}.
 * Each file holds portable SQL (SQLite and PostgreSQL); statements are separated by a semicolon at
 * the end of a line.
 */
final class Migrations {

  /** In order; append, never edit a released file. */
  static final List<String> FILES =
      List.of(
          "V1__incidents.sql",
          "V2__update_cadence.sql",
          "V3__rotation.sql",
          "V4__counters.sql",
          "V5__followups.sql",
          "V6__deliveries.sql",
          "V7__alerts.sql",
          "V8__exercises.sql",
          "V9__drill_of_reminder.sql",
          "V10__bounded_waits.sql",
          "V11__override_end.sql");

  /** PostgreSQL's advisory lock for migrating: "sevzero" in ASCII. */
  private static final long MIGRATION_LOCK = 0x7365767a65726fL;

  private final Database database;

  Migrations(Database database) {
    this.database = database;
  }

  void migrate() {
    database.execute(
        connection -> {
          waitForOtherReplicas(connection);
          migrate(connection, FILES.size());
          return null;
        });
  }

  /**
   * Replicas starting at the same moment migrate in turn: each holds the database from the start of
   * its migration transaction to its commit, so the next one reads the version the previous one
   * left and has nothing to apply, instead of applying the same file again and failing to start
   * ("already exists", or a duplicate {@code schema_version} row).
   *
   * <p>The one statement here that is not portable, so it branches on the database.
   */
  private void waitForOtherReplicas(Connection connection) throws SQLException {
    try (var statement = connection.createStatement()) {
      if (database.isSqlite()) {
        // SQLite's one write lock goes to the first write, which waits for another process's
        // (busy_timeout). It must be the transaction's first statement: a transaction that has
        // read gets SQLITE_BUSY at once instead. The driver has begun the transaction already, so
        // BEGIN IMMEDIATE is not available; this write sets the file header's user_version, which
        // Sevzero does not use, to its default.
        statement.execute("PRAGMA user_version = 0");
      } else {
        // PostgreSQL: an advisory lock, held until commit; another replica waits for it here.
        statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
      }
    }
  }

  /** Brings the schema up to {@code version}; tests also use it to make an older database. */
  static void migrate(Connection connection, int version) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS schema_version ("
              + "version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
    }
    int current = currentVersion(connection);
    for (int index = current; index < version; index++) {
      apply(connection, index + 1, FILES.get(index));
    }
  }

  private static int currentVersion(Connection connection) throws SQLException {
    try (var statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private static void apply(Connection connection, int version, String file) throws SQLException {
    try (var statement = connection.createStatement()) {
      for (String sql : read(file).split(";\\s*(\\r?\\n|$)")) {
        if (!sql.isBlank()) {
          statement.execute(sql);
        }
      }
    }
    try (var insert =
        connection.prepareStatement("INSERT INTO schema_version (version, name) VALUES (?, ?)")) {
      insert.setInt(1, version);
      insert.setString(2, file);
      insert.executeUpdate();
    }
  }

  private static String read(String file) {
    String path = "/db/migration/" + file;
    try (InputStream in = Migrations.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing migration " + path);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.replaceAll("(?m)^\\s*--.*$", "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
