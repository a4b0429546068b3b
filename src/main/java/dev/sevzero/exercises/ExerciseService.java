package dev.sevzero.exercises;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentException;
import dev.sevzero.incident.IncidentRepository;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.TimelineEntry;
import dev.sevzero.incident.Transactions;
import dev.sevzero.text.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * The drill use cases (SPEC §11): starting a drill (an incident marked as an exercise, with the
 * scenario's brief and checklist stored beside it), ticking its steps, and resolving a DR drill
 * with the recovery objectives it achieved. Each stores its change with its timeline entry in one
 * transaction, and tells the listeners inside it.
 */
public final class ExerciseService {

  private final ScenarioLibrary library;
  private final DrillRepository drills;
  private final IncidentService incidents;
  private final IncidentRepository incidentRecords;
  private final Transactions transactions;
  private final Clock clock;
  private final List<ExerciseListener> listeners = new CopyOnWriteArrayList<>();

  public ExerciseService(
      ScenarioLibrary library,
      DrillRepository drills,
      IncidentService incidents,
      IncidentRepository incidentRecords,
      Transactions transactions,
      Clock clock) {
    this.library = library;
    this.drills = drills;
    this.incidents = incidents;
    this.incidentRecords = incidentRecords;
    this.transactions = transactions;
    this.clock = clock;
  }

  public void addListener(ExerciseListener listener) {
    listeners.add(listener);
  }

  public ScenarioLibrary library() {
    return library;
  }

  /** The library with when each scenario was last rehearsed. */
  public List<RehearsedScenario> scenarios() {
    Map<String, Instant> last = drills.lastRehearsed();
    List<RehearsedScenario> rehearsed = new ArrayList<>();
    for (Scenario scenario : library.all()) {
      rehearsed.add(new RehearsedScenario(scenario, Optional.ofNullable(last.get(scenario.id()))));
    }
    return rehearsed;
  }

  public Optional<Drill> drill(long incidentId) {
    return drills.find(incidentId);
  }

  /**
   * Declares the drill's incident and stores the drill with it, in one transaction: the channel
   * set-up that the declaration starts finds the drill's brief and checklist stored. The brief is
   * the drill's, not the incident's description, so that the header does not repeat it.
   */
  public IncidentService.Declared start(DrillRequest request) {
    return transactions.inTransaction(
        () -> {
          IncidentService.Declared declared =
              incidents.declare(
                  request.title(), null, request.severity(), true, request.startedBy());
          Incident incident = declared.incident();
          List<ChecklistStep> checklist = new ArrayList<>();
          List<String> steps = request.scenario().map(Scenario::checklist).orElse(List.of());
          for (int i = 0; i < steps.size(); i++) {
            checklist.add(ChecklistStep.open(i + 1, steps.get(i)));
          }
          drills.insert(
              new Drill(
                  incident.id(),
                  request.kind(),
                  request.scenario().map(Scenario::id),
                  request.title(),
                  request.scenario().map(Scenario::brief),
                  checklist,
                  request.kind() == ExerciseKind.DR
                      ? Optional.of(request.targets().orElse(RecoveryTargets.DEFAULT))
                      : Optional.empty(),
                  Optional.empty(),
                  incident.declared().at(),
                  Optional.empty()));
          return declared;
        });
  }

  /**
   * Starts the drill of the latest reminder naming the request's scenario, once however often its
   * button is pressed: the press that claims the reminder starts it, in the claim's transaction;
   * every other press is told which drill that was.
   */
  public ReminderStart startFromReminder(DrillRequest request) {
    ExerciseKind kind = request.kind();
    String scenarioId = request.scenario().map(Scenario::id).orElseThrow();
    return transactions.inTransaction(
        () -> {
          if (!drills.claimDrillOfReminder(kind, scenarioId, request.startedBy())) {
            return drills
                .drillOfReminder(kind, scenarioId)
                .flatMap(incidentRecords::find)
                .<ReminderStart>map(ReminderStart.AlreadyStarted::new)
                .orElseGet(ReminderStart.NotReminded::new);
          }
          IncidentService.Declared declared = start(request);
          drills.recordDrillOfReminder(kind, scenarioId, declared.incident().id());
          return new ReminderStart.Started(declared);
        });
  }

  /** Ticks step {@code number} of the drill {@code incidentId}, as a timeline entry. */
  public TickResult tick(long incidentId, int number, String actor) {
    return transactions.inTransaction(
        () -> {
          Incident incident = requireForChange(incidentId);
          incident.requireOpen("tick the checklist of");
          Drill drill = requireDrill(incident);
          if (number < 1 || number > drill.checklist().size()) {
            throw new IncidentException(
                incident.key() + "'s checklist has no step " + number + ".");
          }
          ChecklistStep step = drill.checklist().get(number - 1);
          Instant now = clock.instant();
          if (step.isTicked() || !drills.tick(incidentId, number, actor, now)) {
            return new TickResult.AlreadyTicked(step);
          }
          incidentRecords.append(
              new TimelineEntry(
                  incidentId,
                  now,
                  actor,
                  TimelineEntry.Kind.CHECKLIST,
                  "Checklist step " + number + " done: " + step.text()));
          Drill ticked = drills.find(incidentId).orElseThrow();
          ChecklistStep done = ticked.checklist().get(number - 1);
          listeners.forEach(listener -> listener.stepTicked(ticked, done));
          return new TickResult.Ticked(ticked, done);
        });
  }

  /** Records the Slack message that shows the drill's checklist, to edit as steps are ticked. */
  public void checklistPosted(long incidentId, String ts) {
    drills.attachChecklist(incidentId, ts);
  }

  /**
   * Resolves a DR drill with the RTO and RPO it achieved: stored, compared with the targets on the
   * timeline, and the incident resolved, all in one transaction.
   */
  public Incident resolveWithResults(
      long incidentId, String actor, String summary, Duration rto, Duration rpo) {
    if (rto.isNegative() || rpo.isNegative()) {
      throw new IncidentException("Recovery time and data loss can't be negative.");
    }
    return transactions.inTransaction(
        () -> {
          Incident incident = requireForChange(incidentId);
          incident.requireOpen("resolve");
          Drill drill = requireDrill(incident);
          if (drill.kind() != ExerciseKind.DR) {
            throw new IncidentException(
                incident.key() + " is a tabletop exercise: it has no recovery objectives.");
          }
          Instant now = clock.instant();
          if (!drills.recordAchieved(incidentId, rto, rpo, actor, now)) {
            throw new IncidentException(incident.key() + "'s results were recorded already.");
          }
          Drill recorded = drills.find(incidentId).orElseThrow();
          incidentRecords.append(
              new TimelineEntry(
                  incidentId,
                  now,
                  actor,
                  TimelineEntry.Kind.OBJECTIVES,
                  "Recovery objectives: " + describe(recorded.objectives())));
          return incidents.resolve(incidentId, actor, summary);
        });
  }

  /** {@code RTO 45m 00s (target 1h 00m): met; RPO 20m 00s (target 15m 00s): missed}. */
  public static String describe(List<Objective> objectives) {
    return objectives.stream()
        .map(
            o ->
                o.name()
                    + " "
                    + Durations.format(o.achieved())
                    + " (target "
                    + Durations.format(o.target())
                    + "): "
                    + (o.met() ? "met" : "missed"))
        .collect(Collectors.joining("; "));
  }

  private Incident requireForChange(long incidentId) {
    return incidentRecords
        .findForChange(incidentId)
        .orElseThrow(() -> new IncidentException("There is no incident INC-" + incidentId + "."));
  }

  private Drill requireDrill(Incident incident) {
    return drills
        .find(incident.id())
        .orElseThrow(
            () -> new IncidentException(incident.key() + " is not a drill from the library."));
  }
}
