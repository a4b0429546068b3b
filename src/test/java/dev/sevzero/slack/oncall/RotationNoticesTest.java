package dev.sevzero.slack.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.Severity;
import dev.sevzero.rotation.Handoff;
import dev.sevzero.rotation.HandoffContext;
import dev.sevzero.rotation.HandoffReason;
import dev.sevzero.sla.Punctuality;
import dev.sevzero.sla.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RotationNoticesTest {

  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
  private static final Instant MONDAY_NOON = Instant.parse("2026-11-30T20:00:00Z");
  private static final Instant LAST_MONDAY_NOON = Instant.parse("2026-11-23T20:00:00Z");
  private static final Instant NEXT_MONDAY_NOON = Instant.parse("2026-12-07T20:00:00Z");

  @Test
  void theHandoffAnnouncementCarriesTheBriefing() {
    Incident open =
        Incident.declare(
            7,
            new Incident.Declaration(
                "db <down>", null, Severity.SEV1, false, "UA", MONDAY_NOON.minusSeconds(600)));
    HandoffBriefing briefing =
        new HandoffBriefing(
            List.of(open),
            3,
            YearMonth.of(2026, 11),
            Optional.of(Duration.ofSeconds(252)),
            Optional.of(Verdict.MET),
            new Punctuality(2, Duration.ofMinutes(12), 0, 1, Duration.ofDays(2)));

    String text =
        RotationNotices.handoffAnnouncement(
            handoff("UA", "UB", null),
            new HandoffContext(NEXT_MONDAY_NOON, Optional.of("UC"), PACIFIC),
            briefing);

    assertThat(text)
        .startsWith("🔁 On-call handoff: <@UA> → <@UB>, until Mon 7 Dec 12:00 PST")
        .contains("• Open incidents: INC-7 (SEV1) db &lt;down&gt;")
        .contains("• Incidents last week: 3")
        .contains("• SLA November 2026 so far: average response 4m 12s (met)")
        .contains(
            "• ⏱ *Sevzero itself ran late:* 2 update prompts sent more than a minute after due"
                + " (worst 12m 00s late); 1 handoff done late (worst 2d 0h late).");
  }

  @Test
  void aMonthWithoutIncidentsHasNoSlaFigureYet() {
    String text =
        RotationNotices.briefing(
            new HandoffBriefing(
                List.of(),
                0,
                YearMonth.of(2026, 12),
                Optional.empty(),
                Optional.empty(),
                Punctuality.ON_TIME));
    assertThat(text)
        .isEqualTo(
            "• Open incidents: none\n• Incidents last week: 0\n"
                + "• SLA December 2026 so far: no incidents yet");
  }

  private static Handoff handoff(String from, String to, Instant confirmedAt) {
    return new Handoff(
        1, LAST_MONDAY_NOON, from, to, HandoffReason.SCHEDULED, LAST_MONDAY_NOON, confirmedAt);
  }
}
