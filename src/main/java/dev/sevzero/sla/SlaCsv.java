package dev.sevzero.sla;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The month's incidents as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break), for managers who want to check the figures in a spreadsheet.
 *
 * <p>Every stored time appears twice: ISO-8601 in UTC, and in the SLA zone with its offset, so a
 * row reads naturally and still sorts and converts unambiguously around DST changes. Durations are
 * in seconds, with milliseconds as decimals, exactly as stored.
 */
public final class SlaCsv {

  private static final String LINE_END = "\r\n";

  private final ZoneId zone;
  private final List<Column> columns;

  public SlaCsv(ZoneId zone) {
    this.zone = zone;
    this.columns =
        Stream.of(
                List.of(
                    column("incident", IncidentFacts::key),
                    column("title", incident -> defuseFormula(incident.title())),
                    column("severity", IncidentFacts::severity),
                    column("drill", incident -> Boolean.toString(incident.drill()))),
                times("declared_at", IncidentFacts::declaredAt),
                times("started_at", IncidentFacts::startedAt),
                times("responded_at", IncidentFacts::respondedAt),
                List.of(
                    column("responded_by", IncidentFacts::respondedBy),
                    column("response_seconds", incident -> seconds(incident.responseTime()))),
                times("resolved_at", IncidentFacts::resolvedAt),
                List.of(
                    column("resolve_seconds", incident -> seconds(incident.timeToResolve())),
                    column("channel_id", IncidentFacts::channelId),
                    column("updates_on_time", incident -> count(incident.updates().onTime())),
                    column("updates_late", incident -> count(incident.updates().late())),
                    column("updates_missed", incident -> count(incident.updates().missed()))))
            .flatMap(List::stream)
            .toList();
  }

  /** UTF-8 CSV of {@code incidents}: a header row, then one row per incident in the given order. */
  public byte[] write(List<IncidentFacts> incidents) {
    StringBuilder csv = new StringBuilder();
    appendRow(csv, columns.stream().map(Column::name));
    for (IncidentFacts incident : incidents) {
      appendRow(csv, columns.stream().map(column -> column.value().apply(incident)));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A file name for the upload, e.g. {@code sla-2026-11.csv}. */
  public static String fileName(SlaReport report) {
    return "sla-" + report.month() + ".csv";
  }

  private record Column(String name, Function<IncidentFacts, String> value) {}

  private static Column column(String name, Function<IncidentFacts, String> value) {
    return new Column(name, value);
  }

  private List<Column> times(String name, Function<IncidentFacts, Instant> time) {
    return List.of(
        column(name + "_utc", incident -> utc(time.apply(incident))),
        column(name + "_local", incident -> local(time.apply(incident))));
  }

  private static String utc(Instant instant) {
    return instant == null ? null : DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  private String local(Instant instant) {
    return instant == null
        ? null
        : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
  }

  private static String seconds(Duration duration) {
    return duration == null
        ? null
        : BigDecimal.valueOf(duration.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  private static String count(int value) {
    return Integer.toString(value);
  }

  private static void appendRow(StringBuilder csv, Stream<String> fields) {
    csv.append(fields.map(SlaCsv::field).collect(Collectors.joining(","))).append(LINE_END);
  }

  private static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",")
        || value.contains("\"")
        || value.contains("\r")
        || value.contains("\n")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }

  /**
   * Titles are typed by anyone in Slack and the file is opened in spreadsheets, which run a cell
   * starting with {@code = + - @} as a formula (CSV injection). A leading apostrophe keeps it text.
   */
  private static String defuseFormula(String value) {
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }
}
