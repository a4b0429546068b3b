package dev.sevzero.persistence;

import dev.sevzero.incident.CapturedMessage;
import dev.sevzero.incident.CapturedMessageRepository;
import java.sql.PreparedStatement;

/** {@link CapturedMessageRepository} over table {@code captured_message}. */
public final class JdbcCapturedMessageRepository implements CapturedMessageRepository {

  private final Database database;

  public JdbcCapturedMessageRepository(Database database) {
    this.database = database;
  }

  /** The primary key (incident, message ts) turns a second capture into zero rows. */
  @Override
  public boolean insertIfNew(CapturedMessage message) {
    return database.transaction(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO captured_message (incident_id, message_ts, author, posted_at, text,"
                      + " captured_by, captured_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (incident_id, message_ts) DO NOTHING")) {
            insert.setLong(1, message.incidentId());
            insert.setString(2, message.messageTs());
            insert.setString(3, message.author());
            insert.setLong(4, message.postedAt().toEpochMilli());
            insert.setString(5, message.text());
            insert.setString(6, message.capturedBy());
            insert.setLong(7, message.capturedAt().toEpochMilli());
            return insert.executeUpdate() == 1;
          }
        });
  }
}
