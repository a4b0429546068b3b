package dev.sevzero.rotation;

import dev.sevzero.rotation.OnCallStatus.NobodyOnCall;
import dev.sevzero.rotation.OnCallStatus.OnCall;
import dev.sevzero.scheduling.CronCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The on-call rotation's use cases (SPEC 6, {@code /oncall}). Who holds the pager is always derived
 * from stored facts (roster, handoffs, overrides), so it stays right across restarts, replicas and
 * edits. Failures are {@link RotationFailure}s and change nothing.
 */
public final class OncallService {

  static final Duration SHORTEST_OVERRIDE = Duration.ofMinutes(1);
  static final Duration LONGEST_OVERRIDE = Duration.ofDays(14);
  static final Duration REMIND_AFTER = Duration.ofMinutes(15);
  static final Duration ESCALATE_AFTER = Duration.ofMinutes(30);

  /**
   * A scheduled handoff performed later than this after its time was missed while the bot was down
   * (or busy); it is still performed once, but recorded as a catch-up.
   */
  static final Duration ON_TIME_TOLERANCE = Duration.ofMinutes(5);

  /**
   * The end of an override is told up to a day late (after the bot was down); older news is left
   * untold, as it would only confuse.
   */
  static final Duration OVERRIDE_END_LOOK_BACK = Duration.ofDays(1);

  /** A weekly rotation always has a scheduled handoff within the last eight days. */
  private static final Duration HANDOFF_LOOK_BACK = Duration.ofDays(8);

  static final String EMPTY_ROSTER = "Nobody is on call: the on-call roster is empty.";

  private final RotationRepository repository;
  private final CronCalendar calendar;
  private final Clock clock;
  private final RotationListener listener;
  private final Admins admins;

  public OncallService(
      RotationRepository repository,
      CronCalendar calendar,
      Clock clock,
      RotationListener listener,
      Collection<String> admins) {
    this.repository = repository;
    this.calendar = calendar;
    this.clock = clock;
    this.listener = listener;
    this.admins = new Admins(admins);
  }

  /** The zone handoff times are defined in; show it with every rotation time. */
  public ZoneId rotationZone() {
    return calendar.zone();
  }

  /** Who holds the pager now, since when, and the next handoff. */
  public OnCallStatus current() {
    Instant now = clock.instant();
    return repository.atomically(() -> statusAt(now));
  }

  /** The person to page now (override included); empty when nobody is on call. */
  public Optional<String> onCallNow() {
    return onCallAt(clock.instant());
  }

  /** The person to page at {@code instant} (override included), from the stored facts. */
  public Optional<String> onCallAt(Instant instant) {
    // Every declaration asks, on the path of its ack: only the stored facts, not the handoff
    // calendar that the full status also computes.
    return repository.atomically(() -> pagerAt(instant)).pagedUser();
  }

  /** The roster and the next {@code handoffs} handoffs, with the overrides not yet over. */
  public Schedule schedule(int handoffs) {
    if (handoffs < 1) {
      throw new IllegalArgumentException("handoffs must be positive: " + handoffs);
    }
    Instant now = clock.instant();
    return repository.atomically(
        () -> {
          Roster roster = repository.roster();
          List<OncallOverride> overrides = repository.overridesEndingAfter(now);
          Optional<String> holder = tenure(roster, repository.lastHandoff()).map(Handoff::to);
          List<Shift> shifts = new ArrayList<>();
          Instant start = calendar.nextAfter(now);
          while (shifts.size() < handoffs && !roster.isEmpty()) {
            String user = nextInLine(roster, holder).orElseThrow();
            Instant end = calendar.nextAfter(start);
            shifts.add(new Shift(start, end, user, overlapping(overrides, start, end)));
            holder = Optional.of(user);
            start = end;
          }
          return new Schedule(roster, shifts, overrides);
        });
  }

  /**
   * Adds {@code user} at {@code position} (1-based; default: last), or moves them there when
   * already on the roster. The first person added to an empty roster takes the pager at once.
   */
  public RosterChange add(String actor, String user, OptionalInt position) {
    admins.require(actor, "edit the on-call roster");
    requireUser(user);
    Instant now = clock.instant();
    RosterChange change =
        repository.atomically(
            () -> {
              Roster roster = repository.roster();
              Roster edited = roster.with(user, validPosition(roster, user, position));
              repository.saveRoster(edited, now);
              Optional<Handoff> handoff = Optional.empty();
              if (tenure(roster, repository.lastHandoff()).isEmpty()) {
                handoff =
                    repository.recordHandoff(
                        new NewHandoff(
                            now,
                            null,
                            edited.first().orElseThrow(),
                            HandoffReason.FIRST_MEMBER,
                            null));
              }
              handoff.ifPresent(this::announce);
              return new RosterChange(edited, handoff);
            });
    return change;
  }

  /** Removes {@code user}; when they hold the pager it passes at once to the person after them. */
  public RosterChange remove(String actor, String user) {
    admins.require(actor, "edit the on-call roster");
    requireUser(user);
    Instant now = clock.instant();
    RosterChange change =
        repository.atomically(
            () -> {
              Roster roster = repository.roster();
              if (!roster.contains(user)) {
                throw new InvalidRequest("That person is not on the on-call roster.");
              }
              Roster edited = roster.without(user);
              repository.saveRoster(edited, now);
              boolean heldThePager =
                  tenure(roster, repository.lastHandoff()).map(Handoff::to).stream()
                      .anyMatch(user::equals);
              Optional<Handoff> handoff = Optional.empty();
              if (heldThePager && !edited.isEmpty()) {
                String next = roster.after(user).orElseThrow();
                handoff =
                    repository.recordHandoff(
                        new NewHandoff(now, user, next, HandoffReason.REMOVAL, null));
              }
              handoff.ifPresent(this::announce);
              return new RosterChange(edited, handoff);
            });
    return change;
  }

  /**
   * {@code user} holds the pager from now for {@code duration}; then the schedule resumes. Allowed
   * to admins and to whoever is on call now.
   */
  public OncallOverride override(String actor, String user, Duration duration) {
    requireUser(user);
    if (duration.compareTo(SHORTEST_OVERRIDE) < 0 || duration.compareTo(LONGEST_OVERRIDE) > 0) {
      throw new InvalidRequest("An override lasts from 1 minute to 14 days.");
    }
    Instant now = clock.instant();
    OncallOverride override =
        repository.atomically(
            () -> {
              if (!admins.includes(actor) && !isOnCall(actor, statusAt(now))) {
                throw new NotAllowed(
                    "Only rotation admins or the person on call can set an override.");
              }
              OncallOverride created = new OncallOverride(user, now, now.plus(duration), actor);
              repository.addOverride(created);
              listener.overrideStarted(created);
              return created;
            });
    return override;
  }

  /** Hands the pager to the next person now, as the scheduled handoff would (admins). */
  public Handoff handoffNow(String actor) {
    admins.require(actor, "hand the pager over");
    Instant now = clock.instant();
    Handoff handoff =
        repository.atomically(
            () -> {
              Roster roster = repository.roster();
              if (roster.isEmpty()) {
                throw new InvalidRequest("The on-call roster is empty: add someone first.");
              }
              Optional<String> holder = tenure(roster, repository.lastHandoff()).map(Handoff::to);
              String next = nextInLine(roster, holder).orElseThrow();
              if (holder.equals(Optional.of(next))) {
                throw new InvalidRequest(
                    "Nobody to hand over to: only one person is on the on-call roster.");
              }
              Handoff recorded =
                  repository
                      .recordHandoff(
                          new NewHandoff(
                              now, holder.orElse(null), next, HandoffReason.MANUAL, null))
                      .orElseThrow();
              announce(recorded);
              return recorded;
            });
    return handoff;
  }

  /**
   * Performs the latest scheduled handoff if it has not happened: called by the rotation cron and
   * at start-up. However many handoffs were missed, at most one is performed, and the stored claim
   * on its scheduled instant makes a second call, a second fire or a second replica do nothing.
   */
  public Optional<Handoff> handoffIfDue() {
    Instant now = clock.instant();
    Optional<Instant> due = calendar.lastAtOrBefore(now, HANDOFF_LOOK_BACK);
    if (due.isEmpty()) {
      return Optional.empty();
    }
    Optional<Handoff> performed =
        repository.atomically(
            () -> {
              Roster roster = repository.roster();
              Optional<Handoff> last = repository.lastHandoff();
              boolean handedOverSince = last.map(h -> !h.at().isBefore(due.get())).orElse(false);
              if (roster.isEmpty() || handedOverSince) {
                return Optional.empty();
              }
              Optional<String> holder = tenure(roster, last).map(Handoff::to);
              HandoffReason reason =
                  Duration.between(due.get(), now).compareTo(ON_TIME_TOLERANCE) > 0
                      ? HandoffReason.STARTUP_CATCH_UP
                      : HandoffReason.SCHEDULED;
              Optional<Handoff> recorded =
                  repository.recordHandoff(
                      new NewHandoff(
                          now,
                          holder.orElse(null),
                          nextInLine(roster, holder).orElseThrow(),
                          reason,
                          due.get()));
              recorded.ifPresent(this::announce);
              return recorded;
            });
    return performed;
  }

  /**
   * "I have the pager" for handoff {@code handoffId}: stores when the incoming person confirmed
   * (once; pressing again is fine). The button of an older handoff confirms nothing newer.
   */
  public Handoff confirm(String user, long handoffId) {
    Instant now = clock.instant();
    return repository.atomically(
        () -> {
          Handoff last =
              repository
                  .lastHandoff()
                  .filter(handoff -> handoff.id() == handoffId && handoff.to().equals(user))
                  .orElseThrow(
                      () ->
                          new InvalidRequest(
                              "That handoff is no longer current: the pager has moved on since,"
                                  + " so there is nothing to confirm here. `/oncall` shows who"
                                  + " has it now."));
          repository.confirmHandoff(last.id(), now);
          return repository.lastHandoff().orElseThrow();
        });
  }

  /**
   * Reminds the incoming person 15 minutes after an unconfirmed handoff, and tells the channel and
   * the outgoing person after 30 minutes, each once (claimed in the store). Safe to call often.
   */
  public void remindUnconfirmed() {
    Instant now = clock.instant();
    Optional<Handoff> last = repository.lastHandoff();
    if (last.isEmpty() || last.get().isConfirmed() || !last.get().needsConfirmation()) {
      return;
    }
    Handoff handoff = last.get();
    Duration waited = Duration.between(handoff.at(), now);
    // Each claim is stored together with what it tells (RotationListener stores deliveries).
    repository.atomically(
        () -> {
          if (waited.compareTo(REMIND_AFTER) >= 0 && repository.claimReminder(handoff.id(), now)) {
            listener.handoffReminder(handoff);
          }
          if (waited.compareTo(ESCALATE_AFTER) >= 0
              && repository.claimEscalation(handoff.id(), now)) {
            listener.handoffUnconfirmed(handoff);
          }
          return null;
        });
  }

  /**
   * Tells, once each, that an override ran out and who has the pager now: in the channel and to the
   * people concerned. The claim is stored together with what it tells (RotationListener stores
   * deliveries), so a restart or a second replica neither loses nor repeats it. Safe to call often.
   */
  public void announceEndedOverrides() {
    Instant now = clock.instant();
    repository.atomically(
        () -> {
          for (OncallOverride ended :
              repository.overridesEndedUntold(now.minus(OVERRIDE_END_LOOK_BACK), now)) {
            if (repository.claimOverrideEnd(ended, now)) {
              listener.overrideEnded(ended, pagerAt(now).pagedUser());
            }
          }
          return null;
        });
  }

  /**
   * When the once-a-minute checks ({@link #remindUnconfirmed}, {@link #announceEndedOverrides})
   * next have something to do: the reminder or the warning about the last handoff, or the end of an
   * override. A clock that jumps can stop there; empty when nothing is pending.
   */
  public Optional<Instant> nextCheckAt() {
    Instant now = clock.instant();
    Optional<Instant> reminder =
        repository
            .lastHandoff()
            .filter(handoff -> !handoff.isConfirmed() && handoff.needsConfirmation())
            .flatMap(
                handoff ->
                    Stream.of(handoff.at().plus(REMIND_AFTER), handoff.at().plus(ESCALATE_AFTER))
                        .filter(at -> at.isAfter(now))
                        .findFirst());
    Optional<Instant> overrideEnd =
        repository.overridesEndingAfter(now).stream()
            .map(OncallOverride::until)
            .min(Comparator.naturalOrder());
    return Stream.of(reminder, overrideEnd)
        .flatMap(Optional::stream)
        .min(Comparator.naturalOrder());
  }

  /** Who holds the pager by rotation, and the override that overrules them, if any. */
  private record Pager(Roster roster, Optional<Handoff> tenure, Optional<OncallOverride> override) {

    Optional<String> pagedUser() {
      return override.map(OncallOverride::user).or(() -> tenure.map(Handoff::to));
    }
  }

  private Pager pagerAt(Instant now) {
    Roster roster = repository.roster();
    Optional<OncallOverride> override =
        repository.overridesEndingAfter(now).stream()
            .filter(candidate -> candidate.isActiveAt(now))
            .reduce((earlier, later) -> later);
    return new Pager(roster, tenure(roster, repository.lastHandoff()), override);
  }

  private OnCallStatus statusAt(Instant now) {
    Pager pager = pagerAt(now);
    Roster roster = pager.roster();
    Optional<Handoff> tenure = pager.tenure();
    Optional<String> holder = tenure.map(Handoff::to);
    Optional<OncallOverride> override = pager.override();
    Instant nextHandoffAt = calendar.nextAfter(now);
    Optional<String> nextUser = nextInLine(roster, holder);
    Optional<Handoff> unconfirmed =
        tenure.filter(handoff -> !handoff.isConfirmed() && handoff.needsConfirmation());
    if (override.isPresent()) {
      OncallOverride active = override.get();
      return new OnCall(
          active.user(), active.from(), override, holder, unconfirmed, nextHandoffAt, nextUser);
    }
    if (tenure.isEmpty()) {
      return new NobodyOnCall(
          roster.isEmpty()
              ? EMPTY_ROSTER
              : "Nobody holds the pager: hand it over to the next person on the roster.",
          nextHandoffAt);
    }
    return new OnCall(
        holder.get(),
        tenure.get().at(),
        Optional.empty(),
        holder,
        unconfirmed,
        nextHandoffAt,
        nextUser);
  }

  /**
   * The handoff that gave the pager to its current rotation holder. Empty when the roster is empty
   * or its holder has left the roster without handing over (only possible by emptying it).
   */
  private static Optional<Handoff> tenure(Roster roster, Optional<Handoff> last) {
    return last.filter(handoff -> roster.contains(handoff.to()));
  }

  private static Optional<String> nextInLine(Roster roster, Optional<String> holder) {
    return holder.map(roster::after).orElseGet(roster::first);
  }

  private static List<OncallOverride> overlapping(
      List<OncallOverride> overrides, Instant start, Instant end) {
    return overrides.stream().filter(override -> override.overlaps(start, end)).toList();
  }

  private static boolean isOnCall(String actor, OnCallStatus status) {
    return status instanceof OnCall onCall
        && (onCall.user().equals(actor) || onCall.rotationHolder().equals(Optional.of(actor)));
  }

  private static int validPosition(Roster roster, String user, OptionalInt position) {
    boolean member = roster.contains(user);
    if (member && position.isEmpty()) {
      throw new InvalidRequest(
          "That person is already on the on-call roster, at position "
              + roster.positionOf(user)
              + "; give a position to move them.");
    }
    int last = member ? roster.size() : roster.size() + 1;
    int chosen = position.orElse(last);
    if (chosen < 1 || chosen > last) {
      throw new InvalidRequest("The position must be between 1 and " + last + ".");
    }
    return chosen;
  }

  private static void requireUser(String user) {
    if (user == null || user.isBlank()) {
      throw new InvalidRequest("Name a user, e.g. @alice.");
    }
  }

  /** Inside the transaction that records the handoff: its announcement is stored with it. */
  private void announce(Handoff handoff) {
    HandoffContext context =
        new HandoffContext(
            calendar.nextAfter(handoff.at()),
            repository.roster().after(handoff.to()),
            calendar.zone());
    listener.handedOff(handoff, context);
  }
}
