package dev.sevzero.updates;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentEvent;
import dev.sevzero.incident.IncidentEvents;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.Severity;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.incident.Transactions;
import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.scheduling.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
 * leave it exactly one pending due. A prompt's claim and the prompt itself (stored as deliveries by
 * {@link UpdatePrompts}) are one transaction too: a prompt is claimed only together with its
 * sending, so a replica dying after the claim leaves the sending stored for the others. The
 * scheduler only wakes {@link #tick()} at the earliest time something needs attention.
 */
public final class UpdateCadence implements IncidentEvents, UpdateSchedule {

  static final String WAKE_UP = "update-cadence";
  private static final String RETRY = "update-cadence-retry";
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(UpdateCadence.class);

  private final UpdateDueRepository dues;
  private final IncidentService incidents;
  private final Transactions transactions;
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
      Transactions transactions,
      Scheduler scheduler,
      UpdatePrompts prompts,
      Clock clock,
      Duration interval,
      Duration grace) {
    this.dues = dues;
    this.incidents = incidents;
    this.transactions = transactions;
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

  @Override
  public void on(IncidentEvent event) {
    Incident incident = event.incident();
    if (event instanceof IncidentEvent.Declared) {
      declared(incident);
    } else if (event instanceof IncidentEvent.UpdatePosted posted) {
      updatePosted(incident, posted.update());
    } else if (event instanceof IncidentEvent.SeverityChanged changed) {
      severityChanged(incident, changed.previous());
    } else if (event instanceof IncidentEvent.Resolved) {
      dues.stop(incident.id());
      wakeUpForNext();
    } else if (event instanceof IncidentEvent.Reopened && incident.severity().requiresUpdates()) {
      dues.start(incident.id(), clock.instant().plus(interval));
      wakeUpForNext();
    }
  }

  /** The first update falls due with the incident, so no sev0 is ever stored without one. */
  private void declared(Incident incident) {
    if (incident.severity().requiresUpdates()) {
      Instant first = incident.startedAt().plus(interval);
      dues.start(incident.id(), first);
      wakeUpBy(first);
    }
  }

  /**
   * The update answers the pending due and the next one falls due one interval after it. Inside the
   * update's transaction, while the incident is locked: two updates posted at once on two replicas
   * take turns, each answering the due the other left.
   */
  private void updatePosted(Incident incident, StatusUpdate update) {
    if (!needsUpdates(incident)) {
      return;
    }
    answer(incident, update);
    wakeUpForNext();
  }

  private void answer(Incident incident, StatusUpdate update) {
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

  private static UpdateOutcome outcomeOf(UpdateDue due, StatusUpdate update) {
    return update.postedAt().isAfter(due.dueAt()) ? UpdateOutcome.LATE : UpdateOutcome.ON_TIME;
  }

  private void severityChanged(Incident incident, Severity previous) {
    if (!cadenceChanged(incident, previous)) {
      return;
    }
    if (incident.severity().requiresUpdates()) {
      dues.start(incident.id(), clock.instant().plus(interval));
    } else {
      dues.stop(incident.id());
    }
    wakeUpForNext();
  }

  private static boolean cadenceChanged(Incident incident, Severity previous) {
    return incident.severity().requiresUpdates() != previous.requiresUpdates();
  }

  private static boolean needsUpdates(Incident incident) {
    return incident.isOpen() && incident.severity().requiresUpdates();
  }

  /**
   * A declaration is on the path of a slash command's acknowledgement, and its first update is
   * almost never the earliest one pending, so the wake-up only moves when it must.
   */
  private void wakeUpBy(Instant due) {
    underWakeUpLock(
        () -> {
          if (wakeUpAt == null || wakeUpAt.isAfter(due)) {
            wakeUpAt = due;
            scheduler.wakeAt(WAKE_UP, due, this::tick);
          }
        });
  }

  /**
   * Handles everything due by the clock: prompts, missed updates, and gaps while the bot was down.
   * Two ticks at once (a wake-up and a retry) are safe: each prompt and miss is claimed in the
   * database, once.
   */
  public void tick() {
    Instant now = clock.instant();
    for (UpdateDue due : dues.pendingDueBy(now)) {
      Optional<Incident> incident = incidents.find(due.incidentId());
      if (incident.isEmpty()
          || !incident.get().isOpen()
          || !incident.get().severity().requiresUpdates()) {
        dues.stop(due.incidentId());
        continue;
      }
      try {
        attend(incident.get(), due, now);
      } catch (RuntimeException e) {
        // Nothing was claimed: the claim and what it tells are stored together or not at all.
        log.warn("Could not store the prompt of {}: {}; trying again", incident.get().key(), e);
        scheduler.wakeAt(RETRY, now.plus(RETRY_AFTER_FAILURE), this::tick);
      }
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
      Instant dueAt = due.dueAt();
      transactions.inTransaction(
          () -> {
            if (dues.claimPrompt(incident.id(), dueAt, now)) {
              prompts.prompt(incident, dueAt);
            }
            return null;
          });
    } else if (!due.missedAt(grace).isAfter(now)) {
      Instant dueAt = due.dueAt();
      transactions.inTransaction(
          () -> {
            if (dues.recordMissed(incident.id(), dueAt, now, dueAt.plus(interval))) {
              prompts.missed(incident, dueAt);
            }
            return null;
          });
    }
  }

  private void wakeUpForNext() {
    underWakeUpLock(
        () -> {
          Optional<Instant> next = dues.nextAttention(grace);
          wakeUpAt = next.orElse(null);
          next.ifPresentOrElse(
              at -> scheduler.wakeAt(WAKE_UP, at, this::tick), () -> scheduler.cancel(WAKE_UP));
        });
  }

  /**
   * Moves the wake-up under this object's lock, always taken after the database's: a change to an
   * incident moves it inside the transaction that holds the database, so nothing may hold this lock
   * while it waits for the database. A tick once did (it read what was due under this lock), and a
   * declaration at that moment froze the whole bot.
   */
  private void underWakeUpLock(Runnable move) {
    transactions.inTransaction(
        () -> {
          synchronized (this) {
            move.run();
          }
          return null;
        });
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
