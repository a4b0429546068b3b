package dev.sevzero.slack.sla;

import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static dev.sevzero.slack.SlackText.escape;

import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.exercises.Drill;
import dev.sevzero.exercises.ExerciseFigures;
import dev.sevzero.exercises.ExerciseFigures.Tally;
import dev.sevzero.exercises.Objective;
import dev.sevzero.text.Durations;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's Exercises section (SPEC §11): tabletops held against due this month, DR drills this
 * quarter with their recovery objectives, overdue exercises flagged. Drills count nowhere else.
 */
final class ExercisesSection {

  private ExercisesSection() {}

  static List<LayoutBlock> blocks(ExerciseFigures figures) {
    List<String> lines = new ArrayList<>();
    lines.add("*Exercises*");
    lines.add(
        "Tabletop exercises in "
            + figures
                .month()
                .getMonth()
                .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
            + ": "
            + tally(figures.tabletops()));
    lines.add("DR drills in " + figures.quarter() + ": " + tally(figures.drDrills()));
    for (Drill drill : figures.drDrillsHeld()) {
      lines.add(
          "• DRILL-"
              + drill.incidentId()
              + " "
              + escape(drill.title())
              + " — "
              + objectives(drill));
    }
    return List.of(divider(), section(s -> s.text(markdownText(String.join("\n", lines)))));
  }

  private static String tally(Tally tally) {
    if (!tally.scheduled()) {
      return tally.held() + " held (not scheduled)";
    }
    String line = tally.held() + " held of " + tally.due() + " due";
    if (tally.overdue()) {
      return "⚠️ " + line + " — *overdue*";
    }
    return (tally.held() >= tally.due() ? "✅ " : "") + line;
  }

  private static String objectives(Drill drill) {
    List<Objective> objectives = drill.objectives();
    if (objectives.isEmpty()) {
      return "RTO/RPO not recorded";
    }
    List<String> parts = new ArrayList<>();
    for (Objective objective : objectives) {
      parts.add(
          (objective.met() ? "✅ " : "❌ ")
              + objective.name()
              + " "
              + Durations.format(objective.achieved())
              + " (target "
              + Durations.format(objective.target())
              + ") "
              + (objective.met() ? "met" : "missed"));
    }
    return String.join(" · ", parts);
  }
}
