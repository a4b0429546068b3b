package dev.sevzero.slack.exercises;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static dev.sevzero.slack.SlackText.date;
import static dev.sevzero.slack.SlackText.escape;
import static dev.sevzero.slack.SlackText.user;

import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.exercises.ChecklistStep;
import dev.sevzero.exercises.Drill;
import dev.sevzero.exercises.ExerciseKind;
import dev.sevzero.exercises.ExerciseService;
import dev.sevzero.exercises.Objective;
import dev.sevzero.exercises.RehearsedScenario;
import dev.sevzero.exercises.Reminder;
import dev.sevzero.exercises.Scenario;
import dev.sevzero.incident.Incident;
import dev.sevzero.text.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The exercise messages as Block Kit: reminders, a drill's brief and checklist, its results. */
final class ExerciseViews {

  private ExerciseViews() {}

  static String headline(Incident incident) {
    return incident.key() + " (" + incident.severity().label() + ") " + incident.title();
  }

  static String reminderText(Reminder reminder) {
    return "🗓️ "
        + reminder.kind().label()
        + " due: next scenario *"
        + escape(reminder.scenario().title())
        + "*";
  }

  /** The reminder in {@code ONCALL_CHANNEL}, with its Start drill button. */
  static List<LayoutBlock> reminderBlocks(Reminder reminder) {
    Scenario scenario = reminder.scenario();
    String last =
        reminder.lastRehearsed().map(at -> "last rehearsed " + date(at)).orElse("never rehearsed");
    return List.of(
        section(
            s ->
                s.text(
                    markdownText(
                        reminderText(reminder)
                            + " (`"
                            + scenario.id()
                            + "`, "
                            + last
                            + ").\n>"
                            + escape(scenario.brief())))),
        context(
            c ->
                c.elements(
                    List.of(
                        markdownText(
                            scenario.checklist().size()
                                + " steps to work through."
                                + (reminder.kind() == ExerciseKind.DR
                                    ? " Staging is broken on purpose; recovery is timed against"
                                        + " its RTO and RPO."
                                    : " Talk it through: who does what, with which access."))))),
        actions(
            a ->
                a.elements(
                    List.of(
                        button(
                            b ->
                                b.actionId(ExerciseActionIds.START_DRILL)
                                    .text(plainText("Start drill"))
                                    .style("primary")
                                    .value(reminder.kind().code() + ":" + scenario.id()))))));
  }

  static String briefText(Drill drill) {
    return "🧪 " + drill.kind().label() + ": " + drill.title();
  }

  /** The drill's brief and its checklist, a button per step until it is ticked. */
  static List<LayoutBlock> briefBlocks(Drill drill) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(briefText(drill)))));
    drill.brief().ifPresent(brief -> blocks.add(section(s -> s.text(markdownText(escape(brief))))));
    drill
        .targets()
        .ifPresent(
            targets ->
                blocks.add(
                    section(
                        s ->
                            s.text(
                                markdownText(
                                    "🎯 Targets: *RTO "
                                        + Durations.format(targets.rto())
                                        + "* · *RPO "
                                        + Durations.format(targets.rpo())
                                        + "*. Resolving the drill asks for what was achieved.")))));
    if (drill.checklist().isEmpty()) {
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(
                          markdownText(
                              "This scenario is not in the library, so there is no checklist:"
                                  + " `/incident note` what you do.")))));
      return blocks;
    }
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*Checklist* — "
                            + drill.ticked()
                            + " of "
                            + drill.checklist().size()
                            + " done"))));
    for (ChecklistStep step : drill.checklist()) {
      if (step.isTicked()) {
        blocks.add(section(s -> s.text(markdownText(tickedLine(step)))));
      } else {
        blocks.add(
            section(
                s ->
                    s.text(markdownText("☐ " + step.number() + ". " + escape(step.text())))
                        .accessory(
                            button(
                                b ->
                                    b.actionId(ExerciseActionIds.TICK_STEP_PREFIX + step.number())
                                        .text(plainText("Done " + step.number()))
                                        .value(Long.toString(drill.incidentId()))))));
      }
    }
    return blocks;
  }

  private static String tickedLine(ChecklistStep step) {
    return "✅ "
        + step.number()
        + ". "
        + escape(step.text())
        + " — "
        + user(step.tickedBy().orElseThrow())
        + ", "
        + date(step.tickedAt().orElseThrow());
  }

  /** {@code /incident status} of a drill: progress through the checklist and the objectives. */
  static List<LayoutBlock> statusBlocks(Drill drill) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "🧪 *"
            + drill.kind().label()
            + "*"
            + drill.scenarioId().map(id -> " · `" + id + "`").orElse(""));
    if (!drill.checklist().isEmpty()) {
      lines.add("*Checklist* — " + drill.ticked() + " of " + drill.checklist().size() + " done");
      for (ChecklistStep step : drill.checklist()) {
        lines.add(
            step.isTicked() ? tickedLine(step) : "☐ " + step.number() + ". " + escape(step.text()));
      }
    }
    objectivesLine(drill).ifPresent(lines::add);
    return List.of(section(s -> s.text(markdownText(String.join("\n", lines)))));
  }

  /** Posted after the resolution summary: how far the checklist got, and the objectives. */
  static String resultsText(Drill drill) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "🧪 *"
            + escape(drill.title())
            + "* — "
            + drill.kind().label().toLowerCase(Locale.ROOT)
            + " results");
    if (!drill.checklist().isEmpty()) {
      String open =
          drill.checklist().stream()
              .filter(step -> !step.isTicked())
              .map(step -> Integer.toString(step.number()))
              .collect(Collectors.joining(", "));
      lines.add(
          "Checklist: "
              + drill.ticked()
              + " of "
              + drill.checklist().size()
              + " steps done"
              + (open.isEmpty() ? "." : " (not done: " + open + ")."));
    }
    objectivesLine(drill).ifPresent(lines::add);
    return String.join("\n", lines);
  }

  private static Optional<String> objectivesLine(Drill drill) {
    if (drill.targets().isEmpty()) {
      return Optional.empty();
    }
    List<Objective> objectives = drill.objectives();
    if (objectives.isEmpty()) {
      return Optional.of(
          "🎯 Targets: RTO "
              + Durations.format(drill.targets().get().rto())
              + " · RPO "
              + Durations.format(drill.targets().get().rpo())
              + " (achieved: not recorded yet)");
    }
    boolean met = drill.objectivesMet().orElseThrow();
    return Optional.of(
        (met ? "✅ " : "❌ ")
            + "Recovery objectives "
            + (met ? "met" : "missed")
            + ": "
            + ExerciseService.describe(objectives));
  }

  /** {@code /incident scenarios}. */
  static List<LayoutBlock> scenarioList(List<RehearsedScenario> scenarios) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        "*Exercise scenarios* — start one with `/incident drill [tabletop|dr]"
                            + " &lt;id&gt;`, least recently rehearsed first when reminded"))));
    for (RehearsedScenario rehearsed : scenarios) {
      Scenario scenario = rehearsed.scenario();
      String kinds =
          scenario.kinds().size() == ExerciseKind.values().length
              ? "tabletop or DR"
              : scenario.suits(ExerciseKind.DR) ? "DR" : "tabletop";
      String last =
          rehearsed
              .lastRehearsed()
              .map(at -> "last rehearsed " + date(at))
              .orElse("never rehearsed");
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          "*"
                              + escape(scenario.title())
                              + "* `"
                              + scenario.id()
                              + "` — "
                              + kinds
                              + ", "
                              + scenario.checklist().size()
                              + " steps — "
                              + last))));
    }
    return blocks;
  }
}
