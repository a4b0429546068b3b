package dev.sevzero.persistence;

import static dev.sevzero.persistence.Jdbc.setInstant;

import dev.sevzero.pagerduty.PagerDutyRecords;
import java.sql.PreparedStatement;
import java.time.Instant;

/**
 * PagerDuty acknowledgements and webhook deliveries, each a conditional write whose row count says
 * whether this caller was first: replicas racing on the same fact agree on one winner.
 */
public final class JdbcPagerDutyRecords implements PagerDutyRecords {

  private final Database database;

  public JdbcPagerDutyRecords(Database database) {
    this.database = database;
  }

  @Override
  public boolean markAcknowledged(long incidentId) {
    return database.transaction(
        connection -> {
          try (PreparedStatement mark =
              connection.prepareStatement(
                  "INSERT INTO pagerduty_page (incident_id, acknowledged) VALUES (?, TRUE)"
                      + " ON CONFLICT (incident_id) DO UPDATE SET acknowledged = TRUE"
                      + " WHERE pagerduty_page.acknowledged = FALSE")) {
            mark.setLong(1, incidentId);
            return mark.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void clearAcknowledged(long incidentId) {
    database.execute(
        connection -> {
          try (PreparedStatement clear =
              connection.prepareStatement(
                  "UPDATE pagerduty_page SET acknowledged = FALSE WHERE incident_id = ?")) {
            clear.setLong(1, incidentId);
            return clear.executeUpdate();
          }
        });
  }

  @Override
  public boolean firstDelivery(String webhookId, Instant receivedAt) {
    return database.transaction(
        connection -> {
          try (PreparedStatement record =
              connection.prepareStatement(
                  "INSERT INTO pagerduty_webhook (webhook_id, received_at) VALUES (?, ?)"
                      + " ON CONFLICT (webhook_id) DO NOTHING")) {
            record.setString(1, webhookId);
            setInstant(record, 2, receivedAt);
            return record.executeUpdate() == 1;
          }
        });
  }
}
