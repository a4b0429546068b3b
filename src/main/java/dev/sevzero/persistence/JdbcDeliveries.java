package dev.sevzero.persistence;

import static dev.sevzero.persistence.Jdbc.getInstant;
import static dev.sevzero.persistence.Jdbc.getLong;
import static dev.sevzero.persistence.Jdbc.setInstant;

import dev.sevzero.deliveries.Delivery;
import dev.sevzero.deliveries.DeliveryStore;
import dev.sevzero.deliveries.NewDelivery;
import dev.sevzero.deliveries.Outbox;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The outbox table {@code delivery} (V5__deliveries.sql). A claim is a conditional {@code UPDATE}
 * that only one replica's statement can win: on PostgreSQL the loser's update waits for the
 * winner's commit and then finds the lease taken; SQLite has one writer anyway.
 */
public final class JdbcDeliveries implements DeliveryStore, Outbox {

  private static final int MAX_ERROR_LENGTH = 500;
  private static final String COLUMNS =
      "id, kind, sequence_key, incident_id, payload, created_at, attempts, uncertain";

  private final Database database;
  private final Clock clock;

  /**
   * @param clock the wall clock: retries and leases are about real time, whatever the business
   *     clock says
   */
  public JdbcDeliveries(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** What {@code d} waits for is done, or it has waited as long as it may (bound: now). */
  private static final String WAIT_OVER =
      "(d.after_until <= ? OR NOT EXISTS (SELECT 1 FROM delivery a WHERE a.id = d.after_id"
          + " AND a.state = 'pending'))";

  private static String readySql(int kinds) {
    return "SELECT "
        + COLUMNS
        + " FROM delivery d WHERE d.state = 'pending' AND d.not_before <= ?"
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

  @Override
  public long enqueue(NewDelivery delivery) {
    return database.transaction(
        connection -> {
          long id = Counter.DELIVERY.next(connection);
          Instant now = clock.instant();
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO delivery (id, kind, sequence_key, after_id, incident_id, payload,"
                      + " state, created_at, not_before, attempts, uncertain, after_until)"
                      + " VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, 0, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, delivery.kind());
            insert.setString(3, delivery.sequence().orElse(null));
            setLong(insert, 4, delivery.after());
            setLong(insert, 5, delivery.incidentId());
            insert.setString(6, delivery.payload());
            setInstant(insert, 7, now);
            setInstant(insert, 8, now);
            insert.setBoolean(9, false);
            setInstant(
                insert,
                10,
                delivery
                    .after()
                    .flatMap(waited -> delivery.waitAtMost())
                    .map(now::plus)
                    .orElse(null));
            insert.executeUpdate();
          }
          return id;
        });
  }

  @Override
  public Optional<Long> pending(String kind, long incidentId) {
    return database.transaction(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT MIN(id) FROM delivery"
                      + " WHERE incident_id = ? AND kind = ? AND state = 'pending'")) {
            query.setLong(1, incidentId);
            query.setString(2, kind);
            try (ResultSet rows = query.executeQuery()) {
              rows.next();
              return Optional.ofNullable(getLong(rows, 1));
            }
          }
        });
  }

  @Override
  public List<Delivery> claimReady(
      Set<String> kinds, String owner, Instant now, Instant leaseUntil, int limit) {
    return database.transaction(
        connection -> {
          List<Delivery> candidates;
          try (PreparedStatement query = connection.prepareStatement(readySql(kinds.size()))) {
            int index = 1;
            setInstant(query, index++, now);
            setInstant(query, index++, now);
            for (String kind : kinds.isEmpty() ? Set.of("") : new TreeSet<>(kinds)) {
              query.setString(index++, kind);
            }
            setInstant(query, index++, now);
            query.setInt(index, limit);
            candidates = read(query);
          }
          List<Delivery> claimed = new ArrayList<>();
          for (Delivery candidate : candidates) {
            claim(candidate, owner, now, leaseUntil).ifPresent(claimed::add);
          }
          return claimed;
        });
  }

  @Override
  public Optional<Delivery> claimNext(
      Set<String> kinds, String sequence, String owner, Instant now, Instant leaseUntil) {
    return database.transaction(
        connection -> {
          Delivery next;
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM delivery WHERE sequence_key = ? AND state = 'pending'"
                      + " ORDER BY id LIMIT 1")) {
            query.setString(1, sequence);
            List<Delivery> found = read(query);
            if (found.isEmpty()) {
              return Optional.empty();
            }
            next = found.get(0);
          }
          if (!kinds.contains(next.kind()) || !ready(next.id(), now)) {
            return Optional.empty();
          }
          return claim(next, owner, now, leaseUntil);
        });
  }

  /** Due, not claimed and not waiting for another delivery. */
  private boolean ready(long id, Instant now) {
    return database.transaction(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT 1 FROM delivery d WHERE d.id = ? AND d.not_before <= ?"
                      + " AND (d.lease_until IS NULL OR d.lease_until < ?)"
                      + " AND "
                      + WAIT_OVER)) {
            query.setLong(1, id);
            setInstant(query, 2, now);
            setInstant(query, 3, now);
            setInstant(query, 4, now);
            try (ResultSet rows = query.executeQuery()) {
              return rows.next();
            }
          }
        });
  }

  /**
   * Takes the lease if nobody holds it. A lease that ran out means its holder died during an
   * attempt, which may have reached the target: the delivery is resumed.
   */
  private Optional<Delivery> claim(Delivery candidate, String owner, Instant now, Instant until) {
    return database.transaction(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE delivery SET claimed_by = ?, lease_until = ?, attempts = attempts + 1,"
                      + " uncertain = CASE WHEN lease_until IS NULL THEN uncertain ELSE ? END"
                      + " WHERE id = ? AND state = 'pending'"
                      + " AND (lease_until IS NULL OR lease_until < ?)")) {
            update.setString(1, owner);
            setInstant(update, 2, until);
            update.setBoolean(3, true);
            update.setLong(4, candidate.id());
            setInstant(update, 5, now);
            if (update.executeUpdate() != 1) {
              return Optional.empty();
            }
          }
          try (PreparedStatement query =
              connection.prepareStatement("SELECT " + COLUMNS + " FROM delivery WHERE id = ?")) {
            query.setLong(1, candidate.id());
            return read(query).stream().findFirst();
          }
        });
  }

  @Override
  public void delivered(long id, Optional<String> result, Instant at) {
    finish(id, "delivered", null, result.orElse(null), at);
  }

  @Override
  public void failed(long id, String reason, Instant at) {
    finish(id, "failed", reason, null, at);
  }

  private void finish(long id, String state, String error, String result, Instant at) {
    database.execute(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE delivery SET state = ?, last_error = ?, result = ?, finished_at = ?,"
                      + " claimed_by = NULL, lease_until = NULL WHERE id = ?")) {
            update.setString(1, state);
            update.setString(2, truncate(error));
            update.setString(3, result);
            setInstant(update, 4, at);
            update.setLong(5, id);
            update.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void retryAt(long id, Instant notBefore, String reason, boolean mayHaveReached) {
    database.execute(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE delivery SET not_before = ?, last_error = ?, claimed_by = NULL,"
                      + " lease_until = NULL, uncertain = (uncertain OR ?) WHERE id = ?")) {
            setInstant(update, 1, notBefore);
            update.setString(2, truncate(reason));
            update.setBoolean(3, mayHaveReached);
            update.setLong(4, id);
            update.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void renewLeases(String owner, Instant leaseUntil) {
    database.execute(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE delivery SET lease_until = ? WHERE claimed_by = ? AND state = 'pending'"
                      + " AND lease_until IS NOT NULL")) {
            setInstant(update, 1, leaseUntil);
            update.setString(2, owner);
            update.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public void releaseClaims(String owner) {
    database.execute(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE delivery SET claimed_by = NULL, lease_until = NULL, uncertain = ?"
                      + " WHERE claimed_by = ? AND state = 'pending' AND lease_until IS NOT NULL")) {
            update.setBoolean(1, true);
            update.setString(2, owner);
            update.executeUpdate();
          }
          return null;
        });
  }

  /**
   * At start-up on SQLite, which only one replica may use (see {@link Database}): every claim still
   * held is a dead process's, so it is resumed at once rather than when its lease runs out.
   */
  public void releaseClaimsOfDeadProcesses() {
    database.execute(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE delivery SET claimed_by = NULL, lease_until = NULL, uncertain = ?"
                      + " WHERE state = 'pending' AND lease_until IS NOT NULL")) {
            update.setBoolean(1, true);
            update.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public Optional<Instant> nextDue(Instant now) {
    return database.transaction(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT MIN(due) FROM (SELECT not_before AS due FROM delivery"
                      + " WHERE state = 'pending' AND not_before > ?"
                      + " UNION ALL SELECT after_until FROM delivery"
                      + " WHERE state = 'pending' AND after_until > ?) waits")) {
            setInstant(query, 1, now);
            setInstant(query, 2, now);
            try (ResultSet rows = query.executeQuery()) {
              rows.next();
              return Optional.ofNullable(getInstant(rows, 1));
            }
          }
        });
  }

  @Override
  public int prune(Instant before) {
    return database.transaction(
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM delivery WHERE state <> 'pending' AND finished_at < ?")) {
            setInstant(delete, 1, before);
            return delete.executeUpdate();
          }
        });
  }

  @Override
  public long pending() {
    return database.transaction(
        connection -> {
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT COUNT(*) FROM delivery WHERE state = 'pending'");
              ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  @Override
  public Optional<Duration> oldestPendingAge() {
    return database.transaction(
        connection -> {
          try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT MIN(created_at) FROM delivery WHERE state = 'pending'");
              ResultSet rows = query.executeQuery()) {
            rows.next();
            return Optional.ofNullable(getInstant(rows, 1))
                .map(oldest -> Duration.between(oldest, clock.instant()));
          }
        });
  }

  @Override
  public IncidentDeliveries ofIncident(long incidentId) {
    return database.transaction(
        connection -> {
          long pending = 0;
          long failed = 0;
          String lastFailure = null;
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT state, last_error FROM delivery WHERE incident_id = ?"
                      + " AND state <> 'delivered' ORDER BY id")) {
            query.setLong(1, incidentId);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                if ("pending".equals(rows.getString(1))) {
                  pending++;
                } else {
                  failed++;
                  lastFailure = rows.getString(2);
                }
              }
            }
          }
          return new IncidentDeliveries(pending, failed, Optional.ofNullable(lastFailure));
        });
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

  private static void setLong(PreparedStatement statement, int index, Optional<Long> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.get());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }

  private static String truncate(String text) {
    return text == null || text.length() <= MAX_ERROR_LENGTH
        ? text
        : text.substring(0, MAX_ERROR_LENGTH);
  }
}
