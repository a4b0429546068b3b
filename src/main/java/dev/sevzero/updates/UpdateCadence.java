package dev.sevzero.updates;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentListener;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.Severity;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.scheduling.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stakeholder update cadence of SPEC §5 for open sev0/sev1 incidents: an update is due one
 * interval after declaration and after each posted update; at the due time the scribe is prompted;
 * with no update by the grace, it is recorded as missed, the IC and scribe are told, and the next
 * one is due one interval after the missed due time (no drift).
 *
 * <p>The database holds every due time and claim, so a restart or a second replica neither loses
 * nor repeats a prompt. A change to an incident moves its due time inside the transaction that
 * stores the change, while the incident is locked, so two replicas changing one incident at once
 * leave it exactly one pending due. The scheduler only wakes {@link #tick()} at the earliest time
 * something needs attention; it is moved after the commit.
 */
public final class UpdateCadence implements IncidentListener, UpdateSchedule {

  static final String WAKE_UP = "update-cadence";
  private static final String RETRY = "update-cadence-retry";
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(UpdateCadence.class);

  private final UpdateDueRepository dues;
  private final IncidentService incidents;
  private final Scheduler scheduler;
  private final UpdatePrompts prompts;
  private final Clock clock;
  private final Duration interval;
  private final Duration grace;

  /** When the scheduler will next wake {@link #tick()}; null when no wake-up is set. */
  private Instant wakeUpAt;

  public UpdateCadence(
      UpdateDueRepository dues,
      IncidentService incidents,
      Scheduler scheduler,
      UpdatePrompts prompts,
      Clock clock,
      Duration interval,
      Duration grace) {
    this.dues = dues;
    this.incidents = incidents;
    this.scheduler = scheduler;
    this.prompts = prompts;
    this.clock = clock;
    this.interval = interval;
    this.grace = grace;
  }

  /** Catches up on what fell due while the bot was down, then waits for what comes next. */
  public void start() {
    tick();
  }

  /** The first update falls due with the incident, so no sev0 is ever stored without one. */
  @Override
  public void declaring(Incident incident) {
    if (incident.severity().requiresUpdates()) {
      dues.start(incident.id(), firstDue(incident));
    }
  }

  @Override
  public void declared(Incident incident, Optional<String> onCall) {
    if (incident.severity().requiresUpdates()) {
      wakeUpBy(firstDue(incident));
    }
  }

  private Instant firstDue(Incident incident) {
    return incident.startedAt().plus(interval);
  }

  /**
   * The update answers the pending due and the next one falls due one interval after it. Inside the
   * update's transaction, while the incident is locked: two updates posted at once on two replicas
   * take turns, each answering the due the other left.
   */
  @Override
  public void postingUpdate(Incident incident, StatusUpdate update) {
    if (!needsUpdates(incident)) {
      return;
    }
    Instant next = update.postedAt().plus(interval);
    Optional<UpdateDue> pending = dues.pending(incident.id());
    while (pending.isPresent()) {
      UpdateDue due = pending.get();
      // Already where this update puts it (another update posted at this instant put it there).
      if (due.dueAt().equals(next)
          || dues.recordAnswered(
              incident.id(), due.dueAt(), outcomeOf(due, update), update.number(), next)) {
        return;
      }
      // Another replica's tick recorded it missed meanwhile (it does not lock the incident): the
      // update answers the due that took its place.
      pending = dues.pending(incident.id());
    }
    dues.start(incident.id(), next);
  }

  @Override
  public void updatePosted(Incident incident, StatusUpdate update) {
    if (needsUpdates(incident)) {
      wakeUpForNext();
    }
  }

  private static UpdateOutcome outcomeOf(UpdateDue due, StatusUpdate update) {
    return update.postedAt().isAfter(due.dueAt()) ? UpdateOutcome.LATE : UpdateOutcome.ON_TIME;
  }

  @Override
  public void changingSeverity(Incident incident, Severity previous) {
    if (!cadenceChanged(incident, previous)) {
      return;
    }
    if (incident.severity().requiresUpdates()) {
      dues.start(incident.id(), clock.instant().plus(interval));
    } else {
      dues.stop(incident.id());
    }
  }

  @Override
  public void severityChanged(Incident incident, Severity previous) {
    if (cadenceChanged(incident, previous)) {
      wakeUpForNext();
    }
  }

  private static boolean cadenceChanged(Incident incident, Severity previous) {
    return incident.severity().requiresUpdates() != previous.requiresUpdates();
  }

  @Override
  public void resolving(Incident incident) {
    dues.stop(incident.id());
  }

  @Override
  public void resolved(Incident incident) {
    wakeUpForNext();
  }

  @Override
  public void reopening(Incident incident) {
    if (incident.severity().requiresUpdates()) {
      dues.start(incident.id(), clock.instant().plus(interval));
    }
  }

  @Override
  public void reopened(Incident incident) {
    if (incident.severity().requiresUpdates()) {
      wakeUpForNext();
    }
  }

  private static boolean needsUpdates(Incident incident) {
    return incident.isOpen() && incident.severity().requiresUpdates();
  }

  /**
   * A declaration is on the path of a slash command's acknowledgement, and its first update is
   * almost never the earliest one pending, so the wake-up only moves when it must.
   */
  private synchronized void wakeUpBy(Instant due) {
    if (wakeUpAt == null || wakeUpAt.isAfter(due)) {
      wakeUpAt = due;
      scheduler.wakeAt(WAKE_UP, due, this::tick);
    }
  }

  /**
   * Handles everything due by the clock: prompts, missed updates, and gaps while the bot was down.
   */
  public synchronized void tick() {
    Instant now = clock.instant();
    for (UpdateDue due : dues.pendingDueBy(now)) {
      Optional<Incident> incident = incidents.find(due.incidentId());
      if (incident.isEmpty()
          || !incident.get().isOpen()
          || !incident.get().severity().requiresUpdates()) {
        dues.stop(due.incidentId());
        continue;
      }
      attend(incident.get(), due, now);
    }
    wakeUpForNext();
  }

  private void attend(Incident incident, UpdateDue pending, Instant now) {
    UpdateDue due = pending;
    // A whole interval passed with nobody to prompt (the bot was down): that update was missed.
    // Record it quietly and move on, so one prompt goes out now instead of one per missed interval.
    while (!due.dueAt().plus(interval).isAfter(now)) {
      Instant next = due.dueAt().plus(interval);
      if (!dues.recordMissed(incident.id(), due.dueAt(), null, next)) {
        return;
      }
      due = new UpdateDue(incident.id(), next, null, null);
    }
    if (!due.prompted()) {
      if (due.dueAt().isAfter(now)) {
        return;
      }
      if (dues.claimPrompt(incident.id(), due.dueAt(), now)) {
        Instant dueAt = due.dueAt();
        sendOrRetry(
            () -> prompts.prompt(incident, dueAt),
            () -> dues.releasePrompt(incident.id(), dueAt),
            "prompt for " + incident.key());
      }
    } else if (!due.missedAt(grace).isAfter(now)) {
      Instant dueAt = due.dueAt();
      if (dues.recordMissed(incident.id(), dueAt, now, dueAt.plus(interval))) {
        sendOrRetry(
            () -> prompts.missed(incident, dueAt), () -> {}, "missed update of " + incident.key());
      }
    }
  }

  private void sendOrRetry(Supplier<CompletionStage<Void>> send, Runnable giveBack, String what) {
    send.get()
        .whenComplete(
            (ignored, failure) -> {
              if (failure != null) {
                log.warn("Could not send the {}: {}; retrying", what, failure.getMessage());
                giveBack.run();
                scheduler.wakeAt(RETRY, clock.instant().plus(RETRY_AFTER_FAILURE), this::tick);
              }
            });
  }

  private synchronized void wakeUpForNext() {
    Optional<Instant> next = dues.nextAttention(grace);
    wakeUpAt = next.orElse(null);
    next.ifPresentOrElse(
        at -> scheduler.wakeAt(WAKE_UP, at, this::tick), () -> scheduler.cancel(WAKE_UP));
  }

  @Override
  public Optional<Instant> nextDue(long incidentId) {
    return dues.pending(incidentId).map(UpdateDue::dueAt);
  }

  @Override
  public UpdateCompliance compliance(long incidentId) {
    return dues.compliance(incidentId);
  }
}
