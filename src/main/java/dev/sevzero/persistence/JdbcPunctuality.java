package dev.sevzero.persistence;

import dev.sevzero.sla.Punctuality;
import dev.sevzero.sla.PunctualitySource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads punctuality from the claims the scheduler stored: a prompt's {@code prompted_at} against
 * its {@code due_at}, a missed due never prompted, a handoff's {@code at} against its {@code
 * scheduled_for}.
 */
public final class JdbcPunctuality implements PunctualitySource {

  static final String PROMPTS =
      """
      SELECT SUM(CASE WHEN prompted_at - due_at > ? THEN 1 ELSE 0 END) AS late,
             MAX(CASE WHEN prompted_at - due_at > ? THEN prompted_at - due_at ELSE 0 END) AS worst,
             SUM(CASE WHEN outcome = 'missed' AND prompted_at IS NULL THEN 1 ELSE 0 END) AS unsent
      FROM update_due
      WHERE due_at >= ? AND due_at < ?
      """;

  static final String HANDOFFS =
      """
      SELECT COUNT(*) AS late, MAX(at - scheduled_for) AS worst
      FROM handoff
      WHERE scheduled_for >= ? AND scheduled_for < ? AND at - scheduled_for > ?
      """;

  private final Database database;

  public JdbcPunctuality(Database database) {
    this.database = database;
  }

  @Override
  public Punctuality between(Instant from, Instant to) {
    long tolerance = Punctuality.TOLERANCE.toMillis();
    return database.transaction(
        connection -> {
          int latePrompts;
          long worstPrompt;
          int unsent;
          try (var query = connection.prepareStatement(PROMPTS)) {
            query.setLong(1, tolerance);
            query.setLong(2, tolerance);
            query.setLong(3, from.toEpochMilli());
            query.setLong(4, to.toEpochMilli());
            try (ResultSet row = query.executeQuery()) {
              row.next();
              latePrompts = row.getInt("late");
              worstPrompt = row.getLong("worst");
              unsent = row.getInt("unsent");
            }
          }
          try (var query = connection.prepareStatement(HANDOFFS)) {
            query.setLong(1, from.toEpochMilli());
            query.setLong(2, to.toEpochMilli());
            query.setLong(3, tolerance);
            try (ResultSet row = query.executeQuery()) {
              row.next();
              return new Punctuality(
                  latePrompts,
                  Duration.ofMillis(worstPrompt),
                  unsent,
                  row.getInt("late"),
                  Duration.ofMillis(worstOrZero(row)));
            }
          }
        });
  }

  private static long worstOrZero(ResultSet row) throws SQLException {
    long worst = row.getLong("worst");
    return row.wasNull() ? 0 : worst;
  }
}
