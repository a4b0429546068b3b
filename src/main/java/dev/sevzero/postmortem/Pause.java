package dev.sevzero.postmortem;

import java.time.Duration;

/** Waits between attempts (a real sleep in the app; tests may shorten it). */
@FunctionalInterface
public interface Pause {
  void pause(Duration duration) throws InterruptedException;
}
