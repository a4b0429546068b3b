package dev.sevzero.slack.sla;

import dev.sevzero.sla.Punctuality;
import dev.sevzero.text.Durations;
import java.util.ArrayList;
import java.util.List;

/** One line saying whether Sevzero's own scheduled work ran on time (the watcher watched). */
public final class PunctualityText {

  private PunctualityText() {}

  public static String line(Punctuality punctuality) {
    if (punctuality.onTime()) {
      return "⏱ *Sevzero itself:* every update prompt and handoff ran on time.";
    }
    List<String> problems = new ArrayList<>();
    if (punctuality.latePrompts() > 0) {
      problems.add(
          count(punctuality.latePrompts(), "update prompt")
              + " sent more than a minute after due (worst "
              + Durations.format(punctuality.worstPromptDelay())
              + " late)");
    }
    if (punctuality.unsentPrompts() > 0) {
      problems.add(
          count(punctuality.unsentPrompts(), "update prompt")
              + " never sent (Sevzero was down when "
              + (punctuality.unsentPrompts() == 1 ? "it was" : "they were")
              + " due)");
    }
    if (punctuality.lateHandoffs() > 0) {
      problems.add(
          count(punctuality.lateHandoffs(), "handoff")
              + " done late (worst "
              + Durations.format(punctuality.worstHandoffDelay())
              + " late)");
    }
    return "⏱ *Sevzero itself ran late:* " + String.join("; ", problems) + ".";
  }

  private static String count(int n, String thing) {
    return n + " " + thing + (n == 1 ? "" : "s");
  }
}
