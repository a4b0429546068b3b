package dev.sevzero.persistence;

import static dev.sevzero.persistence.Jdbc.getInstant;
import static dev.sevzero.persistence.Jdbc.getLong;
import static dev.sevzero.persistence.Jdbc.setInstant;

import dev.sevzero.deliveries.Delivery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The claims of {@link JdbcDeliveries}: which deliveries are ready, and taking their leases, inside
 * the caller's unit of work. A claim is a conditional {@code UPDATE} that only one replica's
 * statement can win: on PostgreSQL the loser's update waits for the winner's commit and then finds
 * the lease taken; SQLite has one writer anyway.
 */
final class DeliveryClaims {

  private static final String COLUMNS =
      "id, kind, sequence_key, incident_id, payload, created_at, attempts, uncertain";

  /** What {@code d} waits for is done, or it has waited as long as it may (bound: now). */
  private static final String WAIT_OVER =
      "(d.after_until <= ? OR NOT EXISTS (SELECT 1 FROM delivery a WHERE a.id = d.after_id"
          + " AND a.state = 'pending'))";

  /** Pending and due: where the loop looks for work. */
  private static final String IN_BACKLOG = "d.state = 'pending' AND d.not_before <= ?";

  /**
   * Ready and pending among the ids between two bounds. The same as {@link #IN_BACKLOG} for the
   * rows it reads, but written so that no index on {@code state} can serve it: the planner then
   * walks the few ids of the range instead of every pending delivery that is due.
   */
  private static final String IN_RANGE =
      "d.id BETWEEN ? AND ? AND d.state NOT IN ('delivered', 'failed') AND d.not_before <= ?";

  private static String readySql(String scope, int kinds) {
    return "SELECT "
        + COLUMNS
        + " FROM delivery d WHERE "
        + scope
        + " AND (d.lease_until IS NULL OR d.lease_until < ?)"
        + " AND d.kind IN ("
        + String.join(", ", Collections.nCopies(Math.max(kinds, 1), "?"))
        + ")"
        + " AND NOT EXISTS (SELECT 1 FROM delivery e WHERE e.sequence_key = d.sequence_key"
        + " AND e.state = 'pending' AND e.id < d.id)"
        + " AND "
        + WAIT_OVER
        + " ORDER BY d.id LIMIT ?";
  }

  /**
   * Takes the lease if nobody holds it. A lease that ran out means its holder died during an
   * attempt, which may have reached the target: the delivery is resumed.
   */
  private static final String CLAIM =
      "UPDATE delivery AS d SET claimed_by = ?, lease_until = ?, attempts = attempts + 1,"
          + " uncertain = CASE WHEN lease_until IS NULL THEN uncertain ELSE ? END"
          + " WHERE d.id = ? AND d.state = 'pending'"
          + " AND (d.lease_until IS NULL OR d.lease_until < ?)";

  /** {@link #CLAIM}, if it is also due and not waiting for another delivery. */
  private static final String CLAIM_IF_READY = CLAIM + " AND d.not_before <= ? AND " + WAIT_OVER;

  private static Optional<Delivery> claim(Connection connection, String sql, long id, Claim claim)
      throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(sql + " RETURNING " + COLUMNS)) {
      update.setString(1, claim.owner());
      setInstant(update, 2, claim.leaseUntil());
      update.setBoolean(3, true);
      update.setLong(4, id);
      setInstant(update, 5, claim.now());
      if (sql.equals(CLAIM_IF_READY)) {
        setInstant(update, 6, claim.now());
        setInstant(update, 7, claim.now());
      }
      return read(update).stream().findFirst();
    }
  }

  private DeliveryClaims() {}

  /** Up to {@code limit} of the ready deliveries, oldest first. */
  static List<Delivery> ready(Connection connection, Set<String> kinds, Claim claim, int limit)
      throws SQLException {
    return claimReady(
        connection, readySql(IN_BACKLOG, kinds.size()), List.of(), kinds, claim, limit);
  }

  /** Up to {@code limit} of the ready deliveries among ids {@code first} to {@code last}. */
  static List<Delivery> readyBetween(
      Connection connection, long first, long last, Set<String> kinds, Claim claim, int limit)
      throws SQLException {
    return claimReady(
        connection, readySql(IN_RANGE, kinds.size()), List.of(first, last), kinds, claim, limit);
  }

  /** The next delivery of {@code sequence}, if it is ready and of one of {@code kinds}. */
  static Optional<Delivery> next(
      Connection connection, Set<String> kinds, String sequence, Claim claim) throws SQLException {
    long id;
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, kind FROM delivery WHERE sequence_key = ? AND state = 'pending'"
                + " ORDER BY id LIMIT 1")) {
      query.setString(1, sequence);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next() || !kinds.contains(rows.getString(2))) {
          return Optional.empty();
        }
        id = rows.getLong(1);
      }
    }
    return claim(connection, CLAIM_IF_READY, id, claim);
  }

  /** Who claims, when, and until when. */
  record Claim(String owner, Instant now, Instant leaseUntil) {}

  /** Claims up to {@code limit} of what {@code readySql} (its range bounds first) finds. */
  private static List<Delivery> claimReady(
      Connection connection,
      String readySql,
      List<Long> range,
      Set<String> kinds,
      Claim claim,
      int limit)
      throws SQLException {
    List<Delivery> candidates;
    try (PreparedStatement query = connection.prepareStatement(readySql)) {
      int index = 1;
      for (long bound : range) {
        query.setLong(index++, bound);
      }
      setInstant(query, index++, claim.now());
      setInstant(query, index++, claim.now());
      for (String kind : kinds.isEmpty() ? Set.of("") : new TreeSet<>(kinds)) {
        query.setString(index++, kind);
      }
      setInstant(query, index++, claim.now());
      query.setInt(index, limit);
      candidates = read(query);
    }
    List<Delivery> claimed = new ArrayList<>();
    for (Delivery candidate : candidates) {
      claim(connection, CLAIM, candidate.id(), claim).ifPresent(claimed::add);
    }
    return claimed;
  }

  private static List<Delivery> read(PreparedStatement query) throws SQLException {
    List<Delivery> found = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        found.add(
            new Delivery(
                rows.getLong("id"),
                rows.getString("kind"),
                Optional.ofNullable(rows.getString("sequence_key")),
                Optional.ofNullable(getLong(rows, "incident_id")),
                rows.getString("payload"),
                getInstant(rows, "created_at"),
                rows.getInt("attempts"),
                rows.getBoolean("uncertain")));
      }
    }
    return found;
  }
}
