package dev.sevzero.deliveries;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * What the {@link Dispatcher}'s loop and its workers share: how many workers are busy, and whether
 * the loop should look for ready deliveries again before its next poll (something was stored, or a
 * worker finished and is free).
 */
final class LoopSignal {

  private final int workers;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private boolean wakeRequested;
  private int busy;

  LoopSignal(int workers) {
    this.workers = workers;
  }

  int freeWorkers() {
    lock.lock();
    try {
      return workers - busy;
    } finally {
      lock.unlock();
    }
  }

  boolean anyBusy() {
    return freeWorkers() < workers;
  }

  void workerStarted() {
    lock.lock();
    try {
      busy++;
    } finally {
      lock.unlock();
    }
  }

  /** A worker is free again: the loop looks for what it can take. */
  void workerFinished() {
    lock.lock();
    try {
      busy--;
    } finally {
      lock.unlock();
    }
    wake();
  }

  void wake() {
    lock.lock();
    try {
      wakeRequested = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The loop is about to look: wake-ups until now are answered by that look. */
  void clearWake() {
    lock.lock();
    try {
      wakeRequested = false;
    } finally {
      lock.unlock();
    }
  }

  /** Waits up to {@code wait}, or until woken, or until {@code stopping} holds. */
  void await(Duration wait, BooleanSupplier stopping) throws InterruptedException {
    lock.lock();
    try {
      long nanos = wait.toNanos();
      while (!wakeRequested && !stopping.getAsBoolean() && nanos > 0) {
        nanos = changed.awaitNanos(nanos);
      }
    } finally {
      lock.unlock();
    }
  }
}
