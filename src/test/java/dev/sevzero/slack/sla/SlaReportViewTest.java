package dev.sevzero.slack.sla;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.sla.IncidentFacts;
import dev.sevzero.sla.MonthFigures;
import dev.sevzero.sla.SlaCalculator;
import dev.sevzero.sla.SlaPolicy;
import dev.sevzero.sla.SlaReport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SlaReportViewTest {

  static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  static final Instant NOV_2_0900_LA = Instant.parse("2026-11-02T17:00:00Z");
  static final Instant NOW = Instant.parse("2026-11-20T18:00:00Z");

  final SlaCalculator calculator =
      new SlaCalculator(
          new SlaPolicy(ofMinutes(15), ofMinutes(20), ZoneId.of("America/Los_Angeles")),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void showsTheVerdictAndTheFiguresWithTheirChange() {
    MonthFigures october =
        new MonthFigures(6, ofMinutes(17), ofMinutes(12), ofMinutes(40), ofMinutes(41), null);
    SlaReport report =
        calculator.report(
            NOVEMBER,
            List.of(
                incident(1, "sev1", ofSeconds(750), "UANA", 2, 0, 0),
                incident(2, "sev2", ofMinutes(10), "UBEN", 1, 1, 0),
                incident(3, "sev2", ofMinutes(15), "UANA", 0, 0, 1)),
            october);

    String text = text(SlaReportView.blocks(report));

    assertThat(SlaReportView.blocks(report).get(0)).isInstanceOf(HeaderBlock.class);
    assertThat(text)
        .contains("SLA — November 2026")
        .contains("✅ *Met* — average *12m 30s* (▼ 4m 30s) against target 15m 00s (ceiling 20m 00s)")
        .contains("*Median*\n12m 30s (▲ 30s)")
        .contains("*90th percentile*\n15m 00s (▼ 25m 00s)")
        .contains("*Max*\n15m 00s (▼ 26m 00s)")
        .contains("*Mean time to resolve*\n1h 00m")
        .contains("*Incidents*\n3 (▼ 3)\nsev1 1 · sev2 2")
        .contains("*Update compliance*\n3 on time · 1 late · 1 missed")
        .contains("<@UANA> — 2 incidents, average 13m 45s")
        .contains("▲/▼: change against October 2026.")
        .contains("Month in America/Los_Angeles: <!date^1793516400^{date_short_pretty} {time}|")
        .doesNotContain("Above target")
        .doesNotContain("Never responded");
    assertThat(SlaReportView.fallbackText(report))
        .isEqualTo("SLA — November 2026: Met, average 12m 30s");
  }

  @Test
  void listsIncidentsAboveTargetAndNeverRespondedWithLinks() {
    SlaReport report =
        calculator.report(
            NOVEMBER,
            List.of(
                incident(1, "sev1", ofMinutes(40), "UANA", 0, 0, 0),
                incident(2, "sev1", null, null, 0, 0, 0)),
            null);

    String text = text(SlaReportView.blocks(report));

    assertThat(text)
        .contains("🚨 *Breached*")
        .contains(
            "*Above target (1)*\n• INC-1 Title &lt;1&gt; &amp; co — *40m 00s*, first response <@UANA>, <#C1>")
        .contains("🚩 *Never responded (1)* — counted with their open time")
        .contains(
            "• INC-2 Title &lt;2&gt; &amp; co — open *1h 00m* until resolved, declared <!date^")
        .contains("|Nov 2, 2026 11:00 PST>, <#C2>")
        .contains("No previous month to compare with.")
        .doesNotContain("▲")
        .doesNotContain("▼");
  }

  @Test
  void withinTolerance() {
    SlaReport report =
        calculator.report(
            NOVEMBER, List.of(incident(1, "sev1", ofMinutes(20), "U", 0, 0, 0)), null);

    assertThat(text(SlaReportView.blocks(report)))
        .contains("⚠️ *Within tolerance* — average *20m 00s*");
  }

  @Test
  void cutsLongListsAndPointsToTheCsv() {
    List<IncidentFacts> slow = new ArrayList<>();
    IntStream.rangeClosed(1, 25)
        .forEach(id -> slow.add(incident(id, "sev3", ofMinutes(30 + id), "U" + id, 0, 0, 0)));

    List<LayoutBlock> blocks = SlaReportView.blocks(calculator.report(NOVEMBER, slow, null));

    assertThat(text(blocks))
        .contains("*Above target (25)*\n• INC-25")
        .contains("…and 15 more in the CSV.");
    assertThat(texts(blocks)).allSatisfy(text -> assertThat(text.length()).isLessThan(3000));
  }

  @Test
  void anEmptyMonthSaysSoPlainlyAndStillListsDrills() {
    IncidentFacts drill =
        new IncidentFacts(
            9,
            "Failover drill",
            "sev1",
            true,
            NOV_2_0900_LA,
            NOV_2_0900_LA,
            null,
            null,
            null,
            null,
            null,
            UpdateCompliance.NONE);
    SlaReport report = calculator.report(NOVEMBER, List.of(drill), null);

    String text = text(SlaReportView.blocks(report));

    assertThat(text)
        .contains(
            "No incidents were declared in November 2026 (America/Los_Angeles): nothing to measure.")
        .contains(
            "*Drills held (1)* — excluded from every figure\n• DRILL-9 Failover drill, <!date^")
        .doesNotContain("Median");
    assertThat(SlaReportView.fallbackText(report)).isEqualTo("SLA — November 2026: no incidents");
  }

  private static IncidentFacts incident(
      long id,
      String severity,
      Duration response,
      String responder,
      int onTime,
      int late,
      int missed) {
    Instant started = NOV_2_0900_LA.plus(Duration.ofHours(id));
    return new IncidentFacts(
        id,
        "Title <" + id + "> & co",
        severity,
        false,
        started,
        started,
        response == null ? null : started.plus(response),
        responder,
        response,
        started.plus(Duration.ofHours(1)),
        "C" + id,
        new UpdateCompliance(onTime, late, missed));
  }

  private static String text(List<LayoutBlock> blocks) {
    return String.join("\n", texts(blocks));
  }

  private static List<String> texts(List<LayoutBlock> blocks) {
    List<String> texts = new ArrayList<>();
    for (LayoutBlock block : blocks) {
      if (block instanceof HeaderBlock header) {
        texts.add(header.getText().getText());
      } else if (block instanceof SectionBlock section) {
        if (section.getText() != null) {
          texts.add(section.getText().getText());
        }
        if (section.getFields() != null) {
          section.getFields().stream().map(TextObject::getText).forEach(texts::add);
        }
      } else if (block instanceof ContextBlock context) {
        context.getElements().forEach(element -> texts.add(((TextObject) element).getText()));
      }
    }
    return texts;
  }
}
