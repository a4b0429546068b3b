package dev.sevzero.deliveries;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gives the next step of a chain a head start over the deliveries that became ready with it: when
 * the channel's creation is recorded, the header's post and the invites and announcement waiting
 * for the channel are all ready at once, and on two cores the four requests (and their answers, 100
 * ms later) compete for the processor while people wait for the header's pin. The others are held
 * back until the chain's request is on its way, and never longer than {@link #AT_MOST}: a few
 * milliseconds that nobody notices, taken off the chain's path (bench/README, "Declare").
 */
final class HeadStart {

  /** How long the others wait at most, should the chain's request never be reported sent. */
  static final Duration AT_MOST = Duration.ofMillis(5);

  /** The head start the current thread's attempt holds, if any. */
  private static final ThreadLocal<HeadStart> HELD = new ThreadLocal<>();

  private final Duration atMost;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition released = lock.newCondition();
  private int held;

  HeadStart() {
    this(AT_MOST);
  }

  /** With another bound than {@link #AT_MOST} (tests). */
  HeadStart(Duration atMost) {
    this.atMost = atMost;
  }

  /** Called on a delivering thread, before the chain's next attempt. */
  void take() {
    lock.lock();
    try {
      held++;
    } finally {
      lock.unlock();
    }
    HELD.set(this);
  }

  /** The current thread's attempt has sent its request (or ended): the others may start. */
  static void requestSent() {
    HeadStart taken = HELD.get();
    if (taken != null) {
      HELD.remove();
      taken.release();
    }
  }

  private void release() {
    lock.lock();
    try {
      held--;
      released.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Called before claiming deliveries: waits while a head start is held, at most the bound. */
  void awaitTurn() throws InterruptedException {
    lock.lock();
    try {
      long nanos = atMost.toNanos();
      while (held > 0 && nanos > 0) {
        nanos = released.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }
}
