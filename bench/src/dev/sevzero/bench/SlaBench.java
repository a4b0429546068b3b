package dev.sevzero.bench;

import dev.sevzero.persistence.Database;
import dev.sevzero.persistence.JdbcSlaRepository;
import dev.sevzero.sla.SlaPolicy;
import dev.sevzero.sla.SlaReport;
import dev.sevzero.sla.SlaReports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The monthly SLA report over five years of incidents (issue 5): 100,000 incidents with about five
 * timeline entries and three update due times each, then the report for one month (both queries and
 * the calculation) 15 times after a warm-up. Target: median under 200 ms.
 */
public final class SlaBench {

  private static final int INCIDENTS = 100_000;
  private static final int PER_TRANSACTION = 5_000;
  private static final int WARM_UP_RUNS = 10;
  private static final int MEASURED_RUNS = 15;
  private static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  private static final YearMonth MEASURED_MONTH = YearMonth.of(2026, 10);
  // Weighted towards the everyday severities.
  private static final String[] SEVERITIES = {
    "sev0", "sev1", "sev1", "sev2", "sev2", "sev2", "sev3"
  };
  private static final String[] OUTCOMES = {"on_time", "on_time", "on_time", "late", "missed"};

  public static void main(String[] args) throws IOException {
    Path dir = Files.createTempDirectory("sevzero-sla-bench");
    SlaPolicy policy = new SlaPolicy(Duration.ofMinutes(15), Duration.ofMinutes(20), ZONE);
    // Five years of incidents ending with the measured month.
    Instant from = policy.rangeOf(MEASURED_MONTH.minusYears(5).plusMonths(1)).start();
    Instant to = policy.rangeOf(MEASURED_MONTH).end();
    try (Database database = Database.open("jdbc:sqlite:" + dir.resolve("bench.db"))) {
      long seedStart = System.nanoTime();
      seed(database, from, to);
      System.out.printf(
          "seeded %,d incidents (5 years) in %.1f s%n",
          INCIDENTS, (System.nanoTime() - seedStart) / 1e9);

      Clock clock = Clock.fixed(to.plus(Duration.ofDays(3)), ZONE);
      SlaReports reports = new SlaReports(new JdbcSlaRepository(database), policy, clock);
      SlaReport report = null;
      for (int run = 0; run < WARM_UP_RUNS; run++) {
        report = reports.monthly(MEASURED_MONTH);
      }
      double[] millis = new double[MEASURED_RUNS];
      for (int run = 0; run < MEASURED_RUNS; run++) {
        long start = System.nanoTime();
        report = reports.monthly(MEASURED_MONTH);
        millis[run] = (System.nanoTime() - start) / 1e6;
      }
      Arrays.sort(millis);
      System.out.printf(
          "%s: %d incidents, %d drills, %s, average %s%n",
          report.monthName(),
          report.figures().incidents(),
          report.drills().size(),
          report.verdict(),
          report.figures().average());
      System.out.printf(
          "sla report (1 month of %,d incidents): median %.1f ms, min %.1f ms, max %.1f ms over %d"
              + " runs%n",
          INCIDENTS,
          millis[MEASURED_RUNS / 2],
          millis[0],
          millis[MEASURED_RUNS - 1],
          MEASURED_RUNS);
    } finally {
      deleteRecursively(dir);
    }
  }

  private static void seed(Database database, Instant from, Instant to) {
    Random random = new Random(42);
    long spacing = Duration.between(from, to).toMillis() / INCIDENTS;
    for (int first = 1; first <= INCIDENTS; first += PER_TRANSACTION) {
      int last = Math.min(first + PER_TRANSACTION - 1, INCIDENTS);
      int batchFirst = first;
      database.execute(
          connection -> {
            seedBatch(connection, random, batchFirst, last, from.toEpochMilli(), spacing);
            return null;
          });
    }
  }

  private static void seedBatch(
      Connection connection, Random random, int first, int last, long fromMillis, long spacing)
      throws SQLException {
    try (PreparedStatement incident =
            connection.prepareStatement(
                "INSERT INTO incident (id, title, severity, status, drill, declared_by,"
                    + " declared_at, started_at, channel_id, channel_name, responded_by,"
                    + " responded_at, response_kind, response_ms, resolved_by, resolved_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement timeline =
            connection.prepareStatement(
                "INSERT INTO timeline_entry (incident_id, seq, at, actor, kind, text)"
                    + " VALUES (?, ?, ?, ?, ?, ?)");
        PreparedStatement due =
            connection.prepareStatement(
                "INSERT INTO update_due (incident_id, due_at, outcome) VALUES (?, ?, ?)")) {
      for (int id = first; id <= last; id++) {
        long declared = fromMillis + id * spacing + random.nextInt((int) Math.min(spacing, 60_000));
        long started = random.nextInt(10) == 0 ? declared - random.nextInt(600_000) : declared;
        boolean responded = random.nextInt(100) < 99;
        long responseMs = 30_000 + (long) random.nextInt(25 * 60_000);
        boolean resolved = random.nextInt(100) < 98;
        long resolvedAt = started + 600_000 + random.nextInt(6 * 3_600_000);
        String responder = "U" + random.nextInt(40);

        incident.setLong(1, id);
        incident.setString(2, "Incident " + id + ": checkout latency, \"p99\" over budget");
        incident.setString(3, SEVERITIES[random.nextInt(SEVERITIES.length)]);
        incident.setString(4, resolved ? "resolved" : "open");
        incident.setBoolean(5, random.nextInt(50) == 0);
        incident.setString(6, "U" + random.nextInt(40));
        incident.setLong(7, declared);
        incident.setLong(8, started);
        incident.setString(9, "C" + id);
        incident.setString(10, "inc-" + id);
        setNullable(incident, 11, responded ? responder : null);
        setNullable(incident, 12, responded ? started + responseMs : null);
        setNullable(incident, 13, responded ? "ack" : null);
        setNullable(incident, 14, responded ? responseMs : null);
        setNullable(incident, 15, resolved ? responder : null);
        setNullable(incident, 16, resolved ? resolvedAt : null);
        incident.addBatch();

        int entries = 3 + random.nextInt(5);
        for (int seq = 1; seq <= entries; seq++) {
          timeline.setLong(1, id);
          timeline.setInt(2, seq);
          timeline.setLong(3, declared + seq * 60_000L);
          timeline.setString(4, responder);
          timeline.setString(5, seq == 1 ? "declared" : "note");
          timeline.setString(6, "Timeline entry " + seq + " of INC-" + id);
          timeline.addBatch();
        }
        int dues = 1 + random.nextInt(5);
        for (int number = 1; number <= dues; number++) {
          due.setLong(1, id);
          due.setLong(2, declared + number * 1_800_000L);
          due.setString(3, OUTCOMES[random.nextInt(OUTCOMES.length)]);
          due.addBatch();
        }
      }
      incident.executeBatch();
      timeline.executeBatch();
      due.executeBatch();
    }
  }

  private static void setNullable(PreparedStatement statement, int index, Object value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.NULL);
    } else {
      statement.setObject(index, value);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
