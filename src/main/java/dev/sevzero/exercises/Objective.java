package dev.sevzero.exercises;

import java.time.Duration;

/**
 * A recovery objective of a DR drill and what the drill achieved: met when the achieved figure is
 * at or under the target.
 *
 * @param name {@code RTO} (how long recovery took) or {@code RPO} (how much data was lost, as time)
 */
public record Objective(String name, Duration target, Duration achieved) {

  public boolean met() {
    return achieved.compareTo(target) <= 0;
  }
}
