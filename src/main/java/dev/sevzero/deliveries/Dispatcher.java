package dev.sevzero.deliveries;

import dev.sevzero.incident.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Carries out the stored deliveries: the one dispatcher of the outbox. A loop claims what is ready
 * and hands each to a worker; a worker that finishes a delivery goes straight on to the next of its
 * sequence, so a chain (create the channel → post the header → pin it) runs back to back with no
 * poll in between. Independent deliveries run in parallel, and one that waits (a rate limit) or
 * fails holds up only its own sequence.
 *
 * <p>Nothing is given up on while it can still succeed: a rate limit waits for as long as the
 * target asks, a server or network error backs off (capped, with jitter), and only a refusal that
 * cannot change ends a delivery, which its handler then tells people about.
 */
public final class Dispatcher implements AutoCloseable {

  /** What the dispatcher may use and how long its claims last. */
  public record Settings(int workers, Duration lease, Duration idlePoll, Duration maxBackoff) {

    public static Settings defaults(int workers) {
      return new Settings(workers, Duration.ofSeconds(15), Duration.ofSeconds(1), MAX_BACKOFF);
    }
  }

  /** The log field naming the incident a line is about (JSON logs). */
  public static final String INCIDENT_MDC_KEY = "incident_id";

  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  private static final Duration KEEP_FINISHED = Duration.ofDays(7);
  private static final Duration PRUNE_EVERY = Duration.ofHours(1);
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final DeliveryStore store;
  private final Transactions transactions;
  private final Map<String, DeliveryHandler> handlers;
  private final Clock clock;
  private final Settings settings;
  private final String owner = "sevzero-" + UUID.randomUUID();
  private final ExecutorService workers;
  private final Thread loop;

  private final Outcomes outcomes;
  private final HeadStart headStart = new HeadStart();
  private final LoopSignal signal;
  private volatile boolean started;
  private volatile boolean draining;
  private Instant leasesRenewedAt;
  private Instant prunedAt = Instant.MIN;

  /**
   * @param clock the wall clock: Retry-After and leases are real time
   */
  public Dispatcher(
      DeliveryStore store,
      Outbox outbox,
      Transactions transactions,
      Map<String, DeliveryHandler> handlers,
      Clock clock,
      Settings settings) {
    this.store = store;
    this.transactions = transactions;
    this.handlers = Map.copyOf(handlers);
    this.clock = clock;
    this.settings = settings;
    this.outcomes =
        new Outcomes(store, outbox, transactions, this.handlers, clock, settings.maxBackoff());
    this.signal = new LoopSignal(settings.workers());
    AtomicInteger count = new AtomicInteger();
    this.workers =
        Executors.newFixedThreadPool(
            settings.workers(), task -> daemon(task, "delivery-" + count.incrementAndGet()));
    this.loop = daemon(this::run, "deliveries");
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  /** Starts carrying out deliveries, those left from before a restart first. */
  public void start() {
    leasesRenewedAt = clock.instant();
    loop.start();
    started = true;
  }

  /**
   * Called by a transport, on the delivering thread, once an attempt's request is on its way to its
   * target: deliveries held back to give a chain's next step a head start may start now.
   */
  public static void requestSent() {
    HeadStart.requestSent();
  }

  /**
   * Called inside the transaction of a change that stored deliveries: claims those ready in that
   * same transaction, and starts them the moment it commits (if it rolls back, so do the claims). A
   * declaration's channel is requested without waiting for the loop to wake, take the database and
   * claim it in a transaction of its own (bench/README, "Declare"). The loop is woken only for what
   * there was no free worker for.
   */
  public void claimWithChange() {
    if (!started || draining) {
      wake();
      return;
    }
    int free = signal.freeWorkers();
    Instant now = clock.instant();
    // Only what this change stored: the rest of the backlog is the loop's, and looking through it
    // on the path of every change made a burst of declarations queue for the database.
    List<Delivery> claimed =
        free <= 0
            ? List.of()
            : store.claimStoredHere(
                handlers.keySet(), owner, now, now.plus(settings.lease()), free);
    transactions.afterCommit(
        () -> {
          claimed.forEach(this::start);
          // As many as there were workers for: there may be more.
          if (claimed.size() == free) {
            wake();
          }
        });
  }

  private List<Delivery> claimReady(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    Instant now = clock.instant();
    return store.claimReady(handlers.keySet(), owner, now, now.plus(settings.lease()), limit);
  }

  private void start(Delivery delivery) {
    signal.workerStarted();
    workers.execute(() -> runChain(delivery));
  }

  /** Something was stored (or finished): look for ready deliveries now rather than at the poll. */
  public void wake() {
    signal.wake();
  }

  private void run() {
    while (!draining) {
      try {
        claimAndStart();
        housekeeping();
        sleepUntilWoken();
      } catch (RuntimeException e) {
        // The database is unreachable, most likely: nothing is lost, it is all still stored.
        log.warn("Deliveries: {}; trying again shortly", e.getMessage());
        pause(settings.idlePoll());
      }
    }
  }

  private void claimAndStart() {
    try {
      headStart.awaitTurn();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      draining = true;
      return;
    }
    signal.clearWake();
    claimReady(signal.freeWorkers()).forEach(this::start);
  }

  private void housekeeping() {
    Instant now = clock.instant();
    if (signal.anyBusy()
        && Duration.between(leasesRenewedAt, now).compareTo(settings.lease().dividedBy(3)) >= 0) {
      store.renewLeases(owner, now.plus(settings.lease()));
      leasesRenewedAt = now;
    }
    if (Duration.between(prunedAt, now).compareTo(PRUNE_EVERY) >= 0) {
      prunedAt = now;
      int pruned = store.prune(now.minus(KEEP_FINISHED));
      if (pruned > 0) {
        log.info("Forgot {} deliveries finished more than {} ago", pruned, KEEP_FINISHED);
      }
    }
  }

  private void sleepUntilWoken() {
    Instant now = clock.instant();
    Duration wait = settings.idlePoll();
    Optional<Instant> next = store.nextDue(now);
    if (next.isPresent() && Duration.between(now, next.get()).compareTo(wait) < 0) {
      wait = Duration.between(now, next.get());
    }
    try {
      signal.await(wait, () -> draining);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      draining = true;
    }
  }

  /** Carries out {@code first}, then the rest of its sequence as long as they are ready. */
  private void runChain(Delivery first) {
    try {
      Delivery current = first;
      while (current != null) {
        Delivery done = current;
        Outcome outcome;
        try {
          outcome = attempt(done);
        } finally {
          HeadStart.requestSent();
        }
        // One commit for the outcome and the claim of what comes next in the sequence: on the
        // path of a declaration's header, every commit is time people wait for the pin.
        current =
            transactions.inTransaction(
                () -> {
                  outcomes.record(done, outcome);
                  return nextInSequence(done, outcome);
                });
        if (current != null) {
          headStart.take();
        }
        wake();
      }
    } catch (RuntimeException e) {
      log.warn("Deliveries: {}; the rest waits for the next pass", e.getMessage());
    } finally {
      signal.workerFinished();
    }
  }

  private Delivery nextInSequence(Delivery done, Outcome outcome) {
    if (draining || outcome instanceof Outcome.Retry || done.sequence().isEmpty()) {
      return null;
    }
    Instant now = clock.instant();
    return store
        .claimNext(handlers.keySet(), done.sequence().get(), owner, now, now.plus(settings.lease()))
        .orElse(null);
  }

  private Outcome attempt(Delivery delivery) {
    DeliveryHandler handler = handlers.get(delivery.kind());
    // Every line logged while delivering names the incident it is for.
    try (var ignored =
        MDC.putCloseable(INCIDENT_MDC_KEY, delivery.incidentId().map(String::valueOf).orElse(""))) {
      return handler.deliver(delivery);
    } catch (RuntimeException e) {
      log.warn("Delivery {} ({}) failed: {}", delivery.id(), delivery.kind(), e.toString());
      return Outcome.retryLater(e.toString(), true);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Stops claiming, lets attempts under way finish within {@code grace}, then gives back whatever
   * is still running, for the next start (or another replica) to resume. Nothing is dropped: all of
   * it stays stored.
   */
  public void close(Duration grace) {
    draining = true;
    wake();
    workers.shutdown();
    try {
      loop.join(grace.toMillis());
      if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Deliveries still running after {}; leaving them for the next start", grace);
        workers.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
    }
    try {
      store.releaseClaims(owner);
    } catch (RuntimeException e) {
      log.warn(
          "Could not give back the deliveries' claims ({}); their leases will run out",
          e.getMessage());
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
