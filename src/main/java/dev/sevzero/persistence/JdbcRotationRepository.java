package dev.sevzero.persistence;

import dev.sevzero.rotation.Handoff;
import dev.sevzero.rotation.HandoffReason;
import dev.sevzero.rotation.NewHandoff;
import dev.sevzero.rotation.OncallOverride;
import dev.sevzero.rotation.Roster;
import dev.sevzero.rotation.RotationRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link RotationRepository} over tables {@code roster_member}, {@code handoff}, {@code
 * oncall_override}.
 */
public final class JdbcRotationRepository implements RotationRepository {

  private static final String HANDOFF_COLUMNS =
      "id, at, from_user, to_user, reason, scheduled_for, confirmed_at";

  private final Database database;

  public JdbcRotationRepository(Database database) {
    this.database = database;
  }

  @Override
  public <T> T atomically(Supplier<T> work) {
    return database.transaction(connection -> work.get());
  }

  @Override
  public Roster roster() {
    return database.transaction(
        connection -> {
          try (var statement =
              connection.prepareStatement("SELECT user_id FROM roster_member ORDER BY position")) {
            return new Roster(Jdbc.list(statement, rows -> rows.getString(1)));
          }
        });
  }

  @Override
  public void saveRoster(Roster roster, Instant at) {
    database.execute(
        connection -> {
          List<String> stored = roster().members();
          for (String gone : stored) {
            if (!roster.contains(gone)) {
              update(connection, "DELETE FROM roster_member WHERE user_id = ?", gone);
            }
          }
          for (int index = 0; index < roster.size(); index++) {
            String user = roster.members().get(index);
            int position = index + 1;
            if (stored.contains(user)) {
              update(
                  connection,
                  "UPDATE roster_member SET position = ? WHERE user_id = ?",
                  position,
                  user);
            } else {
              update(
                  connection,
                  "INSERT INTO roster_member (user_id, position, added_at) VALUES (?, ?, ?)",
                  user,
                  position,
                  at.toEpochMilli());
            }
          }
          return null;
        });
  }

  @Override
  public Optional<Handoff> lastHandoff() {
    return database.transaction(
        connection -> {
          try (var statement =
                  connection.prepareStatement(
                      "SELECT "
                          + HANDOFF_COLUMNS
                          + " FROM handoff ORDER BY at DESC, id DESC LIMIT 1");
              var rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(handoff(rows)) : Optional.empty();
          }
        });
  }

  /**
   * {@code ON CONFLICT (scheduled_for) DO NOTHING} (SQLite and PostgreSQL alike) turns a second
   * claim on the same cron instant into zero rows instead of an error, even when two replicas race;
   * the id it had taken is given back, so handoff ids stay gapless.
   */
  @Override
  public Optional<Handoff> recordHandoff(NewHandoff handoff) {
    return database.transaction(
        connection -> {
          long id = Counter.HANDOFF.next(connection);
          try (var insert =
              connection.prepareStatement(
                  "INSERT INTO handoff (id, scheduled_for, at, from_user, to_user, reason)"
                      + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (scheduled_for) DO NOTHING")) {
            insert.setLong(1, id);
            setNullableInstant(insert, 2, handoff.scheduledFor());
            insert.setLong(3, handoff.at().toEpochMilli());
            insert.setString(4, handoff.from());
            insert.setString(5, handoff.to());
            insert.setString(6, handoff.reason().code());
            if (insert.executeUpdate() == 1) {
              return Optional.of(handoff.withId(id));
            }
            Counter.HANDOFF.giveBack(connection);
            return Optional.empty();
          }
        });
  }

  @Override
  public boolean confirmHandoff(long handoffId, Instant at) {
    return setOnce("confirmed_at", handoffId, at);
  }

  @Override
  public boolean claimReminder(long handoffId, Instant at) {
    return setOnce("reminded_at", handoffId, at);
  }

  @Override
  public boolean claimEscalation(long handoffId, Instant at) {
    return setOnce("escalated_at", handoffId, at);
  }

  @Override
  public void addOverride(OncallOverride override) {
    database.execute(
        connection ->
            update(
                connection,
                "INSERT INTO oncall_override (user_id, starts_at, ends_at, created_by, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)",
                override.user(),
                override.from().toEpochMilli(),
                override.until().toEpochMilli(),
                override.by(),
                override.from().toEpochMilli()));
  }

  @Override
  public List<OncallOverride> overridesEndingAfter(Instant t) {
    return database.transaction(
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "SELECT user_id, starts_at, ends_at, created_by FROM oncall_override"
                      + " WHERE ends_at > ? ORDER BY starts_at, created_at")) {
            statement.setLong(1, t.toEpochMilli());
            return Jdbc.list(statement, JdbcRotationRepository::override);
          }
        });
  }

  @Override
  public List<OncallOverride> overridesEndedUntold(Instant after, Instant until) {
    return database.transaction(
        connection -> {
          try (var statement =
              connection.prepareStatement(
                  "SELECT user_id, starts_at, ends_at, created_by FROM oncall_override"
                      + " WHERE ends_at > ? AND ends_at <= ? AND end_told_at IS NULL"
                      + " ORDER BY ends_at, starts_at")) {
            statement.setLong(1, after.toEpochMilli());
            statement.setLong(2, until.toEpochMilli());
            return Jdbc.list(statement, JdbcRotationRepository::override);
          }
        });
  }

  @Override
  public boolean claimOverrideEnd(OncallOverride override, Instant at) {
    return database.transaction(
        connection ->
            update(
                    connection,
                    "UPDATE oncall_override SET end_told_at = ?"
                        + " WHERE user_id = ? AND starts_at = ? AND end_told_at IS NULL",
                    at.toEpochMilli(),
                    override.user(),
                    override.from().toEpochMilli())
                == 1);
  }

  private static OncallOverride override(ResultSet rows) throws SQLException {
    return new OncallOverride(
        rows.getString(1),
        Instant.ofEpochMilli(rows.getLong(2)),
        Instant.ofEpochMilli(rows.getLong(3)),
        rows.getString(4));
  }

  /** The claim: only the update that finds the column still empty counts. */
  private boolean setOnce(String column, long handoffId, Instant at) {
    return database.transaction(
        connection ->
            update(
                    connection,
                    "UPDATE handoff SET " + column + " = ? WHERE id = ? AND " + column + " IS NULL",
                    at.toEpochMilli(),
                    handoffId)
                == 1);
  }

  private static Handoff handoff(ResultSet rows) throws SQLException {
    return new Handoff(
        rows.getLong("id"),
        Instant.ofEpochMilli(rows.getLong("at")),
        rows.getString("from_user"),
        rows.getString("to_user"),
        HandoffReason.fromCode(rows.getString("reason")),
        nullableInstant(rows, "scheduled_for"),
        nullableInstant(rows, "confirmed_at"));
  }

  private static Instant nullableInstant(ResultSet rows, String column) throws SQLException {
    long millis = rows.getLong(column);
    return rows.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static void setNullableInstant(PreparedStatement statement, int index, Instant value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value.toEpochMilli());
    }
  }

  private static int update(Connection connection, String sql, Object... parameters)
      throws SQLException {
    try (var statement = connection.prepareStatement(sql)) {
      for (int index = 0; index < parameters.length; index++) {
        statement.setObject(index + 1, parameters[index]);
      }
      return statement.executeUpdate();
    }
  }
}
