package dev.sevzero.slack;

import com.slack.api.bolt.middleware.Middleware;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets acknowledgements go first. Slack drops a command not acknowledged within 3 seconds, while
 * the Web API work that follows has no such deadline; on two cores, a burst of commands (an
 * incident storm) would otherwise share the CPU with the work of the commands just answered.
 * Background work waits while requests are being answered, but never longer than {@code patience},
 * so a steady stream of commands cannot starve it.
 */
public final class AckFirst {

  private final Duration patience;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition quiet = lock.newCondition();
  private int answering;

  public AckFirst(Duration patience) {
    this.patience = patience;
  }

  /** Bolt middleware counting the requests being answered. */
  public Middleware middleware() {
    return (request, response, chain) -> {
      enter();
      try {
        return chain.next(request);
      } finally {
        leave();
      }
    };
  }

  /** Waits until no request is being answered, or {@code patience} has passed. */
  void awaitTurn() {
    lock.lock();
    try {
      long nanos = patience.toNanos();
      while (answering > 0 && nanos > 0) {
        nanos = quiet.awaitNanos(nanos);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
  }

  private void enter() {
    lock.lock();
    try {
      answering++;
    } finally {
      lock.unlock();
    }
  }

  private void leave() {
    lock.lock();
    try {
      if (--answering == 0) {
        quiet.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }
}
