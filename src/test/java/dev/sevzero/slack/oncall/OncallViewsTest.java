package dev.sevzero.slack.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.rotation.Handoff;
import dev.sevzero.rotation.HandoffReason;
import dev.sevzero.rotation.OnCallStatus;
import dev.sevzero.rotation.OncallOverride;
import dev.sevzero.rotation.Roster;
import dev.sevzero.rotation.Schedule;
import dev.sevzero.rotation.Shift;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OncallViewsTest {

  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
  private static final Instant MONDAY_NOON = Instant.parse("2026-11-30T20:00:00Z");
  private static final Instant LAST_MONDAY_NOON = Instant.parse("2026-11-23T20:00:00Z");
  private static final Instant NEXT_MONDAY_NOON = Instant.parse("2026-12-07T20:00:00Z");

  @Test
  void rotationTimesAreShownInTheRotationZoneNamingIt() {
    assertThat(OncallViews.localTime(MONDAY_NOON, PACIFIC)).isEqualTo("Mon 30 Nov 12:00 PST");
    // The Monday after the March change: still noon, now daylight time.
    assertThat(OncallViews.localTime(Instant.parse("2026-03-09T19:00:00Z"), PACIFIC))
        .isEqualTo("Mon 9 Mar 12:00 PDT");
  }

  @Test
  void everyReaderAlsoGetsSlacksDateTokenFallingBackToTheRotationTime() {
    assertThat(OncallViews.when(MONDAY_NOON, PACIFIC))
        .isEqualTo(
            "Mon 30 Nov 12:00 PST (<!date^1796068800^{date_short_pretty} {time}|Mon 30 Nov 12:00"
                + " PST>)");
  }

  @Test
  void statusNamesWhoSinceWhenTheNextHandoffAndWhoTakesOver() {
    Handoff confirmed = handoff("UA", "UB", LAST_MONDAY_NOON.plusSeconds(60));
    OnCallStatus status = onCall("UB", confirmed);

    String text = OncallViews.status(status, PACIFIC);

    assertThat(text)
        .startsWith("📟 <@UB> is on call since Mon 23 Nov 12:00 PST")
        .contains("Next handoff: Mon 30 Nov 12:00 PST (<!date^1796068800^")
        .endsWith("→ <@UC>.")
        .doesNotContain("backup");
  }

  @Test
  void anUnconfirmedHandoffListsTheOutgoingPersonAsBackup() {
    Handoff unconfirmed = handoff("UA", "UB", null);
    String text = OncallViews.status(onCall("UB", unconfirmed), PACIFIC);
    assertThat(text).contains("<@UA> stays backup until <@UB> confirms the handoff.");
  }

  @Test
  void anOverrideShowsUntilWhenAndTheRotationsOwnOnCall() {
    Instant now = LAST_MONDAY_NOON.plus(Duration.ofDays(2));
    OncallOverride override = new OncallOverride("UC", now, now.plus(Duration.ofHours(4)), "UB");
    OnCallStatus status =
        new OnCallStatus.OnCall(
            "UC",
            now,
            Optional.of(override),
            Optional.of("UB"),
            Optional.empty(),
            MONDAY_NOON,
            Optional.of("UC"));

    assertThat(OncallViews.status(status, PACIFIC))
        .startsWith("📟 <@UC> is on call since Wed 25 Nov 12:00 PST")
        .contains("Override until Wed 25 Nov 16:00 PST")
        .contains("set by <@UB>; the rotation's on-call is <@UB>.");
  }

  @Test
  void nobodyOnCallSaysWhy() {
    String text =
        OncallViews.status(
            new OnCallStatus.NobodyOnCall(
                "Nobody is on call: the on-call roster is empty.", MONDAY_NOON),
            PACIFIC);
    assertThat(text).startsWith("📭 Nobody is on call: the on-call roster is empty.");
  }

  @Test
  void theScheduleListsTheRosterInOrderAndEachHandoffWithItsOverrides() {
    OncallOverride override =
        new OncallOverride(
            "UA", MONDAY_NOON.plus(Duration.ofDays(1)), MONDAY_NOON.plus(Duration.ofDays(2)), "UB");
    Schedule schedule =
        new Schedule(
            new Roster(List.of("UA", "UB")),
            List.of(
                new Shift(MONDAY_NOON, NEXT_MONDAY_NOON, "UB", List.of(override)),
                new Shift(
                    NEXT_MONDAY_NOON, NEXT_MONDAY_NOON.plus(Duration.ofDays(7)), "UA", List.of())),
            List.of(override));

    String text = OncallViews.schedule(schedule, PACIFIC);

    assertThat(text)
        .contains("*On-call roster* (handoffs in America/Los_Angeles)\n1. <@UA>\n2. <@UB>")
        .contains("*Next 2 handoffs*\n• Mon 30 Nov 12:00 PST")
        .contains("→ <@UB>\n    ↳ covered by <@UA> from Tue 1 Dec 12:00 PST until Wed 2 Dec")
        .contains("• Mon 7 Dec 12:00 PST")
        .contains("*Overrides*\n• <@UA> from Tue 1 Dec 12:00 PST")
        .endsWith("set by <@UB>");
  }

  @Test
  void anEmptyRosterIsSaidPlainly() {
    String text =
        OncallViews.schedule(new Schedule(new Roster(List.of()), List.of(), List.of()), PACIFIC);
    assertThat(text).isEqualTo("The on-call roster is empty. Add people with `/oncall add @user`.");
  }

  private static Handoff handoff(String from, String to, Instant confirmedAt) {
    return new Handoff(
        1, LAST_MONDAY_NOON, from, to, HandoffReason.SCHEDULED, LAST_MONDAY_NOON, confirmedAt);
  }

  private static OnCallStatus onCall(String user, Handoff tenure) {
    return new OnCallStatus.OnCall(
        user,
        tenure.at(),
        Optional.empty(),
        Optional.of(user),
        tenure.isConfirmed() ? Optional.empty() : Optional.of(tenure),
        MONDAY_NOON,
        Optional.of("UC"));
  }
}
