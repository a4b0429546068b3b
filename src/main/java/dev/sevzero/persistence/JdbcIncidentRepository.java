package dev.sevzero.persistence;

import static dev.sevzero.persistence.Jdbc.getInstant;
import static dev.sevzero.persistence.Jdbc.getLong;
import static dev.sevzero.persistence.Jdbc.setInstant;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentRepository;
import dev.sevzero.incident.IncidentStatus;
import dev.sevzero.incident.OpenIncident;
import dev.sevzero.incident.Origin;
import dev.sevzero.incident.ResponseKind;
import dev.sevzero.incident.Severity;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.incident.TimelineEntry;
import dev.sevzero.incident.UpdateStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Incidents, engineers, timeline and updates in plain, portable SQL. */
public final class JdbcIncidentRepository implements IncidentRepository {

  private static final String COLUMNS =
      "id, title, description, severity, status, drill, declared_by, declared_at, started_at,"
          + " channel_id, channel_name, header_ts, commander, scribe, acknowledged_by,"
          + " acknowledged_at, responded_by, responded_at, response_kind, response_ms,"
          + " resolved_by, resolved_at, resolution, source, external_id";

  private final Database database;

  /**
   * {@code /incident list} answers from this: reading every column of each open incident through
   * SQLite's JNI on every command was 149 µs of the 340 µs of CPU a {@code list} cost.
   */
  private final KeptRead<List<OpenIncident>> openAtAGlance;

  public JdbcIncidentRepository(Database database) {
    this.database = database;
    this.openAtAGlance = new KeptRead<>(database, JdbcIncidentRepository::readOpenAtAGlance);
  }

  @Override
  public Incident insert(Incident.Declaration declaration) {
    return database.transaction(
        connection -> {
          long id = Counter.INCIDENT.next(connection);
          Incident incident = Incident.declare(id, declaration);
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO incident (id, title, description, severity, status, drill,"
                      + " declared_by, declared_at, started_at, source, external_id)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, incident.title());
            insert.setString(3, incident.description().orElse(null));
            insert.setString(4, incident.severity().code());
            insert.setString(5, incident.status().code());
            insert.setBoolean(6, incident.isDrill());
            insert.setString(7, incident.declared().by());
            setInstant(insert, 8, incident.declared().at());
            setInstant(insert, 9, incident.startedAt());
            insert.setString(10, incident.origin().map(Origin::source).orElse(null));
            insert.setString(11, incident.origin().map(Origin::externalId).orElse(null));
            insert.executeUpdate();
          }
          return incident;
        });
  }

  @Override
  public void save(Incident incident) {
    database.execute(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE incident SET severity = ?, status = ?, channel_id = ?, channel_name = ?,"
                      + " header_ts = ?, commander = ?, scribe = ?, acknowledged_by = ?,"
                      + " acknowledged_at = ?, responded_by = ?, responded_at = ?,"
                      + " response_kind = ?, response_ms = ?, resolved_by = ?, resolved_at = ?,"
                      + " resolution = ? WHERE id = ?")) {
            Optional<Incident.Stamp> ack = incident.acknowledgement();
            Optional<Incident.Response> response = incident.response();
            Optional<Incident.Resolution> resolution = incident.resolution();
            update.setString(1, incident.severity().code());
            update.setString(2, incident.status().code());
            update.setString(3, incident.channelId().orElse(null));
            update.setString(4, incident.channelName().orElse(null));
            update.setString(5, incident.headerTs().orElse(null));
            update.setString(6, incident.commander().orElse(null));
            update.setString(7, incident.scribe().orElse(null));
            update.setString(8, ack.map(Incident.Stamp::by).orElse(null));
            setInstant(update, 9, ack.map(Incident.Stamp::at).orElse(null));
            update.setString(10, response.map(Incident.Response::by).orElse(null));
            setInstant(update, 11, response.map(Incident.Response::at).orElse(null));
            update.setString(12, response.map(r -> r.kind().code()).orElse(null));
            update.setObject(13, response.map(r -> r.time().toMillis()).orElse(null));
            update.setString(14, resolution.map(Incident.Resolution::by).orElse(null));
            setInstant(update, 15, resolution.map(Incident.Resolution::at).orElse(null));
            update.setString(16, resolution.map(Incident.Resolution::summary).orElse(null));
            update.setLong(17, incident.id());
            update.executeUpdate();
          }
          try (PreparedStatement engineer =
              connection.prepareStatement(
                  "INSERT INTO incident_engineer (incident_id, user_id, position) SELECT ?, ?, ?"
                      + " WHERE NOT EXISTS (SELECT 1 FROM incident_engineer"
                      + " WHERE incident_id = ? AND user_id = ?)")) {
            List<String> engineers = incident.engineers();
            for (int position = 0; position < engineers.size(); position++) {
              engineer.setLong(1, incident.id());
              engineer.setString(2, engineers.get(position));
              engineer.setInt(3, position);
              engineer.setLong(4, incident.id());
              engineer.setString(5, engineers.get(position));
              engineer.addBatch();
            }
            engineer.executeBatch();
          }
          return null;
        });
  }

  @Override
  public void attachChannel(long id, String channelId, String channelName) {
    database.execute(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE incident SET channel_id = ?, channel_name = ? WHERE id = ?")) {
            update.setString(1, channelId);
            update.setString(2, channelName);
            update.setLong(3, id);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public void attachHeader(long id, String ts) {
    database.execute(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement("UPDATE incident SET header_ts = ? WHERE id = ?")) {
            update.setString(1, ts);
            update.setLong(2, id);
            return update.executeUpdate();
          }
        });
  }

  @Override
  public Optional<Incident> find(long id) {
    return selectIncidents("id = ?", "", statement -> statement.setLong(1, id)).stream()
        .findFirst();
  }

  /**
   * Writes to the incident's row before reading it, which locks it portably: PostgreSQL row-locks
   * it until commit (another replica's {@code findForChange} waits, then reads the row as this
   * transaction left it), and SQLite takes its one write lock. The write changes nothing, and with
   * {@code RETURNING} it is also the read: one statement, as the {@code SELECT} it stands for.
   */
  @Override
  public Optional<Incident> findForChange(long id) {
    return incidents(
            "UPDATE incident SET title = title WHERE id = ? RETURNING " + COLUMNS,
            "id = ?",
            statement -> statement.setLong(1, id))
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Incident> findByChannel(String channelId) {
    return selectIncidents("channel_id = ?", "", statement -> statement.setString(1, channelId))
        .stream()
        .findFirst();
  }

  @Override
  public Optional<Incident> findByOrigin(Origin origin) {
    return selectIncidents(
            "source = ? AND external_id = ?",
            "",
            statement -> {
              statement.setString(1, origin.source());
              statement.setString(2, origin.externalId());
            })
        .stream()
        .findFirst();
  }

  @Override
  public List<Incident> open() {
    return selectIncidents(
        "status = ?",
        "ORDER BY id",
        statement -> statement.setString(1, IncidentStatus.OPEN.code()));
  }

  @Override
  public List<OpenIncident> openAtAGlance() {
    return openAtAGlance.get();
  }

  private static List<OpenIncident> readOpenAtAGlance(Connection connection) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT id, drill, severity, title, started_at, channel_id, commander,"
                + " acknowledged_by IS NOT NULL FROM incident WHERE status = ? ORDER BY id")) {
      query.setString(1, IncidentStatus.OPEN.code());
      List<OpenIncident> open = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          open.add(
              new OpenIncident(
                  rows.getLong(1),
                  rows.getBoolean(2),
                  Severity.parse(rows.getString(3)).orElseThrow(),
                  rows.getString(4),
                  getInstant(rows, 5),
                  Optional.ofNullable(rows.getString(6)),
                  Optional.ofNullable(rows.getString(7)),
                  rows.getBoolean(8)));
        }
      }
      return List.copyOf(open);
    }
  }

  @Override
  public List<Incident> declaredBetween(Instant from, Instant to) {
    return selectIncidents(
        "declared_at >= ? AND declared_at < ?",
        "ORDER BY declared_at, id",
        statement -> {
          setInstant(statement, 1, from);
          setInstant(statement, 2, to);
        });
  }

  @Override
  public void append(TimelineEntry entry) {
    database.execute(
        connection -> {
          long seq = Counter.TIMELINE_SEQ.next(connection, entry.incidentId());
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO timeline_entry (incident_id, seq, at, actor, kind, text)"
                      + " VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, entry.incidentId());
            insert.setLong(2, seq);
            setInstant(insert, 3, entry.at());
            insert.setString(4, entry.actor());
            insert.setString(5, entry.kind().code());
            insert.setString(6, entry.text());
            insert.executeUpdate();
          }
          return null;
        });
  }

  /**
   * In time order: a message captured from the channel keeps its original time, so it takes its
   * place among entries recorded before it was captured.
   */
  @Override
  public List<TimelineEntry> timeline(long incidentId) {
    return database.transaction(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT at, actor, kind, text FROM timeline_entry WHERE incident_id = ?"
                      + " ORDER BY at, seq")) {
            query.setLong(1, incidentId);
            return Jdbc.list(
                query,
                rows ->
                    new TimelineEntry(
                        incidentId,
                        getInstant(rows, "at"),
                        rows.getString("actor"),
                        TimelineEntry.Kind.fromCode(rows.getString("kind")),
                        rows.getString("text")));
          }
        });
  }

  @Override
  public StatusUpdate insertUpdate(
      long incidentId, Instant at, String by, UpdateStatus status, String text) {
    return database.transaction(
        connection -> {
          int number = (int) Counter.UPDATE_NUMBER.next(connection, incidentId);
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO status_update (incident_id, number, posted_at, posted_by, status,"
                      + " text) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, incidentId);
            insert.setInt(2, number);
            setInstant(insert, 3, at);
            insert.setString(4, by);
            insert.setString(5, status.code());
            insert.setString(6, text);
            insert.executeUpdate();
          }
          return new StatusUpdate(incidentId, number, at, by, status, text);
        });
  }

  @Override
  public List<StatusUpdate> updates(long incidentId) {
    return database.transaction(
        connection -> {
          try (PreparedStatement query =
              connection.prepareStatement(
                  "SELECT number, posted_at, posted_by, status, text FROM status_update"
                      + " WHERE incident_id = ? ORDER BY number")) {
            query.setLong(1, incidentId);
            return Jdbc.list(
                query,
                rows ->
                    new StatusUpdate(
                        incidentId,
                        rows.getInt("number"),
                        getInstant(rows, "posted_at"),
                        rows.getString("posted_by"),
                        UpdateStatus.parse(rows.getString("status")).orElseThrow(),
                        rows.getString("text")));
          }
        });
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** The incidents matching {@code condition} (a WHERE clause's body), in {@code order}. */
  private List<Incident> selectIncidents(String condition, String order, Binder binder) {
    return incidents(
        "SELECT " + COLUMNS + " FROM incident WHERE " + condition + " " + order, condition, binder);
  }

  /**
   * The incidents whose rows {@code sql} returns (with {@link #COLUMNS}), with their engineers,
   * which one more statement reads for all of them: the incidents {@code condition} selects, with
   * the same parameters. One statement per incident made {@code /incident list} cost a round of
   * SQLite per open incident on the path of its acknowledgement.
   */
  private List<Incident> incidents(String sql, String condition, Binder binder) {
    return database.transaction(
        connection -> {
          Map<Long, Incident.Builder> found = new LinkedHashMap<>();
          try (PreparedStatement query = connection.prepareStatement(sql)) {
            binder.bind(query);
            try (ResultSet rows = query.executeQuery()) {
              while (rows.next()) {
                found.put(rows.getLong("id"), read(rows));
              }
            }
          }
          if (found.isEmpty()) {
            return List.of();
          }
          Map<Long, List<String>> engineers = engineers(connection, condition, binder);
          List<Incident> incidents = new ArrayList<>(found.size());
          found.forEach(
              (id, incident) ->
                  incidents.add(incident.engineers(engineers.getOrDefault(id, List.of())).build()));
          return incidents;
        });
  }

  private static Incident.Builder read(ResultSet rows) throws SQLException {
    Incident.Builder builder =
        Incident.builder()
            .id(rows.getLong("id"))
            .title(rows.getString("title"))
            .description(rows.getString("description"))
            .severity(Severity.parse(rows.getString("severity")).orElseThrow())
            .status(IncidentStatus.fromCode(rows.getString("status")))
            .drill(rows.getBoolean("drill"))
            .declared(
                new Incident.Stamp(rows.getString("declared_by"), getInstant(rows, "declared_at")))
            .startedAt(getInstant(rows, "started_at"))
            .channel(rows.getString("channel_id"), rows.getString("channel_name"))
            .headerTs(rows.getString("header_ts"))
            .commander(rows.getString("commander"))
            .scribe(rows.getString("scribe"));
    String source = rows.getString("source");
    if (source != null) {
      builder.origin(new Origin(source, rows.getString("external_id")));
    }
    String acknowledgedBy = rows.getString("acknowledged_by");
    if (acknowledgedBy != null) {
      builder.acknowledgement(
          new Incident.Stamp(acknowledgedBy, getInstant(rows, "acknowledged_at")));
    }
    String respondedBy = rows.getString("responded_by");
    if (respondedBy != null) {
      builder.response(
          new Incident.Response(
              respondedBy,
              getInstant(rows, "responded_at"),
              ResponseKind.fromCode(rows.getString("response_kind")),
              Duration.ofMillis(getLong(rows, "response_ms"))));
    }
    String resolvedBy = rows.getString("resolved_by");
    if (resolvedBy != null) {
      builder.resolution(
          new Incident.Resolution(
              resolvedBy, getInstant(rows, "resolved_at"), rows.getString("resolution")));
    }
    return builder;
  }

  /** The engineers of the incidents {@code condition} selects, by incident, in joining order. */
  private static Map<Long, List<String>> engineers(
      Connection connection, String condition, Binder binder) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT incident_engineer.incident_id, incident_engineer.user_id FROM incident"
                + " JOIN incident_engineer ON incident_engineer.incident_id = incident.id WHERE "
                + condition
                + " ORDER BY incident_engineer.incident_id, incident_engineer.position")) {
      binder.bind(query);
      Map<Long, List<String>> engineers = new HashMap<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          engineers
              .computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
              .add(rows.getString(2));
        }
      }
      return engineers;
    }
  }
}
