package dev.sevzero.persistence;

import static dev.sevzero.persistence.Jdbc.getInstant;
import static dev.sevzero.persistence.Jdbc.setInstant;

import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.updates.UpdateDue;
import dev.sevzero.updates.UpdateDueRepository;
import dev.sevzero.updates.UpdateOutcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Update due times and their claims, in portable SQL over {@code update_due}. */
public final class JdbcUpdateDueRepository implements UpdateDueRepository {

  private static final String PENDING = "outcome IS NULL";

  private final Database database;

  public JdbcUpdateDueRepository(Database database) {
    this.database = database;
  }

  @Override
  public Optional<UpdateDue> pending(long incidentId) {
    return database.transaction(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT incident_id, due_at, prompted_at, escalated_at FROM update_due"
                      + " WHERE incident_id = ? AND "
                      + PENDING
                      + " ORDER BY due_at")) {
            query.setLong(1, incidentId);
            return read(query).stream().findFirst();
          }
        });
  }

  @Override
  public List<UpdateDue> pendingDueBy(Instant instant) {
    return database.transaction(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT incident_id, due_at, prompted_at, escalated_at FROM update_due"
                      + " WHERE "
                      + PENDING
                      + " AND due_at <= ? ORDER BY due_at, incident_id")) {
            setInstant(query, 1, instant);
            return read(query);
          }
        });
  }

  @Override
  public Optional<Instant> nextAttention(Duration grace) {
    return database.transaction(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT MIN(CASE WHEN prompted_at IS NULL THEN due_at"
                      + " WHEN prompted_at > due_at THEN prompted_at + ? ELSE due_at + ? END)"
                      + " FROM update_due WHERE "
                      + PENDING)) {
            query.setLong(1, grace.toMillis());
            query.setLong(2, grace.toMillis());
            try (ResultSet rows = query.executeQuery()) {
              rows.next();
              return Optional.ofNullable(getInstant(rows, 1));
            }
          }
        });
  }

  @Override
  public void start(long incidentId, Instant dueAt) {
    database.execute(
        connection -> {
          deletePending(connection, incidentId);
          insertPending(connection, incidentId, dueAt);
          return null;
        });
  }

  @Override
  public void stop(long incidentId) {
    database.execute(connection -> deletePending(connection, incidentId));
  }

  @Override
  public boolean claimPrompt(long incidentId, Instant dueAt, Instant at) {
    return update(
            "UPDATE update_due SET prompted_at = ? WHERE incident_id = ? AND due_at = ?"
                + " AND prompted_at IS NULL AND "
                + PENDING,
            at,
            incidentId,
            dueAt)
        == 1;
  }

  @Override
  public void releasePrompt(long incidentId, Instant dueAt) {
    update(
        "UPDATE update_due SET prompted_at = ? WHERE incident_id = ? AND due_at = ? AND " + PENDING,
        null,
        incidentId,
        dueAt);
  }

  @Override
  public boolean recordMissed(
      long incidentId, Instant dueAt, Instant escalatedAt, Instant nextDue) {
    return recordOutcome(incidentId, dueAt, UpdateOutcome.MISSED, escalatedAt, null, nextDue);
  }

  @Override
  public boolean recordAnswered(
      long incidentId, Instant dueAt, UpdateOutcome outcome, int number, Instant nextDue) {
    return recordOutcome(incidentId, dueAt, outcome, null, number, nextDue);
  }

  /**
   * Gives the pending due its outcome and makes {@code nextDue} pending, for the one caller that
   * finds it still pending; the others change nothing.
   */
  private boolean recordOutcome(
      long incidentId,
      Instant dueAt,
      UpdateOutcome outcome,
      Instant escalatedAt,
      Integer number,
      Instant nextDue) {
    return database.transaction(
        connection -> {
          int claimed;
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE update_due SET outcome = ?, escalated_at = ?, update_number = ?"
                      + " WHERE incident_id = ? AND due_at = ? AND "
                      + PENDING)) {
            update.setString(1, outcome.code());
            setInstant(update, 2, escalatedAt);
            if (number == null) {
              update.setNull(3, Types.INTEGER);
            } else {
              update.setInt(3, number);
            }
            update.setLong(4, incidentId);
            setInstant(update, 5, dueAt);
            claimed = update.executeUpdate();
          }
          if (claimed == 1) {
            insertPending(connection, incidentId, nextDue);
          }
          return claimed == 1;
        });
  }

  @Override
  public UpdateCompliance compliance(long incidentId) {
    return database.transaction(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT outcome, COUNT(*) FROM update_due WHERE incident_id = ?"
                      + " AND outcome IS NOT NULL GROUP BY outcome")) {
            query.setLong(1, incidentId);
            int onTime = 0;
            int late = 0;
            int missed = 0;
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                int count = rows.getInt(2);
                switch (rows.getString(1)) {
                  case "on_time" -> onTime = count;
                  case "late" -> late = count;
                  default -> missed = count;
                }
              }
            }
            return new UpdateCompliance(onTime, late, missed);
          }
        });
  }

  private static Void deletePending(Connection connection, long incidentId) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM update_due WHERE incident_id = ? AND " + PENDING)) {
      delete.setLong(1, incidentId);
      delete.executeUpdate();
    }
    return null;
  }

  /** Inserts a pending row unless that due time is already recorded (a retried call). */
  private static void insertPending(Connection connection, long incidentId, Instant dueAt)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO update_due (incident_id, due_at) SELECT ?, ? WHERE NOT EXISTS"
                + " (SELECT 1 FROM update_due WHERE incident_id = ? AND due_at = ?)")) {
      insert.setLong(1, incidentId);
      setInstant(insert, 2, dueAt);
      insert.setLong(3, incidentId);
      setInstant(insert, 4, dueAt);
      insert.executeUpdate();
    }
  }

  private int update(String sql, Instant at, long incidentId, Instant dueAt) {
    return database.transaction(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(sql)) {
            setInstant(update, 1, at);
            update.setLong(2, incidentId);
            setInstant(update, 3, dueAt);
            return update.executeUpdate();
          }
        });
  }

  private static List<UpdateDue> read(PreparedStatement query) throws SQLException {
    return Jdbc.list(
        query,
        rows ->
            new UpdateDue(
                rows.getLong("incident_id"),
                getInstant(rows, "due_at"),
                getInstant(rows, "prompted_at"),
                getInstant(rows, "escalated_at")));
  }
}
