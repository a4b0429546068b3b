package dev.sevzero.slack.exercises;

import static dev.sevzero.slack.SlackText.user;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.sevzero.exercises.DrillRequest;
import dev.sevzero.exercises.ExerciseKind;
import dev.sevzero.exercises.ExerciseService;
import dev.sevzero.exercises.Scenario;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.Severity;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.slack.command.CommandInvocation;
import dev.sevzero.slack.command.CommandReply;
import dev.sevzero.slack.command.SubCommand;
import dev.sevzero.slack.command.UsageException;
import dev.sevzero.slack.incident.IncidentExtensions;
import dev.sevzero.slack.incident.TypedIncident;
import dev.sevzero.slack.transport.SlackGateway;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /incident drill} and {@code /incident scenarios} (SPEC §11), and what drills add to the
 * other incident commands: the checklist in {@code /incident status}, and the results form that
 * resolving a DR drill opens.
 */
public final class DrillCommands implements IncidentExtensions {

  private final ExerciseService exercises;
  private final SlackGateway slack;
  private final SlackWork work;

  public DrillCommands(ExerciseService exercises, SlackGateway slack, SlackWork work) {
    this.exercises = exercises;
    this.slack = slack;
    this.work = work;
  }

  @Override
  public List<SubCommand> subCommands() {
    return List.of(
        SubCommand.of(
            "drill",
            "[tabletop|dr] [sev0|sev1|sev2|sev3] <scenario>",
            "start an exercise on a scenario (no scenario: a form); kept out of SLA figures",
            this::drill),
        SubCommand.of(
            "scenarios",
            "",
            "the exercise scenarios and when each was last rehearsed",
            this::scenarios));
  }

  private CommandReply drill(CommandInvocation invocation) {
    List<String> words = new ArrayList<>(invocation.words());
    if (words.isEmpty()) {
      openModal(invocation.triggerId(), DrillModals.drill(exercises.library()));
      return CommandReply.silent();
    }
    ExerciseKind kind = ExerciseKind.parse(words.get(0)).orElse(ExerciseKind.TABLETOP);
    if (ExerciseKind.parse(words.get(0)).isPresent()) {
      words.remove(0);
    }
    Severity severity = TypedIncident.takeSeverity(words);
    String typed =
        TypedIncident.title(
            String.join(" ", words),
            "Name the scenario to rehearse: `/incident scenarios` lists them.");
    Optional<Scenario> scenario = exercises.library().find(typed);
    DrillRequest request;
    if (scenario.isPresent()) {
      if (!scenario.get().suits(kind)) {
        throw new UsageException(
            "*"
                + scenario.get().title()
                + "* is not a "
                + kind.label().toLowerCase(Locale.ROOT)
                + " scenario; `/incident scenarios` says which kind each suits.");
      }
      request =
          DrillRequest.of(kind, scenario.get(), severity, Optional.empty(), invocation.userId());
    } else {
      request =
          new DrillRequest(
              kind, Optional.empty(), typed, severity, Optional.empty(), invocation.userId());
    }
    return CommandReply.ephemeral(startedText(exercises.start(request), request));
  }

  /** What the person who started a drill is told at once. */
  static String startedText(IncidentService.Declared declared, DrillRequest request) {
    return "🧪 *"
        + ExerciseViews.headline(declared.incident())
        + "* started ("
        + request.kind().label().toLowerCase(Locale.ROOT)
        + "). I'm creating its channel with "
        + (request.scenario().isPresent()
            ? "the brief and the checklist"
            : "the full process (the scenario is not in the library, so no checklist)")
        + declared.paged().map(p -> ", and paging " + user(p) + " (on call).").orElse(".");
  }

  private CommandReply scenarios(CommandInvocation invocation) {
    if (!invocation.words().isEmpty()) {
      throw new UsageException("`scenarios` takes no arguments.");
    }
    return CommandReply.ephemeral(
        exercises.library().all().size() + " exercise scenarios",
        ExerciseViews.scenarioList(exercises.scenarios()));
  }

  @Override
  public List<LayoutBlock> statusBlocks(Incident incident) {
    return exercises.drill(incident.id()).map(ExerciseViews::statusBlocks).orElse(List.of());
  }

  @Override
  public Optional<View> resolveForm(Incident incident, String summary) {
    return exercises
        .drill(incident.id())
        .filter(drill -> drill.awaitsResults() && incident.isOpen())
        .map(drill -> DrillModals.results(incident, drill, summary));
  }

  /** Opens a modal at once, beside other work: Slack's trigger is only valid for 3 seconds. */
  void openModal(String triggerId, View view) {
    work.inParallel(
        "open modal " + view.getCallbackId(),
        () -> slack.callOk("views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId).view(view))));
  }
}
