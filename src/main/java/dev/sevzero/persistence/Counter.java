package dev.sevzero.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The numbers handed out in sequence (V4__counters.sql): INC-n, handoff ids, and per incident the
 * timeline {@code seq} and the update number.
 *
 * <p>Taking one is a single {@code UPDATE … RETURNING}, the same one round trip as the {@code
 * SELECT MAX(…) + 1} it replaced. On PostgreSQL the update row-locks the counter until the
 * transaction ends, so replicas allocating at the same moment queue up and get consecutive numbers
 * instead of the same one; a transaction that rolls back returns its number with it, so the
 * sequence stays gapless. SQLite has one writer at a time anyway.
 *
 * <p>A counter never hands out a number already stored: when a row was written without it (by a
 * replica still on the previous version, during a rolling upgrade) it continues after that row's
 * number instead of colliding with it on every later try.
 */
enum Counter {
  INCIDENT("counter", "last_issued", "name = 'incident'", "SELECT MAX(id) FROM incident"),
  HANDOFF("counter", "last_issued", "name = 'handoff'", "SELECT MAX(id) FROM handoff"),
  FOLLOWUP("counter", "last_issued", "name = 'followup'", "SELECT MAX(id) FROM followup"),
  DELIVERY("counter", "last_issued", "name = 'delivery'", "SELECT MAX(id) FROM delivery"),
  TIMELINE_SEQ(
      "incident",
      "last_timeline_seq",
      "id = ?",
      "SELECT MAX(seq) FROM timeline_entry WHERE incident_id = incident.id"),
  UPDATE_NUMBER(
      "incident",
      "last_update_number",
      "id = ?",
      "SELECT MAX(number) FROM status_update WHERE incident_id = incident.id");

  private final String next;
  private final String giveBack;

  /**
   * @param row selects the counter's row: by name, or the incident's ({@code ?})
   * @param stored the highest number stored, NULL when there is none (the CASE then keeps the
   *     counter)
   */
  Counter(String table, String column, String row, String stored) {
    this.next =
        ("UPDATE %1$s SET %2$s = ? + CASE WHEN (%4$s) > %2$s THEN (%4$s) ELSE %2$s END"
                + " WHERE %3$s RETURNING %2$s")
            .formatted(table, column, row, stored);
    this.giveBack = "UPDATE %1$s SET %2$s = %2$s - 1 WHERE %3$s".formatted(table, column, row);
  }

  /**
   * The next number of {@link #INCIDENT}, {@link #HANDOFF}, {@link #FOLLOWUP} or {@link #DELIVERY}.
   */
  long next(Connection connection) throws SQLException {
    return take(connection, 1, null);
  }

  /**
   * The first of the next {@code count} numbers of a counter like {@link #DELIVERY}, taken in one
   * statement: a change that stores several rows numbers them all at once.
   */
  long nextBlock(Connection connection, int count) throws SQLException {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive: " + count);
    }
    return take(connection, count, null) - count + 1;
  }

  /** The next number of {@link #TIMELINE_SEQ} or {@link #UPDATE_NUMBER} for the incident. */
  long next(Connection connection, long incidentId) throws SQLException {
    return take(connection, 1, incidentId);
  }

  /** Moves the counter on by {@code count}; returns the last number taken. */
  private long take(Connection connection, int count, Long incidentId) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(next)) {
      update.setInt(1, count);
      if (incidentId != null) {
        update.setLong(2, incidentId);
      }
      try (ResultSet rows = update.executeQuery()) {
        if (!rows.next()) {
          throw new SQLException(
              "no counter " + this + (incidentId == null ? "" : ": no incident " + incidentId));
        }
        return rows.getLong(1);
      }
    }
  }

  /**
   * Returns the number just taken, when the row it was for turned out not to be written (a handoff
   * another replica had already claimed). Only right in the transaction that took it: that
   * transaction still holds the counter, so nobody has taken a later number.
   */
  void giveBack(Connection connection) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(giveBack)) {
      update.executeUpdate();
    }
  }
}
