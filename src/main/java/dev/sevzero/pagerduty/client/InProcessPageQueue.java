package dev.sevzero.pagerduty.client;

import dev.sevzero.pagerduty.PageEvent;
import dev.sevzero.pagerduty.PageQueue;
import dev.sevzero.pagerduty.PageSender;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends PagerDuty events one at a time, in the order they were queued, on one thread: in order per
 * incident, and within PagerDuty's rate limit per integration key. An event PagerDuty cannot take
 * now is tried again after a backoff starting at a second, doubling, capped at a minute; one it
 * refuses is told to {@code refused} (the incident's channel) and dropped.
 *
 * <p>The queue is in memory: an event queued when the process dies is lost. It stands in until
 * PagerDuty events are deliveries of the outbox (SPEC §14).
 */
public final class InProcessPageQueue implements PageQueue, AutoCloseable {

  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
  private static final Logger log = LoggerFactory.getLogger(InProcessPageQueue.class);

  private final BlockingQueue<PageEvent> events = new LinkedBlockingQueue<>();
  private final PageSender sender;
  private final BiConsumer<PageEvent, String> refused;
  private final Thread thread;
  private volatile boolean closed;

  /**
   * @param refused told of each event PagerDuty refused for good, with its reason
   */
  public InProcessPageQueue(PageSender sender, BiConsumer<PageEvent, String> refused) {
    this.sender = sender;
    this.refused = refused;
    this.thread = new Thread(this::run, "pagerduty-events");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void enqueue(PageEvent event) {
    events.add(event);
  }

  private void run() {
    try {
      while (!closed) {
        deliver(events.take());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(PageEvent event) throws InterruptedException {
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      PageSender.Result result;
      try {
        result = sender.send(event);
      } catch (RuntimeException e) {
        result = new PageSender.RetryLater(FIRST_BACKOFF, e.getClass().getSimpleName());
      }
      if (result instanceof PageSender.Delivered) {
        log.info("PagerDuty took {} for {}", event.action().code(), event.dedupKey());
        return;
      }
      if (result instanceof PageSender.Refused refusal) {
        log.warn(
            "PagerDuty refused {} for {}: {}",
            event.action().code(),
            event.dedupKey(),
            refusal.reason());
        refused.accept(event, refusal.reason());
        return;
      }
      PageSender.RetryLater retry = (PageSender.RetryLater) result;
      log.info(
          "PagerDuty {} for {} again in {}: {}",
          event.action().code(),
          event.dedupKey(),
          backoff,
          retry.why());
      Thread.sleep(backoff.toMillis());
      Duration doubled = backoff.multipliedBy(2);
      backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
  }
}
