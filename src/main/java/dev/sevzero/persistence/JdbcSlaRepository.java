package dev.sevzero.persistence;

import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.sla.IncidentFacts;
import dev.sevzero.sla.IncidentFactsSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads the SLA report's incidents: one month at a time, through the index on declared_at. */
public final class JdbcSlaRepository implements IncidentFactsSource {

  // One round trip: the incidents of the range, each joined to its update due times (primary key
  // lookups) and counted by outcome. Grouping by every selected column, not just the key, keeps it
  // valid on databases stricter than SQLite.
  static final String INCIDENTS_DECLARED_BETWEEN =
      """
      SELECT i.id, i.title, i.severity, i.drill, i.declared_at, i.started_at,
             i.responded_at, i.responded_by, i.response_ms, i.resolved_at, i.channel_id,
             SUM(CASE WHEN u.outcome = 'on_time' THEN 1 ELSE 0 END) AS on_time,
             SUM(CASE WHEN u.outcome = 'late' THEN 1 ELSE 0 END) AS late,
             SUM(CASE WHEN u.outcome = 'missed' THEN 1 ELSE 0 END) AS missed
      FROM incident i
      LEFT JOIN update_due u ON u.incident_id = i.id
      WHERE i.declared_at >= ? AND i.declared_at < ?
      GROUP BY i.id, i.title, i.severity, i.drill, i.declared_at, i.started_at,
               i.responded_at, i.responded_by, i.response_ms, i.resolved_at, i.channel_id
      ORDER BY i.declared_at, i.id
      """;

  private final Database database;

  public JdbcSlaRepository(Database database) {
    this.database = database;
  }

  @Override
  public List<IncidentFacts> incidentsDeclaredBetween(Instant from, Instant to) {
    return database.transaction(
        connection -> {
          try (var query = connection.prepareStatement(INCIDENTS_DECLARED_BETWEEN)) {
            query.setLong(1, from.toEpochMilli());
            query.setLong(2, to.toEpochMilli());
            return Jdbc.list(query, JdbcSlaRepository::facts);
          }
        });
  }

  private static IncidentFacts facts(ResultSet row) throws SQLException {
    return new IncidentFacts(
        row.getLong("id"),
        row.getString("title"),
        row.getString("severity"),
        row.getBoolean("drill"),
        Instant.ofEpochMilli(row.getLong("declared_at")),
        Instant.ofEpochMilli(row.getLong("started_at")),
        instant(row, "responded_at"),
        row.getString("responded_by"),
        duration(row, "response_ms"),
        instant(row, "resolved_at"),
        row.getString("channel_id"),
        new UpdateCompliance(row.getInt("on_time"), row.getInt("late"), row.getInt("missed")));
  }

  private static Instant instant(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static Duration duration(ResultSet row, String column) throws SQLException {
    long millis = row.getLong(column);
    return row.wasNull() ? null : Duration.ofMillis(millis);
  }
}
