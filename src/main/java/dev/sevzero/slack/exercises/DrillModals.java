package dev.sevzero.slack.exercises;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;
import static dev.sevzero.slack.SlackBlocks.selectInput;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import dev.sevzero.exercises.Drill;
import dev.sevzero.exercises.ExerciseKind;
import dev.sevzero.exercises.RecoveryTargets;
import dev.sevzero.exercises.ScenarioLibrary;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.Severity;
import dev.sevzero.text.Durations;
import java.util.Arrays;
import java.util.List;

/** The drill modal ({@code /incident drill} alone) and the DR drill's results modal. */
final class DrillModals {

  /** Recovery figures are typed as people say durations. */
  static final String DURATION_HINT = "e.g. 15m, 1h30m";

  private DrillModals() {}

  /** Kind, scenario, severity, and the targets a DR drill is held to. */
  static View drill(ScenarioLibrary library) {
    List<OptionObject> kinds =
        Arrays.stream(ExerciseKind.values())
            .map(k -> option(plainText(k.label()), k.code()))
            .toList();
    List<OptionObject> scenarios =
        library.all().stream().map(s -> option(plainText(s.title()), s.id())).toList();
    List<OptionObject> severities =
        Arrays.stream(Severity.values()).map(s -> option(plainText(s.label()), s.label())).toList();
    return modal(
        ExerciseActionIds.DRILL_VIEW,
        "Start a drill",
        "Start drill",
        "",
        List.of(
            selectInput(ExerciseActionIds.KIND, "Kind", kinds, kinds.get(0)),
            selectInput(ExerciseActionIds.SCENARIO, "Scenario", scenarios, null),
            selectInput(ExerciseActionIds.SEVERITY, "Severity", severities, severities.get(0)),
            durationInput(
                ExerciseActionIds.RTO,
                "RTO target (DR drills)",
                Durations.format(RecoveryTargets.DEFAULT.rto())),
            durationInput(
                ExerciseActionIds.RPO,
                "RPO target (DR drills)",
                Durations.format(RecoveryTargets.DEFAULT.rpo()))));
  }

  /** Resolving a DR drill: the RTO and RPO achieved, and the summary. */
  static View results(Incident incident, Drill drill, String summary) {
    RecoveryTargets targets = drill.targets().orElse(RecoveryTargets.DEFAULT);
    return modal(
        ExerciseActionIds.RESULTS_VIEW,
        "Resolve the DR drill",
        "Resolve",
        Long.toString(incident.id()),
        List.of(
            section(
                s ->
                    s.text(
                        markdownText(
                            "*"
                                + ExerciseViews.headline(incident)
                                + "*: how did recovery go? Targets: RTO "
                                + Durations.format(targets.rto())
                                + ", RPO "
                                + Durations.format(targets.rpo())
                                + "."))),
            durationInput(ExerciseActionIds.RTO, "RTO achieved: time to recover", null),
            durationInput(ExerciseActionIds.RPO, "RPO achieved: span of data lost", null),
            input(
                i ->
                    i.blockId(ExerciseActionIds.SUMMARY)
                        .optional(true)
                        .label(plainText("Summary"))
                        .element(
                            plainTextInput(
                                p ->
                                    p.actionId(ExerciseActionIds.SUMMARY)
                                        .multiline(true)
                                        .initialValue(summary))))));
  }

  private static LayoutBlock durationInput(String id, String label, String initial) {
    return input(
        i ->
            i.blockId(id)
                .label(plainText(label))
                .hint(plainText(DURATION_HINT))
                .element(plainTextInput(p -> p.actionId(id).maxLength(20).initialValue(initial))));
  }

  private static View modal(
      String callbackId, String title, String submit, String metadata, List<LayoutBlock> blocks) {
    return view(
        v ->
            v.type("modal")
                .callbackId(callbackId)
                .privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .submit(viewSubmit(s -> s.type("plain_text").text(submit)))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
  }
}
