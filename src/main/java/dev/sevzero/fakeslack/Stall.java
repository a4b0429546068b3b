package dev.sevzero.fakeslack;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Web API call that Slack has carried out but not yet answered (see {@link
 * FakeSlack#stallAfter}): the moment a client may die having reached Slack without knowing it.
 */
public final class Stall {

  /** However long a test forgets to release it, the fake's thread gets free again. */
  private static final Duration LONGEST = Duration.ofSeconds(60);

  private final String method;
  private final Predicate<Map<String, String>> match;
  private final CountDownLatch reached = new CountDownLatch(1);
  private final CountDownLatch released = new CountDownLatch(1);

  Stall(String method, Predicate<Map<String, String>> match) {
    this.method = method;
    this.match = match;
  }

  boolean matches(Map<String, String> params) {
    return match.test(params);
  }

  void holdAnswer() {
    reached.countDown();
    try {
      released.await(LONGEST.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the call has been carried out; false if it did not come within {@code timeout}. */
  public boolean awaitReached(Duration timeout) throws InterruptedException {
    return reached.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Lets the answer go (to a client that may no longer be there). */
  public void release() {
    released.countDown();
  }

  @Override
  public String toString() {
    return "stall after " + method;
  }
}
