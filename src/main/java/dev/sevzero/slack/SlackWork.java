package dev.sevzero.slack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs Slack Web API work after the acknowledgement, so a slow Slack never makes a command time
 * out. Work for one incident runs in order (a header edit never overtakes the header's creation);
 * work for different incidents, and independent calls, run in parallel.
 */
public final class SlackWork implements AutoCloseable {

  /** The log field naming the incident a line is about. */
  public static final String INCIDENT_MDC_KEY = "incident_id";

  private static final Logger log = LoggerFactory.getLogger(SlackWork.class);

  private final ExecutorService pool;
  private final AckFirst ackFirst;
  private final Map<Long, CompletableFuture<Void>> queues = new ConcurrentHashMap<>();

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

  /**
   * Runs {@code task} after every task queued earlier for the same incident. The returned stage
   * fails if the task does; the queue goes on either way.
   */
  public CompletableFuture<Void> forIncident(long incidentId, String what, Runnable task) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    CompletableFuture<Void> next =
        queues.compute(
            incidentId,
            (id, tail) ->
                (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
                    .thenRunAsync(() -> runForIncident(id, what, task, result), pool));
    next.whenComplete((ignored, error) -> queues.remove(incidentId, next));
    return result;
  }

  /** Every line this task logs names its incident (number, as drills share the sequence). */
  private void runForIncident(
      long incidentId, String what, Runnable task, CompletableFuture<Void> result) {
    try (var ignored = MDC.putCloseable(INCIDENT_MDC_KEY, Long.toString(incidentId))) {
      run(what + " for incident " + incidentId, task, result);
    }
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
