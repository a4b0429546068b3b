package dev.sevzero.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.rotation.OnCallStatus.OnCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OncallScheduleTest {

  /** Wednesday 2026-11-25 10:00 PST; the next handoff is Monday 2026-11-30 12:00 PST. */
  private static final String WEDNESDAY = "2026-11-25T18:00:00Z";

  private static final String ADMIN = RotationTestbed.ADMIN;

  @Test
  void firstMemberHoldsThePagerUntilTheNextMondayNoonPacific() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB", "UC");

    OnCall now = (OnCall) rotation.service.current();

    assertThat(now.user()).isEqualTo("UA");
    assertThat(now.since()).isEqualTo(Instant.parse(WEDNESDAY));
    assertThat(now.nextHandoffAt()).isEqualTo(Instant.parse("2026-11-30T20:00:00Z"));
    assertThat(now.nextUser()).contains("UB");
    assertThat(now.override()).isEmpty();
  }

  @Test
  void nextSixHandoffsCycleThroughTheRosterWeekByWeek() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB", "UC");

    Schedule schedule = rotation.service.schedule(6);

    assertThat(schedule.roster().members()).containsExactly("UA", "UB", "UC");
    assertThat(schedule.upcoming())
        .extracting(Shift::startsAt)
        .containsExactly(
            Instant.parse("2026-11-30T20:00:00Z"),
            Instant.parse("2026-12-07T20:00:00Z"),
            Instant.parse("2026-12-14T20:00:00Z"),
            Instant.parse("2026-12-21T20:00:00Z"),
            Instant.parse("2026-12-28T20:00:00Z"),
            Instant.parse("2027-01-04T20:00:00Z"));
    assertThat(schedule.upcoming())
        .extracting(Shift::user)
        .containsExactly("UB", "UC", "UA", "UB", "UC", "UA");
    assertThat(schedule.upcoming().get(0).endsAt())
        .isEqualTo(schedule.upcoming().get(1).startsAt());
    assertThat(schedule.upcoming().get(5).endsAt())
        .isEqualTo(Instant.parse("2027-01-11T20:00:00Z"));
  }

  @Test
  void handoffStaysAtNoonLocalAcrossTheMarchChange() {
    RotationTestbed rotation = new RotationTestbed("2026-02-25T18:00:00Z").withRoster("UA", "UB");

    assertThat(rotation.service.schedule(2).upcoming())
        .extracting(Shift::startsAt)
        .containsExactly(
            Instant.parse("2026-03-02T20:00:00Z"), Instant.parse("2026-03-09T19:00:00Z"));
  }

  @Test
  void handoffStaysAtNoonLocalAcrossTheNovemberChange() {
    RotationTestbed rotation = new RotationTestbed("2026-10-21T18:00:00Z").withRoster("UA", "UB");

    assertThat(rotation.service.schedule(2).upcoming())
        .extracting(Shift::startsAt)
        .containsExactly(
            Instant.parse("2026-10-26T19:00:00Z"), Instant.parse("2026-11-02T20:00:00Z"));
  }

  @Test
  void overrideInsideTheWeekCoversItsSpanThenTheScheduleResumes() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB", "UC");

    OncallOverride override = rotation.service.override(ADMIN, "UC", Duration.ofHours(4));

    OnCall covered = (OnCall) rotation.service.current();
    assertThat(covered.user()).isEqualTo("UC");
    assertThat(covered.since()).isEqualTo(Instant.parse(WEDNESDAY));
    assertThat(covered.override()).contains(override);
    assertThat(covered.rotationHolder()).contains("UA");
    Schedule schedule = rotation.service.schedule(6);
    assertThat(schedule.overrides()).containsExactly(override);
    assertThat(schedule.upcoming()).allSatisfy(shift -> assertThat(shift.overrides()).isEmpty());

    rotation.clock.advance(Duration.ofHours(4));
    assertThat(rotation.service.onCallNow()).contains("UA");
    assertThat(rotation.service.schedule(6).overrides()).isEmpty();
  }

  @Test
  void overrideSpanningAHandoffIsShownOnThatShiftAndOutlastsTheHandoff() {
    RotationTestbed rotation =
        new RotationTestbed("2026-11-29T20:00:00Z").withRoster("UA", "UB", "UC");

    OncallOverride override = rotation.service.override(ADMIN, "UC", Duration.ofDays(2));

    List<Shift> upcoming = rotation.service.schedule(2).upcoming();
    assertThat(upcoming.get(0).user()).isEqualTo("UB");
    assertThat(upcoming.get(0).overrides()).containsExactly(override);
    assertThat(upcoming.get(1).overrides()).isEmpty();

    rotation.clock.set(Instant.parse("2026-11-30T20:00:00Z"));
    rotation.service.handoffIfDue();
    OnCall afterHandoff = (OnCall) rotation.service.current();
    assertThat(afterHandoff.user()).isEqualTo("UC");
    assertThat(afterHandoff.rotationHolder()).contains("UB");

    rotation.clock.set(override.until());
    assertThat(rotation.service.onCallNow()).contains("UB");
  }

  @Test
  void rosterEditsMidWeekChangeTheComingWeeksButNotTheCurrentHolder() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB", "UC");

    rotation.service.add(ADMIN, "UD", OptionalInt.of(2));
    rotation.service.remove(ADMIN, "UC");

    assertThat(rotation.service.onCallNow()).contains("UA");
    assertThat(rotation.service.schedule(4).upcoming())
        .extracting(Shift::user)
        .containsExactly("UD", "UB", "UA", "UD");
    assertThat(rotation.listener.events).isEmpty();
  }

  @Test
  void addingSomeoneAlreadyOnTheRosterWithAPositionMovesThem() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB", "UC");

    RosterChange change = rotation.service.add(ADMIN, "UC", OptionalInt.of(1));

    assertThat(change.roster().members()).containsExactly("UC", "UA", "UB");
    assertThat(change.handoff()).isEmpty();
    assertThat(rotation.service.schedule(2).upcoming())
        .extracting(Shift::user)
        .containsExactly("UB", "UC");
  }

  @Test
  void emptyRosterHasNoScheduleAndNobodyOnCall() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY);

    assertThat(rotation.service.schedule(6).upcoming()).isEmpty();
    assertThat(rotation.service.current())
        .isEqualTo(
            new OnCallStatus.NobodyOnCall(
                OncallService.EMPTY_ROSTER, Instant.parse("2026-11-30T20:00:00Z")));
    assertThat(rotation.service.onCallNow()).isEmpty();
  }
}
