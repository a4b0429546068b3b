package dev.sevzero.slack;

import com.slack.api.bolt.middleware.Middleware;
import dev.sevzero.metrics.Metrics;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Bolt middleware measuring how long a Slack request takes to be answered (acknowledged), in both
 * modes: the time Slack counts against its 3 seconds, less the network.
 */
public final class AckTimer {

  private final Metrics metrics;
  private final LongSupplier nanoTime;

  /**
   * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}): the wall clock can
   *     jump while a request is answered
   */
  public AckTimer(Metrics metrics, LongSupplier nanoTime) {
    this.metrics = metrics;
    this.nanoTime = nanoTime;
  }

  public Middleware middleware() {
    return (request, response, chain) -> {
      long start = nanoTime.getAsLong();
      try {
        return chain.next(request);
      } finally {
        metrics.acknowledged(Duration.ofNanos(nanoTime.getAsLong() - start));
      }
    };
  }
}
