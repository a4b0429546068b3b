package dev.sevzero.persistence;

import static dev.sevzero.persistence.Jdbc.getInstant;
import static dev.sevzero.persistence.Jdbc.setText;

import dev.sevzero.followups.Followup;
import dev.sevzero.followups.FollowupRepository;
import dev.sevzero.followups.NewFollowup;
import dev.sevzero.incident.Incident.Stamp;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** {@link FollowupRepository} over tables {@code followup} and {@code followup_nudge}. */
public final class JdbcFollowupRepository implements FollowupRepository {

  private static final String SELECT =
      "SELECT id, incident_id, text, owner, due_on, created_by, created_at, done_by, done_at"
          + " FROM followup ";

  private final Database database;

  public JdbcFollowupRepository(Database database) {
    this.database = database;
  }

  @Override
  public Followup insert(NewFollowup followup, Instant at) {
    return database.transaction(
        connection -> {
          long id = Counter.FOLLOWUP.next(connection);
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO followup (id, incident_id, text, owner, due_on, created_by,"
                      + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setLong(2, followup.incidentId());
            insert.setString(3, followup.text());
            setText(insert, 4, followup.owner().orElse(null));
            setText(insert, 5, followup.due().map(LocalDate::toString).orElse(null));
            insert.setString(6, followup.by());
            insert.setLong(7, at.toEpochMilli());
            insert.executeUpdate();
          }
          return new Followup(
              id,
              followup.incidentId(),
              followup.text(),
              followup.owner(),
              followup.due(),
              new Stamp(followup.by(), at),
              Optional.empty());
        });
  }

  @Override
  public Optional<Followup> find(long id) {
    List<Followup> found = query("WHERE id = ?", id);
    return found.stream().findFirst();
  }

  /** The claim: only the update that finds it not done yet counts. */
  @Override
  public boolean markDone(long id, String by, Instant at) {
    return database.transaction(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE followup SET done_by = ?, done_at = ? WHERE id = ? AND done_at IS NULL")) {
            update.setString(1, by);
            update.setLong(2, at.toEpochMilli());
            update.setLong(3, id);
            return update.executeUpdate() == 1;
          }
        });
  }

  @Override
  public List<Followup> ofIncident(long incidentId) {
    return query("WHERE incident_id = ? ORDER BY id", incidentId);
  }

  @Override
  public List<Followup> open() {
    return query("WHERE done_at IS NULL ORDER BY id");
  }

  /** ISO dates compare as text, so the due day is compared in SQL. */
  @Override
  public List<Followup> overdueOn(LocalDate today) {
    return query("WHERE done_at IS NULL AND due_on < ? ORDER BY id", today.toString());
  }

  @Override
  public List<Followup> createdBetween(Instant from, Instant to) {
    return query(
        "WHERE created_at >= ? AND created_at < ? ORDER BY id",
        from.toEpochMilli(),
        to.toEpochMilli());
  }

  /**
   * {@code ON CONFLICT DO NOTHING} (SQLite and PostgreSQL alike) turns a second claim of the same
   * owner and week into zero rows, even when two replicas race.
   */
  @Override
  public boolean claimReminder(String owner, LocalDate weekOf, Instant at) {
    return database.transaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO followup_nudge (owner, week_of, sent_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (owner, week_of) DO NOTHING")) {
            insert.setString(1, owner);
            insert.setString(2, weekOf.toString());
            insert.setLong(3, at.toEpochMilli());
            return insert.executeUpdate() == 1;
          }
        });
  }

  private List<Followup> query(String where, Object... parameters) {
    return database.transaction(
        connection -> {
          try (PreparedStatement query = connection.prepareStatement(SELECT + where)) {
            for (int index = 0; index < parameters.length; index++) {
              query.setObject(index + 1, parameters[index]);
            }
            return Jdbc.list(query, JdbcFollowupRepository::followup);
          }
        });
  }

  private static Followup followup(ResultSet rows) throws SQLException {
    Instant doneAt = getInstant(rows, "done_at");
    return new Followup(
        rows.getLong("id"),
        rows.getLong("incident_id"),
        rows.getString("text"),
        Optional.ofNullable(rows.getString("owner")),
        Optional.ofNullable(rows.getString("due_on")).map(LocalDate::parse),
        new Stamp(rows.getString("created_by"), getInstant(rows, "created_at")),
        doneAt == null
            ? Optional.empty()
            : Optional.of(new Stamp(rows.getString("done_by"), doneAt)));
  }
}
