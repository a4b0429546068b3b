package dev.sevzero.persistence;

import static dev.sevzero.persistence.Jdbc.getInstant;
import static dev.sevzero.persistence.Jdbc.getLong;
import static dev.sevzero.persistence.Jdbc.setInstant;

import dev.sevzero.deliveries.Delivery;
import dev.sevzero.deliveries.DeliveryStore;
import dev.sevzero.deliveries.NewDelivery;
import dev.sevzero.deliveries.Outbox;
import java.sql.Connection;
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

/**
 * The outbox table {@code delivery} (V6__deliveries.sql): storing deliveries, recording what became
 * of them, and the backlog's figures. Finding and claiming the ready ones is {@link
 * DeliveryClaims}.
 */
public final class JdbcDeliveries implements DeliveryStore, Outbox {

  private static final int MAX_ERROR_LENGTH = 500;

  /** Well under the bound parameters a statement may have (32,766 on SQLite, 65,535 on JDBC). */
  private static final int ROWS_PER_INSERT = 100;

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

  @Override
  public long enqueue(NewDelivery delivery) {
    return enqueueAll(List.of(delivery)).get(0);
  }

  /**
   * Numbered in one counter step and inserted in one statement (per {@link #ROWS_PER_INSERT}): a
   * declaration stores its deliveries on the path of the slash command's ack, and a burst of
   * declarations queues for the database one transaction at a time.
   */
  @Override
  public List<Long> enqueueAll(List<NewDelivery> deliveries) {
    if (deliveries.isEmpty()) {
      return List.of();
    }
    return database.transaction(
        connection -> {
          long first = Counter.DELIVERY.nextBlock(connection, deliveries.size());
          StoredHere stored = database.transactionScoped(StoredHere.class, StoredHere::new);
          stored.firstId = Math.min(stored.firstId, first);
          stored.lastId = Math.max(stored.lastId, first + deliveries.size() - 1);
          Instant now = clock.instant();
          for (int from = 0; from < deliveries.size(); from += ROWS_PER_INSERT) {
            List<NewDelivery> rows =
                deliveries.subList(from, Math.min(deliveries.size(), from + ROWS_PER_INSERT));
            insert(connection, first + from, rows, now);
          }
          List<Long> ids = new ArrayList<>(deliveries.size());
          for (int i = 0; i < deliveries.size(); i++) {
            ids.add(first + i);
          }
          return ids;
        });
  }

  /** The ids this transaction stored: one range, since it holds the counter until it ends. */
  private static final class StoredHere {
    long firstId = Long.MAX_VALUE;
    long lastId = Long.MIN_VALUE;
  }

  @Override
  public List<Delivery> claimStoredHere(
      Set<String> kinds, String owner, Instant now, Instant leaseUntil, int limit) {
    return database.transaction(
        connection -> {
          StoredHere stored = database.transactionScoped(StoredHere.class, StoredHere::new);
          if (stored.firstId > stored.lastId) {
            return List.of();
          }
          return DeliveryClaims.readyBetween(
              connection,
              stored.firstId,
              stored.lastId,
              kinds,
              new DeliveryClaims.Claim(owner, now, leaseUntil),
              limit);
        });
  }

  private static void insert(
      Connection connection, long firstId, List<NewDelivery> deliveries, Instant now)
      throws SQLException {
    String sql =
        "INSERT INTO delivery (id, kind, sequence_key, after_id, incident_id, payload, state,"
            + " created_at, not_before, attempts, uncertain, after_until) VALUES "
            + String.join(
                ", ",
                Collections.nCopies(
                    deliveries.size(), "(?, ?, ?, ?, ?, ?, 'pending', ?, ?, 0, ?, ?)"));
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int index = 1;
      long id = firstId;
      for (NewDelivery delivery : deliveries) {
        insert.setLong(index++, id++);
        insert.setString(index++, delivery.kind());
        insert.setString(index++, delivery.sequence().orElse(null));
        setLong(insert, index++, delivery.after());
        setLong(insert, index++, delivery.incidentId());
        insert.setString(index++, delivery.payload());
        setInstant(insert, index++, now);
        setInstant(insert, index++, now);
        insert.setBoolean(index++, false);
        setInstant(
            insert,
            index++,
            delivery.after().flatMap(waited -> delivery.waitAtMost()).map(now::plus).orElse(null));
      }
      insert.executeUpdate();
    }
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
        connection ->
            DeliveryClaims.ready(
                connection, kinds, new DeliveryClaims.Claim(owner, now, leaseUntil), limit));
  }

  @Override
  public Optional<Delivery> claimNext(
      Set<String> kinds, String sequence, String owner, Instant now, Instant leaseUntil) {
    return database.transaction(
        connection ->
            DeliveryClaims.next(
                connection, kinds, sequence, new DeliveryClaims.Claim(owner, now, leaseUntil)));
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
