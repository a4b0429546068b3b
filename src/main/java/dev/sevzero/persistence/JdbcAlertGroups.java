package dev.sevzero.persistence;

import static dev.sevzero.persistence.Jdbc.getLong;

import dev.sevzero.alerts.AlertGroups;
import dev.sevzero.alerts.AlertSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Alert groups and the state of their alerts, in portable SQL. */
public final class JdbcAlertGroups implements AlertGroups {

  private final Database database;

  public JdbcAlertGroups(Database database) {
    this.database = database;
  }

  /**
   * {@code ON CONFLICT DO NOTHING} records a new group once however many deliveries race (on
   * PostgreSQL the second insert waits for the first's commit), and the no-op {@code UPDATE} locks
   * its row to the end of the transaction, as {@code JdbcIncidentRepository.findForChange}.
   */
  @Override
  public GroupState lock(AlertSource source, String groupKey) {
    return database.transaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO alert_group (source, group_key, declarations) VALUES (?, ?, 0)"
                      + " ON CONFLICT (source, group_key) DO NOTHING")) {
            insert.setString(1, source.code());
            insert.setString(2, groupKey);
            insert.executeUpdate();
          }
          int declarations;
          Optional<Long> incidentId;
          try (PreparedStatement lock =
              connection.prepareStatement(
                  "UPDATE alert_group SET declarations = declarations"
                      + " WHERE source = ? AND group_key = ? RETURNING declarations, incident_id")) {
            lock.setString(1, source.code());
            lock.setString(2, groupKey);
            try (ResultSet rows = lock.executeQuery()) {
              rows.next();
              declarations = rows.getInt("declarations");
              incidentId = Optional.ofNullable(getLong(rows, "incident_id"));
            }
          }
          Map<String, Boolean> alerts = new HashMap<>();
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT fingerprint, firing FROM alert_state WHERE source = ? AND group_key = ?")) {
            query.setString(1, source.code());
            query.setString(2, groupKey);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                alerts.put(rows.getString("fingerprint"), rows.getBoolean("firing"));
              }
            }
          }
          return new GroupState(declarations, incidentId, alerts);
        });
  }

  @Override
  public void startDeclaration(AlertSource source, String groupKey) {
    database.execute(
        connection -> {
          try (PreparedStatement next =
              connection.prepareStatement(
                  "UPDATE alert_group SET declarations = declarations + 1, incident_id = NULL"
                      + " WHERE source = ? AND group_key = ?")) {
            next.setString(1, source.code());
            next.setString(2, groupKey);
            next.executeUpdate();
          }
          try (PreparedStatement forget =
              connection.prepareStatement(
                  "DELETE FROM alert_state WHERE source = ? AND group_key = ?")) {
            forget.setString(1, source.code());
            forget.setString(2, groupKey);
            return forget.executeUpdate();
          }
        });
  }

  @Override
  public void linkIncident(AlertSource source, String groupKey, long incidentId) {
    database.execute(
        connection -> {
          try (PreparedStatement link =
              connection.prepareStatement(
                  "UPDATE alert_group SET incident_id = ? WHERE source = ? AND group_key = ?")) {
            link.setLong(1, incidentId);
            link.setString(2, source.code());
            link.setString(3, groupKey);
            return link.executeUpdate();
          }
        });
  }

  @Override
  public void saveAlerts(
      AlertSource source, String groupKey, Map<String, Boolean> firingByFingerprint) {
    database.execute(
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO alert_state (source, group_key, fingerprint, firing)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (source, group_key, fingerprint)"
                      + " DO UPDATE SET firing = excluded.firing")) {
            for (Map.Entry<String, Boolean> alert : firingByFingerprint.entrySet()) {
              upsert.setString(1, source.code());
              upsert.setString(2, groupKey);
              upsert.setString(3, alert.getKey());
              upsert.setBoolean(4, alert.getValue());
              upsert.addBatch();
            }
            return upsert.executeBatch();
          }
        });
  }
}
