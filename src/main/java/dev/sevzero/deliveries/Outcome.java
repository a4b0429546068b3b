package dev.sevzero.deliveries;

import java.time.Duration;
import java.util.Optional;

/** What one attempt at a delivery came to. */
public sealed interface Outcome {

  /**
   * Done; {@code result} is kept (a message's {@code ts}, a page id) for whoever needs it.
   *
   * @param storeWithIt stores what the result means to the application (the new channel's id on its
   *     incident) in the transaction that records the outcome: on a chain's path, one commit
   *     instead of two before its next step
   */
  record Delivered(Optional<String> result, Runnable storeWithIt) implements Outcome {}

  /**
   * Not done this time, for a reason that passes: a rate limit ({@code after} = what the target
   * asked for), a server error or the network ({@code after} empty: our own backoff).
   *
   * @param mayHaveReached the attempt may have reached the target before it failed
   */
  record Retry(Optional<Duration> after, String reason, boolean mayHaveReached)
      implements Outcome {}

  /** Refused for good ({@code user_not_found}, {@code is_archived}…): never tried again. */
  record Failed(String reason) implements Outcome {}

  static Outcome delivered() {
    return new Delivered(Optional.empty(), () -> {});
  }

  static Outcome delivered(String result) {
    return new Delivered(Optional.of(result), () -> {});
  }

  /** See {@link Delivered#storeWithIt}. */
  static Outcome delivered(String result, Runnable storeWithIt) {
    return new Delivered(Optional.of(result), storeWithIt);
  }

  static Outcome rateLimited(Duration after, String reason) {
    return new Retry(Optional.of(after), reason, false);
  }

  static Outcome retryLater(String reason, boolean mayHaveReached) {
    return new Retry(Optional.empty(), reason, mayHaveReached);
  }

  static Outcome failed(String reason) {
    return new Failed(reason);
  }
}
