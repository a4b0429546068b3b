package dev.sevzero.sla;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether Sevzero's own scheduled work ran when it should over a span (the watcher watched): update
 * prompts sent more than {@link #TOLERANCE} after their due time, prompts never sent because the
 * bot was down for a whole interval, and handoffs done late (caught up at start-up).
 *
 * @param worstPromptDelay {@link Duration#ZERO} when no prompt was late
 * @param worstHandoffDelay {@link Duration#ZERO} when no handoff was late
 */
public record Punctuality(
    int latePrompts,
    Duration worstPromptDelay,
    int unsentPrompts,
    int lateHandoffs,
    Duration worstHandoffDelay) {

  /** Later than this, scheduled work counts as late. */
  public static final Duration TOLERANCE = Duration.ofMinutes(1);

  public static final Punctuality ON_TIME = new Punctuality(0, Duration.ZERO, 0, 0, Duration.ZERO);

  public Punctuality {
    Objects.requireNonNull(worstPromptDelay, "worstPromptDelay");
    Objects.requireNonNull(worstHandoffDelay, "worstHandoffDelay");
    if (latePrompts < 0 || unsentPrompts < 0 || lateHandoffs < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }

  public boolean onTime() {
    return latePrompts == 0 && unsentPrompts == 0 && lateHandoffs == 0;
  }
}
