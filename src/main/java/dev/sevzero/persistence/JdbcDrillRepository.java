package dev.sevzero.persistence;

import dev.sevzero.exercises.ChecklistStep;
import dev.sevzero.exercises.Drill;
import dev.sevzero.exercises.DrillRepository;
import dev.sevzero.exercises.ExerciseKind;
import dev.sevzero.exercises.RecoveryTargets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DrillRepository} over {@code drill}, {@code drill_step}, {@code exercise_schedule} and
 * {@code exercise_reminder}.
 */
public final class JdbcDrillRepository implements DrillRepository {

  private static final String DRILL_COLUMNS =
      "incident_id, kind, scenario_id, title, brief, rto_target_ms, rpo_target_ms,"
          + " rto_achieved_ms, rpo_achieved_ms, achieved_by, achieved_at, checklist_ts, started_at";

  private final Database database;

  public JdbcDrillRepository(Database database) {
    this.database = database;
  }

  @Override
  public void insert(Drill drill) {
    database.execute(
        connection -> {
          try (var insert =
              connection.prepareStatement(
                  "INSERT INTO drill (incident_id, kind, scenario_id, title, brief, rto_target_ms,"
                      + " rpo_target_ms, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, drill.incidentId());
            insert.setString(2, drill.kind().code());
            insert.setString(3, drill.scenarioId().orElse(null));
            insert.setString(4, drill.title());
            insert.setString(5, drill.brief().orElse(null));
            setMillis(insert, 6, drill.targets().map(RecoveryTargets::rto));
            setMillis(insert, 7, drill.targets().map(RecoveryTargets::rpo));
            insert.setLong(8, drill.startedAt().toEpochMilli());
            insert.executeUpdate();
          }
          try (var insert =
              connection.prepareStatement(
                  "INSERT INTO drill_step (incident_id, number, text) VALUES (?, ?, ?)")) {
            for (ChecklistStep step : drill.checklist()) {
              insert.setLong(1, drill.incidentId());
              insert.setInt(2, step.number());
              insert.setString(3, step.text());
              insert.executeUpdate();
            }
          }
          return null;
        });
  }

  @Override
  public Optional<Drill> find(long incidentId) {
    return database.transaction(
        connection -> {
          List<Drill> found =
              drills(
                  connection,
                  "SELECT " + DRILL_COLUMNS + " FROM drill WHERE incident_id = ?",
                  statement -> statement.setLong(1, incidentId));
          return found.stream().findFirst();
        });
  }

  @Override
  public List<Drill> startedBetween(Instant from, Instant to) {
    return database.transaction(
        connection ->
            drills(
                connection,
                "SELECT "
                    + DRILL_COLUMNS
                    + " FROM drill WHERE started_at >= ? AND started_at < ?"
                    + " ORDER BY started_at, incident_id",
                statement -> {
                  statement.setLong(1, from.toEpochMilli());
                  statement.setLong(2, to.toEpochMilli());
                }));
  }

  @Override
  public Map<String, Instant> lastRehearsed() {
    return database.transaction(
        connection -> {
          Map<String, Instant> last = new HashMap<>();
          try (var statement =
                  connection.prepareStatement(
                      "SELECT scenario_id, MAX(started_at) FROM drill"
                          + " WHERE scenario_id IS NOT NULL GROUP BY scenario_id");
              var rows = statement.executeQuery()) {
            while (rows.next()) {
              last.put(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)));
            }
          }
          return last;
        });
  }

  /** The claim: only the update that finds the step unticked counts. */
  @Override
  public boolean tick(long incidentId, int number, String by, Instant at) {
    return database.transaction(
        connection -> {
          try (var update =
              connection.prepareStatement(
                  "UPDATE drill_step SET ticked_by = ?, ticked_at = ?"
                      + " WHERE incident_id = ? AND number = ? AND ticked_at IS NULL")) {
            update.setString(1, by);
            update.setLong(2, at.toEpochMilli());
            update.setLong(3, incidentId);
            update.setInt(4, number);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public boolean recordAchieved(
      long incidentId, Duration rto, Duration rpo, String by, Instant at) {
    return database.transaction(
        connection -> {
          try (var update =
              connection.prepareStatement(
                  "UPDATE drill SET rto_achieved_ms = ?, rpo_achieved_ms = ?, achieved_by = ?,"
                      + " achieved_at = ? WHERE incident_id = ? AND achieved_at IS NULL")) {
            update.setLong(1, rto.toMillis());
            update.setLong(2, rpo.toMillis());
            update.setString(3, by);
            update.setLong(4, at.toEpochMilli());
            update.setLong(5, incidentId);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void attachChecklist(long incidentId, String ts) {
    database.execute(
        connection -> {
          try (var update =
              connection.prepareStatement(
                  "UPDATE drill SET checklist_ts = ? WHERE incident_id = ?")) {
            update.setString(1, ts);
            update.setLong(2, incidentId);
            return update.executeUpdate();
          }
        });
  }

  /** {@code ON CONFLICT DO NOTHING}: the first replica to ask sets it, the others read it. */
  @Override
  public Instant remindingSince(ExerciseKind kind, Instant now) {
    return database.transaction(
        connection -> {
          try (var insert =
              connection.prepareStatement(
                  "INSERT INTO exercise_schedule (kind, reminding_since) VALUES (?, ?)"
                      + " ON CONFLICT (kind) DO NOTHING")) {
            insert.setString(1, kind.code());
            insert.setLong(2, now.toEpochMilli());
            insert.executeUpdate();
          }
          try (var select =
              connection.prepareStatement(
                  "SELECT reminding_since FROM exercise_schedule WHERE kind = ?")) {
            select.setString(1, kind.code());
            try (var rows = select.executeQuery()) {
              rows.next();
              return Instant.ofEpochMilli(rows.getLong(1));
            }
          }
        });
  }

  /**
   * {@code ON CONFLICT DO NOTHING} (SQLite and PostgreSQL alike) turns a second claim on the same
   * occurrence into zero rows instead of an error, even when two replicas race.
   */
  @Override
  public boolean claimReminder(
      ExerciseKind kind, Instant occurrence, String scenarioId, Instant at) {
    return database.transaction(
        connection -> {
          try (var insert =
              connection.prepareStatement(
                  "INSERT INTO exercise_reminder (kind, occurrence_at, scenario_id, claimed_at)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (kind, occurrence_at) DO NOTHING")) {
            insert.setString(1, kind.code());
            insert.setLong(2, occurrence.toEpochMilli());
            insert.setString(3, scenarioId);
            insert.setLong(4, at.toEpochMilli());
            return insert.executeUpdate() == 1;
          }
        });
  }

  /** The latest reminder of a kind that named a scenario: the one its buttons start. */
  private static final String LATEST_REMINDER =
      "kind = ? AND scenario_id = ? AND occurrence_at = (SELECT MAX(occurrence_at)"
          + " FROM exercise_reminder WHERE kind = ? AND scenario_id = ?)";

  /**
   * A conditional update: on PostgreSQL a second replica's update waits for the first's commit,
   * then finds the reminder claimed and changes nothing.
   */
  @Override
  public boolean claimDrillOfReminder(ExerciseKind kind, String scenarioId, String by) {
    return database.transaction(
        connection -> {
          try (var update =
              connection.prepareStatement(
                  "UPDATE exercise_reminder SET drill_started_by = ? WHERE "
                      + LATEST_REMINDER
                      + " AND drill_started_by IS NULL")) {
            update.setString(1, by);
            bindLatestReminder(update, 2, kind, scenarioId);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void recordDrillOfReminder(ExerciseKind kind, String scenarioId, long incidentId) {
    database.execute(
        connection -> {
          try (var update =
              connection.prepareStatement(
                  "UPDATE exercise_reminder SET drill_incident_id = ? WHERE " + LATEST_REMINDER)) {
            update.setLong(1, incidentId);
            bindLatestReminder(update, 2, kind, scenarioId);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Long> drillOfReminder(ExerciseKind kind, String scenarioId) {
    return database.transaction(
        connection -> {
          try (var select =
              connection.prepareStatement(
                  "SELECT drill_incident_id FROM exercise_reminder WHERE " + LATEST_REMINDER)) {
            bindLatestReminder(select, 1, kind, scenarioId);
            try (var rows = select.executeQuery()) {
              return rows.next()
                  ? Optional.ofNullable(Jdbc.getLong(rows, "drill_incident_id"))
                  : Optional.<Long>empty();
            }
          }
        });
  }

  private static void bindLatestReminder(
      PreparedStatement statement, int first, ExerciseKind kind, String scenarioId)
      throws SQLException {
    statement.setString(first, kind.code());
    statement.setString(first + 1, scenarioId);
    statement.setString(first + 2, kind.code());
    statement.setString(first + 3, scenarioId);
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private static List<Drill> drills(Connection connection, String sql, Binder binder)
      throws SQLException {
    List<Drill> drills = new ArrayList<>();
    try (var statement = connection.prepareStatement(sql)) {
      binder.bind(statement);
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          drills.add(drill(connection, rows));
        }
      }
    }
    return drills;
  }

  private static Drill drill(Connection connection, ResultSet rows) throws SQLException {
    long incidentId = rows.getLong("incident_id");
    Optional<Duration> rtoTarget = millis(rows, "rto_target_ms");
    Optional<Duration> rpoTarget = millis(rows, "rpo_target_ms");
    Optional<Duration> rtoAchieved = millis(rows, "rto_achieved_ms");
    Optional<Duration> rpoAchieved = millis(rows, "rpo_achieved_ms");
    Instant achievedAt = Jdbc.getInstant(rows, "achieved_at");
    Optional<Drill.Achieved> achieved =
        achievedAt == null
            ? Optional.empty()
            : Optional.of(
                new Drill.Achieved(
                    rtoAchieved.orElseThrow(),
                    rpoAchieved.orElseThrow(),
                    rows.getString("achieved_by"),
                    achievedAt));
    return new Drill(
        incidentId,
        ExerciseKind.parse(rows.getString("kind")).orElseThrow(),
        Optional.ofNullable(rows.getString("scenario_id")),
        rows.getString("title"),
        Optional.ofNullable(rows.getString("brief")),
        steps(connection, incidentId),
        rtoTarget.map(rto -> new RecoveryTargets(rto, rpoTarget.orElseThrow())),
        achieved,
        Jdbc.getInstant(rows, "started_at"),
        Optional.ofNullable(rows.getString("checklist_ts")));
  }

  private static List<ChecklistStep> steps(Connection connection, long incidentId)
      throws SQLException {
    List<ChecklistStep> steps = new ArrayList<>();
    try (var statement =
        connection.prepareStatement(
            "SELECT number, text, ticked_by, ticked_at FROM drill_step"
                + " WHERE incident_id = ? ORDER BY number")) {
      statement.setLong(1, incidentId);
      try (var rows = statement.executeQuery()) {
        while (rows.next()) {
          steps.add(
              new ChecklistStep(
                  rows.getInt("number"),
                  rows.getString("text"),
                  Optional.ofNullable(rows.getString("ticked_by")),
                  Optional.ofNullable(Jdbc.getInstant(rows, "ticked_at"))));
        }
      }
    }
    return steps;
  }

  private static Optional<Duration> millis(ResultSet rows, String column) throws SQLException {
    return Optional.ofNullable(Jdbc.getLong(rows, column)).map(Duration::ofMillis);
  }

  private static void setMillis(PreparedStatement statement, int index, Optional<Duration> value)
      throws SQLException {
    if (value.isPresent()) {
      statement.setLong(index, value.get().toMillis());
    } else {
      statement.setNull(index, Types.BIGINT);
    }
  }
}
