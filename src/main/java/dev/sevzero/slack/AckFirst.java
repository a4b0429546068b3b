package dev.sevzero.slack;

import com.slack.api.bolt.middleware.Middleware;
import dev.sevzero.slack.transport.CallGate;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets acknowledgements go first. Slack drops a command not acknowledged within 3 seconds, while
 * the Web API work that follows has no such deadline; on two cores, a burst of commands (an
 * incident storm) would otherwise share the CPU with the work of the commands just answered.
 * Background work waits while requests are being answered, but never longer than {@code patience},
 * so a steady stream of commands cannot starve it. It waits before each task and before each Web
 * API call, so work already under way also steps aside between calls.
 */
public final class AckFirst implements CallGate {

  private final Duration patience;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition quiet = lock.newCondition();
  private int answering;

  /** Set while this thread answers a request, whose own calls (opening a modal) never wait. */
  private final ThreadLocal<Boolean> answeringHere = ThreadLocal.withInitial(() -> false);

  public AckFirst(Duration patience) {
    this.patience = patience;
  }

  /** Bolt middleware counting the requests being answered. */
  public Middleware middleware() {
    return (request, response, chain) -> {
      enter();
      answeringHere.set(true);
      try {
        return chain.next(request);
      } finally {
        answeringHere.set(false);
        leave();
      }
    };
  }

  /**
   * Waits until no request is being answered, or {@code patience} has passed; at once on a thread
   * that is answering one.
   */
  @Override
  public void awaitTurn() {
    if (answeringHere.get()) {
      return;
    }
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
