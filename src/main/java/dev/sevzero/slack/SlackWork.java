package dev.sevzero.slack;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Web API calls that answer someone right now (a modal to open, a private reply to a
 * button, rendering a report's files) beside the acknowledgement, so a slow Slack never makes a
 * command time out. They are answers, not promises: what a change promises is stored as a delivery
 * instead (see {@code dev.sevzero.deliveries}).
 */
public final class SlackWork implements AutoCloseable {

  /** The log field naming the incident a line is about. */
  private static final Logger log = LoggerFactory.getLogger(SlackWork.class);

  private final ExecutorService pool;
  private final AckFirst ackFirst;

  public SlackWork(int threads, AckFirst ackFirst) {
    this.ackFirst = ackFirst;
    AtomicInteger count = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            threads,
            task -> {
              Thread thread = new Thread(task, "slack-work-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs {@code task} on its own, in parallel with everything else. */
  public CompletableFuture<Void> inParallel(String what, Runnable task) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    pool.execute(() -> run(what, task, result));
    return result;
  }

  private void run(String what, Runnable task, CompletableFuture<Void> result) {
    ackFirst.awaitTurn();
    try {
      task.run();
      result.complete(null);
    } catch (RuntimeException e) {
      // The stored state is already right; what failed is telling Slack about it.
      log.error("Slack work failed: {}: {}", what, e.getMessage(), e);
      result.completeExceptionally(e);
    }
  }

  /** Lets queued work finish (within {@code grace}) so nothing already stored goes untold. */
  public void close(Duration grace) {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Slack work still running after {}; stopping it", grace);
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
