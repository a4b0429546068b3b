package dev.sevzero.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.incident.UpdateCompliance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaCsvTest {

  static final String HEADER =
      "incident,title,severity,drill,declared_at_utc,declared_at_local,started_at_utc,"
          + "started_at_local,responded_at_utc,responded_at_local,responded_by,response_seconds,"
          + "resolved_at_utc,resolved_at_local,resolve_seconds,channel_id,updates_on_time,"
          + "updates_late,updates_missed";

  final SlaCsv csv = new SlaCsv(ZoneId.of("America/Los_Angeles"));

  @Test
  void writesAHeaderAndOneRowPerIncidentWithUtcAndLocalTimes() {
    // The night DST ends, 01:00–02:00 happens twice: declared in the first pass (PDT), resolved in
    // the second (PST). Only the offset tells the two local times apart.
    Instant declared = Instant.parse("2026-11-01T08:30:00Z");
    IncidentFacts incident =
        new IncidentFacts(
            42,
            "Checkout errors",
            "sev1",
            false,
            declared,
            declared.minusSeconds(60),
            declared.plusMillis(191_500),
            "UANA",
            Duration.ofMillis(251_500),
            declared.plusSeconds(3540),
            "C042",
            new UpdateCompliance(2, 1, 0));

    assertThat(lines(csv.write(List.of(incident))))
        .containsExactly(
            HEADER,
            "INC-42,Checkout errors,sev1,false,"
                + "2026-11-01T08:30:00Z,2026-11-01T01:30:00-07:00,"
                + "2026-11-01T08:29:00Z,2026-11-01T01:29:00-07:00,"
                + "2026-11-01T08:33:11.500Z,2026-11-01T01:33:11.5-07:00,"
                + "UANA,251.5,"
                + "2026-11-01T09:29:00Z,2026-11-01T01:29:00-08:00,"
                + "3600,C042,2,1,0");
  }

  @Test
  void leavesUnknownTimesAndDurationsEmptyAndMarksDrills() {
    Instant declared = Instant.parse("2026-11-10T18:00:00Z");
    IncidentFacts drill =
        new IncidentFacts(
            7,
            "DR drill",
            "sev0",
            true,
            declared,
            declared,
            null,
            null,
            null,
            null,
            null,
            UpdateCompliance.NONE);

    assertThat(lines(csv.write(List.of(drill))).get(1))
        .isEqualTo(
            "DRILL-7,DR drill,sev0,true,2026-11-10T18:00:00Z,2026-11-10T10:00:00-08:00,"
                + "2026-11-10T18:00:00Z,2026-11-10T10:00:00-08:00,,,,,,,,,0,0,0");
  }

  @Test
  void quotesTitlesWithCommasQuotesAndLineBreaks() {
    String written =
        new String(
            csv.write(
                List.of(
                    titled(1, "DB, cache down"),
                    titled(2, "The \"primary\" is gone"),
                    titled(3, "two\nlines"))),
            StandardCharsets.UTF_8);

    assertThat(written)
        .contains("INC-1,\"DB, cache down\",")
        .contains("INC-2,\"The \"\"primary\"\" is gone\",")
        .contains("INC-3,\"two\nlines\",")
        .endsWith("\r\n");
  }

  @Test
  void keepsSpreadsheetsFromRunningTitlesAsFormulas() {
    String written =
        new String(csv.write(List.of(titled(1, "=HYPERLINK(\"x\")"))), StandardCharsets.UTF_8);

    assertThat(written).contains("INC-1,\"'=HYPERLINK(\"\"x\"\")\",");
  }

  @Test
  void anEmptyMonthIsJustTheHeader() {
    assertThat(new String(csv.write(List.of()), StandardCharsets.UTF_8)).isEqualTo(HEADER + "\r\n");
  }

  private static IncidentFacts titled(long id, String title) {
    Instant at = Instant.parse("2026-11-10T18:00:00Z");
    return new IncidentFacts(
        id, title, "sev2", false, at, at, null, null, null, null, null, UpdateCompliance.NONE);
  }

  private static List<String> lines(byte[] csv) {
    return List.of(new String(csv, StandardCharsets.UTF_8).split("\r\n"));
  }
}
