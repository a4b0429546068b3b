package dev.sevzero.slack.exercises;

import static dev.sevzero.slack.SlackText.channel;
import static dev.sevzero.slack.SlackText.date;
import static dev.sevzero.slack.SlackText.user;
import static dev.sevzero.slack.ViewValues.selected;
import static dev.sevzero.slack.ViewValues.text;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import dev.sevzero.exercises.DrillRequest;
import dev.sevzero.exercises.ExerciseKind;
import dev.sevzero.exercises.ExerciseService;
import dev.sevzero.exercises.RecoveryTargets;
import dev.sevzero.exercises.ReminderStart;
import dev.sevzero.exercises.Scenario;
import dev.sevzero.exercises.TickResult;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentException;
import dev.sevzero.incident.Severity;
import dev.sevzero.slack.OutOfDate;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.text.Durations;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminder's Start drill button, the checklist's buttons, and the drill and results modals.
 * Each handler acknowledges at once; what only the presser needs to know goes back privately.
 */
public final class DrillInteractions {

  private static final Logger log = LoggerFactory.getLogger(DrillInteractions.class);

  private static final String SORRY = "Sorry, Sevzero hit an error and could not ";
  private static final String AGAIN = "It is logged; please try again or tell an admin.";

  private final ExerciseService exercises;
  private final SlackWork work;
  private final OutOfDate outOfDate;

  public DrillInteractions(ExerciseService exercises, SlackWork work) {
    this.exercises = exercises;
    this.work = work;
    this.outOfDate = new OutOfDate(work);
  }

  public void register(App app) {
    app.blockAction(ExerciseActionIds.START_DRILL, this::startDrill);
    app.blockAction(ExerciseActionIds.TICK_STEP, this::tick);
    app.viewSubmission(ExerciseActionIds.DRILL_VIEW, this::submitDrill);
    app.viewSubmission(ExerciseActionIds.RESULTS_VIEW, this::submitResults);
  }

  private Response startDrill(BlockActionRequest request, ActionContext context) {
    String presser = request.getPayload().getUser().getId();
    String[] value =
        Optional.ofNullable(request.getPayload().getActions().get(0).getValue())
            .orElse("")
            .split(":", 2);
    Optional<ExerciseKind> kind = ExerciseKind.parse(value[0]);
    Optional<Scenario> scenario =
        value.length == 2 ? exercises.library().find(value[1]) : Optional.empty();
    String reply;
    if (kind.isEmpty() || scenario.isEmpty()) {
      reply =
          "That scenario is no longer in the library: `/incident scenarios` lists the ones there"
              + " are.";
    } else {
      DrillRequest drill =
          DrillRequest.of(kind.get(), scenario.get(), Severity.SEV0, Optional.empty(), presser);
      ReminderStart started;
      try {
        started = exercises.startFromReminder(drill);
      } catch (RuntimeException e) {
        // Rolled back: nothing was started. The press is still acknowledged and answered.
        log.error("Start drill failed: {}", e.getMessage(), e);
        respondPrivately(context, SORRY + "start the drill; nothing was started. " + AGAIN);
        return context.ack();
      }
      if (started instanceof ReminderStart.Started first) {
        reply = DrillCommands.startedText(first.declared(), drill);
      } else if (started instanceof ReminderStart.AlreadyStarted already) {
        reply = alreadyStartedText(already.drill());
      } else {
        reply = OutOfDate.TEXT;
      }
    }
    respondPrivately(context, reply);
    return context.ack();
  }

  /** What a second press of a reminder's Start drill is told: the drill the first one started. */
  static String alreadyStartedText(Incident drill) {
    String headline = "*" + ExerciseViews.headline(drill) + "*";
    String where =
        drill
            .channelId()
            .map(channel -> " in " + channel(channel))
            .orElse(" (its channel is on its way)");
    if (!drill.isOpen()) {
      return "🧪 This reminder's drill was already run: "
          + headline
          + where
          + ", started by "
          + user(drill.declared().by())
          + " and resolved. To rehearse the scenario again, use `/incident drill`.";
    }
    return "🧪 This reminder's drill is already running: "
        + headline
        + where
        + ", started by "
        + user(drill.declared().by())
        + ".";
  }

  private Response tick(BlockActionRequest request, ActionContext context) {
    String presser = request.getPayload().getUser().getId();
    var action = request.getPayload().getActions().get(0);
    Matcher step = ExerciseActionIds.TICK_STEP.matcher(action.getActionId());
    Optional<Long> drill = number(action.getValue()).map(Long::valueOf);
    Optional<Integer> stepNumber =
        (step.matches() ? number(step.group(1)) : Optional.<String>empty())
            .map(Long::valueOf)
            .filter(n -> n <= Integer.MAX_VALUE)
            .map(Long::intValue);
    if (drill.isEmpty() || stepNumber.isEmpty()) {
      return outOfDate.button(context);
    }
    String reply = null;
    try {
      TickResult result = exercises.tick(drill.get(), stepNumber.get(), presser);
      if (result instanceof TickResult.AlreadyTicked already) {
        reply =
            "Step "
                + already.step().number()
                + " was already ticked by "
                + user(already.step().tickedBy().orElseThrow())
                + ", "
                + date(already.step().tickedAt().orElseThrow())
                + ".";
      }
    } catch (IncidentException refusal) {
      reply = refusal.getMessage();
    } catch (RuntimeException e) {
      log.error("Ticking a checklist step failed: {}", e.getMessage(), e);
      reply = SORRY + "tick that step; it is not ticked. " + AGAIN;
    }
    if (reply != null) {
      respondPrivately(context, reply);
    }
    return context.ack();
  }

  private Response submitDrill(ViewSubmissionRequest request, ViewSubmissionContext context) {
    Map<String, Map<String, ViewState.Value>> values =
        request.getPayload().getView().getState().getValues();
    Map<String, String> errors = new HashMap<>();
    ExerciseKind kind =
        selected(values, ExerciseActionIds.KIND)
            .flatMap(ExerciseKind::parse)
            .orElse(ExerciseKind.TABLETOP);
    Optional<Scenario> scenario =
        selected(values, ExerciseActionIds.SCENARIO).flatMap(exercises.library()::find);
    if (scenario.isEmpty()) {
      errors.put(ExerciseActionIds.SCENARIO, "Pick the scenario to rehearse.");
    } else if (!scenario.get().suits(kind)) {
      errors.put(
          ExerciseActionIds.SCENARIO,
          "This scenario is not written for a "
              + kind.label().toLowerCase(java.util.Locale.ROOT)
              + ".");
    }
    Severity severity =
        selected(values, ExerciseActionIds.SEVERITY).flatMap(Severity::parse).orElse(Severity.SEV0);
    Optional<Duration> rto = duration(values, ExerciseActionIds.RTO, errors);
    Optional<Duration> rpo = duration(values, ExerciseActionIds.RPO, errors);
    if (kind == ExerciseKind.DR && rto.filter(Duration::isZero).isPresent()) {
      errors.put(ExerciseActionIds.RTO, "An RTO target is longer than nothing.");
    }
    if (!errors.isEmpty()) {
      return context.ack(r -> r.responseAction("errors").errors(errors));
    }
    Optional<RecoveryTargets> targets =
        kind == ExerciseKind.DR
            ? Optional.of(
                new RecoveryTargets(
                    rto.orElse(RecoveryTargets.DEFAULT.rto()),
                    rpo.orElse(RecoveryTargets.DEFAULT.rpo())))
            : Optional.empty();
    try {
      exercises.start(
          DrillRequest.of(
              kind, scenario.get(), severity, targets, request.getPayload().getUser().getId()));
    } catch (RuntimeException e) {
      log.error("Starting a drill from the form failed: {}", e.getMessage(), e);
      return context.ackWithErrors(
          Map.of(ExerciseActionIds.SCENARIO, SORRY + "start the drill; nothing was started."));
    }
    return context.ack();
  }

  private Response submitResults(ViewSubmissionRequest request, ViewSubmissionContext context) {
    Optional<Long> id =
        number(request.getPayload().getView().getPrivateMetadata()).map(Long::valueOf);
    if (id.isEmpty()) {
      return OutOfDate.form(context);
    }
    Map<String, Map<String, ViewState.Value>> values =
        request.getPayload().getView().getState().getValues();
    Map<String, String> errors = new HashMap<>();
    Optional<Duration> rto = duration(values, ExerciseActionIds.RTO, errors);
    Optional<Duration> rpo = duration(values, ExerciseActionIds.RPO, errors);
    if (errors.isEmpty() && rto.isEmpty()) {
      errors.put(ExerciseActionIds.RTO, "How long did recovery take? e.g. 45m");
    }
    if (errors.isEmpty() && rpo.isEmpty()) {
      errors.put(ExerciseActionIds.RPO, "How much data was lost, as time? e.g. 5m, or 0m");
    }
    if (!errors.isEmpty()) {
      return context.ack(r -> r.responseAction("errors").errors(errors));
    }
    String summary = text(values, ExerciseActionIds.SUMMARY).filter(s -> !s.isBlank()).orElse(null);
    try {
      exercises.resolveWithResults(
          id.get(), request.getPayload().getUser().getId(), summary, rto.get(), rpo.get());
    } catch (IncidentException refusal) {
      return context.ackWithErrors(Map.of(ExerciseActionIds.RTO, refusal.getMessage()));
    } catch (RuntimeException e) {
      log.error("Recording a drill's results failed: {}", e.getMessage(), e);
      return context.ackWithErrors(
          Map.of(ExerciseActionIds.RTO, SORRY + "record the results; nothing was changed."));
    }
    return context.ack();
  }

  /** Up to 18 digits (fits a long), else empty: a value or metadata of another shape. */
  private static Optional<String> number(String text) {
    return text != null && text.matches("\\d{1,18}") ? Optional.of(text) : Optional.empty();
  }

  /** A typed duration; a malformed one is an error on its field, a blank one is empty. */
  private static Optional<Duration> duration(
      Map<String, Map<String, ViewState.Value>> values, String id, Map<String, String> errors) {
    Optional<String> typed = text(values, id).filter(t -> !t.isBlank());
    if (typed.isEmpty()) {
      return Optional.empty();
    }
    Optional<Duration> parsed = Durations.parse(typed.get());
    if (parsed.isEmpty()) {
      errors.put(
          id, "\"" + typed.get() + "\" is not a duration: " + DrillModals.DURATION_HINT + ".");
    }
    return parsed;
  }

  private void respondPrivately(ActionContext context, String text) {
    work.inParallel(
        "reply to a drill button",
        () -> {
          try {
            context.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
          } catch (IOException e) {
            log.warn("Could not send a private reply to a button press: {}", e.getMessage());
          }
        });
  }
}
