package dev.sevzero.exercises;

import java.time.Instant;
import java.util.Optional;

/**
 * One step of a drill's checklist (numbered from 1) and, once done, who ticked it and when.
 *
 * @param tickedBy a Slack user ID, when ticked
 */
public record ChecklistStep(
    int number, String text, Optional<String> tickedBy, Optional<Instant> tickedAt) {

  public static ChecklistStep open(int number, String text) {
    return new ChecklistStep(number, text, Optional.empty(), Optional.empty());
  }

  public boolean isTicked() {
    return tickedAt.isPresent();
  }
}
