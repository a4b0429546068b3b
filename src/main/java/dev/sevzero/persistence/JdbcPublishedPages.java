package dev.sevzero.persistence;

import dev.sevzero.postmortem.PublishedPage;
import dev.sevzero.postmortem.PublishedPages;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** {@link PublishedPages} over table {@code postmortem_page}. */
public final class JdbcPublishedPages implements PublishedPages {

  private final Database database;

  public JdbcPublishedPages(Database database) {
    this.database = database;
  }

  @Override
  public Optional<PublishedPage> find(long incidentId) {
    return database.transaction(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT page_id, url FROM postmortem_page WHERE incident_id = ?")) {
            query.setLong(1, incidentId);
            try (ResultSet rows = query.executeQuery()) {
              return rows.next()
                  ? Optional.of(new PublishedPage(rows.getString(1), rows.getString(2)))
                  : Optional.empty();
            }
          }
        });
  }

  @Override
  public void save(long incidentId, PublishedPage page, Optional<Instant> completedAt) {
    database.execute(
        connection -> {
          try (PreparedStatement upsert =
              connection.prepareStatement(
                  "INSERT INTO postmortem_page (incident_id, page_id, url, published_at)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (incident_id) DO UPDATE SET"
                      + " page_id = excluded.page_id, url = excluded.url,"
                      + " published_at = excluded.published_at")) {
            upsert.setLong(1, incidentId);
            upsert.setString(2, page.id());
            upsert.setString(3, page.url());
            Jdbc.setInstant(upsert, 4, completedAt.orElse(null));
            return upsert.executeUpdate();
          }
        });
  }
}
