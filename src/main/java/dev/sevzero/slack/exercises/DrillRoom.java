package dev.sevzero.slack.exercises;

import dev.sevzero.exercises.ChecklistStep;
import dev.sevzero.exercises.Drill;
import dev.sevzero.exercises.ExerciseListener;
import dev.sevzero.exercises.ExerciseService;
import dev.sevzero.exercises.Reminder;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentListener;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.slack.SlackMessenger;
import dev.sevzero.slack.SlackWork;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows exercises in Slack: the reminders in {@code ONCALL_CHANNEL}; in a drill's channel, once the
 * incident set-up has made it, the brief and the checklist (edited as steps are ticked); and the
 * drill's results after its resolution summary. Channel work is queued per incident behind the
 * incident's own, so it runs once the channel exists.
 */
public final class DrillRoom implements IncidentListener, ExerciseListener {

  private static final Logger log = LoggerFactory.getLogger(DrillRoom.class);

  /**
   * @param oncallChannel {@code ONCALL_CHANNEL}: where reminders go (none without it)
   * @param incidentsChannel {@code INCIDENTS_CHANNEL}: the results follow the summary there too
   */
  public record Settings(Optional<String> oncallChannel, Optional<String> incidentsChannel) {}

  private final SlackMessenger slack;
  private final SlackWork work;
  private final IncidentService incidents;
  private final ExerciseService exercises;
  private final Settings settings;

  public DrillRoom(
      SlackMessenger slack,
      SlackWork work,
      IncidentService incidents,
      ExerciseService exercises,
      Settings settings) {
    this.slack = slack;
    this.work = work;
    this.incidents = incidents;
    this.exercises = exercises;
    this.settings = settings;
  }

  @Override
  public void reminderDue(Reminder reminder) {
    if (settings.oncallChannel().isEmpty()) {
      log.warn("An exercise is due but ONCALL_CHANNEL is not set: nobody is reminded");
      return;
    }
    work.inParallel(
        "remind of the " + reminder.kind().code() + " exercise",
        () ->
            slack.post(
                settings.oncallChannel().get(),
                ExerciseViews.reminderText(reminder),
                ExerciseViews.reminderBlocks(reminder)));
  }

  @Override
  public void declared(Incident incident, Optional<String> onCall) {
    if (incident.isDrill()) {
      work.forIncident(incident.id(), "post the drill's brief", () -> postBrief(incident.id()));
    }
  }

  /**
   * Posts the brief of open drills whose set-up was cut short (a restart before it was posted),
   * behind the incident set-up that {@code IncidentRoom} resumes first.
   */
  public void resumeUnfinished() {
    for (Incident incident : incidents.open()) {
      if (incident.isDrill()) {
        work.forIncident(incident.id(), "resume the drill's brief", () -> postBrief(incident.id()));
      }
    }
  }

  /** Posts the brief and checklist once, in the channel the incident set-up made. */
  void postBrief(long incidentId) {
    Optional<Drill> drill = exercises.drill(incidentId);
    if (drill.isEmpty() || drill.get().checklistTs().isPresent()) {
      return;
    }
    Optional<String> channel = incidents.find(incidentId).flatMap(Incident::channelId);
    if (channel.isEmpty()) {
      log.warn("Drill {} has no channel yet: its brief was not posted", incidentId);
      return;
    }
    String ts =
        slack.post(
            channel.get(),
            ExerciseViews.briefText(drill.get()),
            ExerciseViews.briefBlocks(drill.get()));
    exercises.checklistPosted(incidentId, ts);
  }

  @Override
  public void stepTicked(Drill drill, ChecklistStep step) {
    work.forIncident(
        drill.incidentId(),
        "show step " + step.number() + " ticked",
        () -> {
          Drill current = exercises.drill(drill.incidentId()).orElseThrow();
          Optional<String> channel =
              incidents.find(drill.incidentId()).flatMap(Incident::channelId);
          if (channel.isPresent() && current.checklistTs().isPresent()) {
            slack.update(
                channel.get(),
                current.checklistTs().get(),
                ExerciseViews.briefText(current),
                ExerciseViews.briefBlocks(current));
          }
        });
  }

  @Override
  public void resolved(Incident incident) {
    if (!incident.isDrill()) {
      return;
    }
    work.forIncident(
        incident.id(),
        "show the drill's results",
        () ->
            exercises
                .drill(incident.id())
                .ifPresent(
                    drill -> {
                      String text = ExerciseViews.resultsText(drill);
                      incident.channelId().ifPresent(channel -> slack.post(channel, text));
                      settings.incidentsChannel().ifPresent(channel -> slack.post(channel, text));
                    }));
  }
}
