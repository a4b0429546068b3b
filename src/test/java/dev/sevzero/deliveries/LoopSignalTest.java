package dev.sevzero.deliveries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoopSignalTest {

  private static final Duration LONG = Duration.ofMinutes(1);

  private final LoopSignal signal = new LoopSignal(2);

  @Test
  void countsTheWorkersBusy() {
    signal.workerStarted();
    assertThat(signal.freeWorkers()).isEqualTo(1);
    assertThat(signal.anyBusy()).isTrue();

    signal.workerFinished();
    assertThat(signal.freeWorkers()).isEqualTo(2);
    assertThat(signal.anyBusy()).isFalse();
  }

  @Test
  void aWorkerFinishingWakesTheLoop() throws Exception {
    signal.workerStarted();
    CompletableFuture<Void> loop = CompletableFuture.runAsync(this::awaitLong);

    signal.workerFinished();

    loop.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aWakeBeforeTheLoopWaitsIsNotLostButALookAnswersIt() throws Exception {
    signal.wake();
    // Returns at once: the wake is still pending.
    CompletableFuture.runAsync(this::awaitLong).get(10, TimeUnit.SECONDS);

    signal.clearWake();
    CompletableFuture<Void> loop = CompletableFuture.runAsync(this::awaitLong);
    signal.wake();
    loop.get(10, TimeUnit.SECONDS);
  }

  @Test
  void stoppingEndsTheWait() throws Exception {
    CompletableFuture.runAsync(
            () -> {
              try {
                signal.await(LONG, () -> true);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            })
        .get(10, TimeUnit.SECONDS);
  }

  private void awaitLong() {
    try {
      signal.await(LONG, () -> false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
