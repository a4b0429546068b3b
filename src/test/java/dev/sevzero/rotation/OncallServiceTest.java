package dev.sevzero.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.rotation.OnCallStatus.NobodyOnCall;
import dev.sevzero.rotation.OnCallStatus.OnCall;
import dev.sevzero.scheduling.quartz.QuartzCronCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OncallServiceTest {

  private static final String WEDNESDAY = "2026-11-25T18:00:00Z";
  private static final Instant MONDAY_NOON = Instant.parse("2026-11-30T20:00:00Z");
  private static final String ADMIN = RotationTestbed.ADMIN;

  @Test
  void firstPersonAddedToAnEmptyRosterTakesThePagerAndIsAnnounced() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY);

    RosterChange change = rotation.service.add(ADMIN, "UA", OptionalInt.empty());

    assertThat(change.handoff()).map(Handoff::reason).contains(HandoffReason.FIRST_MEMBER);
    assertThat(rotation.listener.events).containsExactly("handoff null->UA first-member");
    assertThat(rotation.service.onCallNow()).contains("UA");
  }

  @Test
  void removingTheCurrentOnCallHandsOverToTheNextAtOnce() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB", "UC");
    rotation.clock.advance(Duration.ofHours(1));

    RosterChange change = rotation.service.remove(ADMIN, "UA");

    assertThat(change.roster().members()).containsExactly("UB", "UC");
    assertThat(rotation.listener.events).containsExactly("handoff UA->UB removal");
    assertThat(rotation.listener.contexts.get(0).nextHandoffAt()).isEqualTo(MONDAY_NOON);
    assertThat(rotation.listener.contexts.get(0).nextUser()).contains("UC");
    OnCall now = (OnCall) rotation.service.current();
    assertThat(now.user()).isEqualTo("UB");
    assertThat(now.since()).isEqualTo(rotation.clock.instant());
    assertThat(now.nextUser()).contains("UC");
  }

  @Test
  void removingTheLastMemberLeavesNobodyOnCall() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA");

    RosterChange change = rotation.service.remove(ADMIN, "UA");

    assertThat(change.roster().isEmpty()).isTrue();
    assertThat(change.handoff()).isEmpty();
    assertThat(rotation.service.current()).isInstanceOf(NobodyOnCall.class);
  }

  @Test
  void scheduledHandoffPassesThePagerOnceEvenWhenCalledTwice() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB", "UC");
    rotation.clock.set(MONDAY_NOON.plusMillis(40));

    Optional<Handoff> first = rotation.service.handoffIfDue();
    Optional<Handoff> second = rotation.service.handoffIfDue();

    assertThat(first).isPresent();
    assertThat(first.get().reason()).isEqualTo(HandoffReason.SCHEDULED);
    assertThat(first.get().scheduledFor()).isEqualTo(MONDAY_NOON);
    assertThat(second).isEmpty();
    assertThat(rotation.listener.events).containsExactly("handoff UA->UB scheduled");
    assertThat(rotation.listener.contexts.get(0).nextHandoffAt())
        .isEqualTo(Instant.parse("2026-12-07T20:00:00Z"));
  }

  @Test
  void afterThreeMissedWeeksExactlyOneHandoffIsCaughtUp() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB", "UC");
    rotation.clock.set(Instant.parse("2026-12-16T21:00:00Z"));

    Optional<Handoff> caughtUp = rotation.service.handoffIfDue();
    rotation.service.handoffIfDue();

    assertThat(caughtUp).isPresent();
    assertThat(caughtUp.get().reason()).isEqualTo(HandoffReason.STARTUP_CATCH_UP);
    assertThat(caughtUp.get().scheduledFor()).isEqualTo(Instant.parse("2026-12-14T20:00:00Z"));
    assertThat(rotation.repository.handoffs()).hasSize(2);
    assertThat(rotation.listener.events).containsExactly("handoff UA->UB startup-catch-up");
  }

  @Test
  void noHandoffIsDueWhenThePagerChangedHandsAfterTheLastScheduledTime() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB");

    assertThat(rotation.service.handoffIfDue()).isEmpty();
    assertThat(rotation.listener.events).isEmpty();
  }

  @Test
  void noHandoffIsDueForAnEmptyRoster() {
    RotationTestbed rotation = new RotationTestbed(MONDAY_NOON.toString());

    assertThat(rotation.service.handoffIfDue()).isEmpty();
  }

  @Test
  void handoffNowPassesThePagerAndShiftsTheRotation() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB", "UC");

    Handoff handoff = rotation.service.handoffNow(ADMIN);

    assertThat(handoff.reason()).isEqualTo(HandoffReason.MANUAL);
    assertThat(handoff.to()).isEqualTo("UB");
    assertThat(((OnCall) rotation.service.current()).nextUser()).contains("UC");
  }

  @Test
  void handoffNowNeedsSomeoneToHandOverTo() {
    RotationTestbed empty = new RotationTestbed(WEDNESDAY);
    RotationTestbed alone = new RotationTestbed(WEDNESDAY).withRoster("UA");

    assertThatThrownBy(() -> empty.service.handoffNow(ADMIN))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("roster is empty");
    assertThatThrownBy(() -> alone.service.handoffNow(ADMIN))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("only one person");
  }

  @Test
  void nonAdminsAreRefusedAndNothingChanges() {
    RotationTestbed rotation =
        new RotationTestbed(WEDNESDAY, List.of(ADMIN)).withRoster("UA", "UB");

    assertThatThrownBy(() -> rotation.service.add("UX", "UC", OptionalInt.empty()))
        .isInstanceOf(NotAllowed.class)
        .hasMessage("Only rotation admins can edit the on-call roster.");
    assertThatThrownBy(() -> rotation.service.remove("UB", "UA")).isInstanceOf(NotAllowed.class);
    assertThatThrownBy(() -> rotation.service.handoffNow("UA")).isInstanceOf(NotAllowed.class);
    assertThatThrownBy(() -> rotation.service.override("UB", "UB", Duration.ofHours(1)))
        .isInstanceOf(NotAllowed.class)
        .hasMessageContaining("admins or the person on call");

    assertThat(rotation.service.schedule(1).roster().members()).containsExactly("UA", "UB");
    assertThat(rotation.repository.handoffs()).hasSize(1);
    assertThat(rotation.service.onCallNow()).contains("UA");
    assertThat(rotation.listener.events).isEmpty();
  }

  @Test
  void theCurrentOnCallMayHandTheirPagerToACoverWithoutBeingAdmin() {
    RotationTestbed rotation =
        new RotationTestbed(WEDNESDAY, List.of(ADMIN)).withRoster("UA", "UB");

    rotation.service.override("UA", "UZ", Duration.ofHours(4));

    assertThat(rotation.service.onCallNow()).contains("UZ");
    assertThat(rotation.listener.events)
        .containsExactly("override UZ until " + Instant.parse(WEDNESDAY).plus(Duration.ofHours(4)));
  }

  @Test
  void overrideDurationMustBeBetweenAMinuteAndTwoWeeks() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA");

    assertThatThrownBy(() -> rotation.service.override(ADMIN, "UB", Duration.ofSeconds(30)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("An override lasts from 1 minute to 14 days.");
    assertThatThrownBy(() -> rotation.service.override(ADMIN, "UB", Duration.ofDays(15)))
        .isInstanceOf(InvalidRequest.class);
    assertThat(rotation.service.onCallNow()).contains("UA");

    rotation.service.override(ADMIN, "UB", Duration.ofDays(14));
    assertThat(rotation.service.onCallNow()).contains("UB");
  }

  @Test
  void badPositionsAndUnknownMembersAreRefusedAndNothingChanges() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB");

    assertThatThrownBy(() -> rotation.service.add(ADMIN, "UC", OptionalInt.of(0)))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("The position must be between 1 and 3.");
    assertThatThrownBy(() -> rotation.service.add(ADMIN, "UC", OptionalInt.of(4)))
        .isInstanceOf(InvalidRequest.class);
    assertThatThrownBy(() -> rotation.service.add(ADMIN, "UA", OptionalInt.empty()))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("already on the on-call roster, at position 1");
    assertThatThrownBy(() -> rotation.service.remove(ADMIN, "UC"))
        .isInstanceOf(InvalidRequest.class)
        .hasMessage("That person is not on the on-call roster.");
    assertThatThrownBy(() -> rotation.service.add(ADMIN, " ", OptionalInt.empty()))
        .isInstanceOf(InvalidRequest.class);

    assertThat(rotation.service.schedule(1).roster().members()).containsExactly("UA", "UB");
  }

  @Test
  void unconfirmedHandoffIsRemindedOnceThenEscalatedOnce() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB");
    rotation.clock.set(MONDAY_NOON);
    rotation.service.handoffIfDue();
    rotation.listener.events.clear();

    for (int minutes : new int[] {10, 15, 16, 29, 30, 31, 60}) {
      rotation.clock.set(MONDAY_NOON.plus(Duration.ofMinutes(minutes)));
      rotation.service.remindUnconfirmed();
      rotation.service.remindUnconfirmed();
    }

    assertThat(rotation.listener.events).containsExactly("reminder UB", "unconfirmed UA->UB");
  }

  @Test
  void theEndOfAnOverrideIsToldOnceAndAClockThatJumpsStopsThere() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA");
    // UA confirms taking the pager, so only the override's end is left to check.
    rotation.service.confirm(
        "UA", ((OnCall) rotation.service.current()).unconfirmedHandoff().orElseThrow().id());
    rotation.service.override("UA", "UZ", Duration.ofHours(4));
    Instant end = Instant.parse(WEDNESDAY).plus(Duration.ofHours(4));
    rotation.listener.events.clear();

    assertThat(rotation.service.nextCheckAt()).contains(end);
    rotation.clock.set(end.minusSeconds(1));
    rotation.service.announceEndedOverrides();
    assertThat(rotation.listener.events).isEmpty();
    for (int minutes : new int[] {0, 1, 2}) {
      rotation.clock.set(end.plus(Duration.ofMinutes(minutes)));
      rotation.service.announceEndedOverrides();
    }

    assertThat(rotation.listener.events).containsExactly("override UZ ended, now UA");
    assertThat(rotation.service.nextCheckAt()).isEmpty();
  }

  @Test
  void anOverrideThatEndedOverADayAgoIsOldNewsLeftUntold() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA");
    rotation.service.override("UA", "UZ", Duration.ofHours(1));
    rotation.listener.events.clear();

    rotation.clock.advance(Duration.ofHours(1).plus(OncallService.OVERRIDE_END_LOOK_BACK));
    rotation.service.announceEndedOverrides();

    assertThat(rotation.listener.events).isEmpty();
  }

  @Test
  void confirmedHandoffIsNeitherRemindedNorEscalated() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB");
    rotation.clock.set(MONDAY_NOON);
    rotation.service.handoffIfDue();
    rotation.listener.events.clear();
    rotation.clock.advance(Duration.ofMinutes(3));
    assertThat(((OnCall) rotation.service.current()).unconfirmedHandoff()).isPresent();

    Handoff pending = ((OnCall) rotation.service.current()).unconfirmedHandoff().orElseThrow();
    Handoff confirmed = rotation.service.confirm("UB", pending.id());
    rotation.clock.advance(Duration.ofHours(1));
    rotation.service.remindUnconfirmed();

    assertThat(confirmed.confirmedAt()).isEqualTo(MONDAY_NOON.plus(Duration.ofMinutes(3)));
    assertThat(rotation.service.confirm("UB", pending.id()).confirmedAt())
        .isEqualTo(confirmed.confirmedAt());
    assertThat(((OnCall) rotation.service.current()).unconfirmedHandoff()).isEmpty();
    assertThat(rotation.listener.events).isEmpty();
  }

  @Test
  void onlyTheIncomingPersonCanConfirm() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB");
    Handoff handoff = rotation.service.handoffNow(ADMIN);

    assertThatThrownBy(() -> rotation.service.confirm("UA", handoff.id()))
        .isInstanceOf(InvalidRequest.class)
        .hasMessageContaining("no longer current");
  }

  @Test
  void theButtonOfAnOlderHandoffConfirmsNothingNewer() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB");
    Handoff toB = rotation.service.handoffNow(ADMIN);
    rotation.service.handoffNow(ADMIN);
    Handoff backToB = rotation.service.handoffNow(ADMIN);

    assertThatThrownBy(() -> rotation.service.confirm("UB", toB.id()))
        .isInstanceOf(InvalidRequest.class);
    assertThat(rotation.service.confirm("UB", backToB.id()).confirmedAt()).isNotNull();
  }

  @Test
  void aHandoffIsStoredTogetherWithItsAnnouncementOrNotAtAll() {
    RotationTestbed rotation = new RotationTestbed(WEDNESDAY).withRoster("UA", "UB");
    String before = rotation.service.onCallNow().orElseThrow();
    OncallService announcementsCannotBeStored =
        new OncallService(
            rotation.repository,
            new QuartzCronCalendar("0 0 12 ? * MON", RotationTestbed.PACIFIC),
            rotation.clock,
            new RecordingListener() {
              @Override
              public void handedOff(Handoff handoff, HandoffContext context) {
                throw new IllegalStateException("the disk is full");
              }
            },
            List.of());

    assertThatThrownBy(() -> announcementsCannotBeStored.handoffNow(ADMIN))
        .hasMessage("the disk is full");

    assertThat(announcementsCannotBeStored.onCallNow()).contains(before);
  }
}
