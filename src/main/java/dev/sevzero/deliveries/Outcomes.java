package dev.sevzero.deliveries;

import dev.sevzero.incident.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores what an attempt came to: delivered (with its result), to be tried again (when the target
 * said, or after a backoff), or refused for good, when its handler tells people in the same
 * transaction.
 */
final class Outcomes {

  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

  private final DeliveryStore store;
  private final Outbox outbox;
  private final Transactions transactions;
  private final Map<String, DeliveryHandler> handlers;
  private final Clock clock;
  private final Duration maxBackoff;

  Outcomes(
      DeliveryStore store,
      Outbox outbox,
      Transactions transactions,
      Map<String, DeliveryHandler> handlers,
      Clock clock,
      Duration maxBackoff) {
    this.store = store;
    this.outbox = outbox;
    this.transactions = transactions;
    this.handlers = handlers;
    this.clock = clock;
    this.maxBackoff = maxBackoff;
  }

  void record(Delivery delivery, Outcome outcome) {
    Instant now = clock.instant();
    if (outcome instanceof Outcome.Delivered delivered) {
      store.delivered(delivery.id(), delivered.result(), now);
      delivered.storeWithIt().run();
    } else if (outcome instanceof Outcome.Retry retry) {
      Duration wait = retry.after().orElseGet(() -> backoff(delivery.attempt()));
      log.info(
          "Delivery {} ({}) not done: {}; trying again in {} ms",
          delivery.id(),
          delivery.kind(),
          retry.reason(),
          wait.toMillis());
      store.retryAt(delivery.id(), now.plus(wait), retry.reason(), retry.mayHaveReached());
    } else if (outcome instanceof Outcome.Failed failed) {
      log.warn(
          "Delivery {} ({}) refused for good: {}", delivery.id(), delivery.kind(), failed.reason());
      transactions.inTransaction(
          () -> {
            store.failed(delivery.id(), failed.reason(), now);
            handlers.get(delivery.kind()).failedForGood(delivery, failed.reason(), outbox);
            return null;
          });
    }
  }

  /** 1 s, 2 s, 4 s … up to the cap, each within ±25 % so that retries do not arrive in step. */
  Duration backoff(int attempt) {
    long base = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 16);
    long capped = Math.min(base, maxBackoff.toMillis());
    double jitter = 0.75 + ThreadLocalRandom.current().nextDouble() / 2;
    return Duration.ofMillis((long) (capped * jitter));
  }
}
