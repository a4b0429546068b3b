package dev.sevzero.fakeslack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Every Web API call, in arrival order, with bounded waiting for one to show up. */
final class CallLog {
  private final List<ApiCall> calls = new ArrayList<>();

  synchronized void add(ApiCall call) {
    calls.add(call);
    notifyAll();
  }

  synchronized List<ApiCall> all() {
    return List.copyOf(calls);
  }

  synchronized List<ApiCall> of(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  // Waits in real time: the fake's clock may be a frozen test clock.
  synchronized ApiCall await(String method, Predicate<ApiCall> match, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (ApiCall c : calls) {
        if (c.method().equals(method) && match.test(c)) {
          return c;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "no matching " + method + " call within " + timeout + "; calls seen: " + summary());
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + method, e);
      }
    }
  }

  private String summary() {
    List<String> lines = new ArrayList<>();
    for (ApiCall c : calls) {
      lines.add("\n  " + c.method() + " " + c.params() + " -> " + c.response());
    }
    return lines.isEmpty() ? "none" : String.join("", lines);
  }
}
