package dev.sevzero.slack.exercises;

import dev.sevzero.deliveries.Delivery;
import dev.sevzero.deliveries.DeliveryHandler;
import dev.sevzero.deliveries.Outcome;
import dev.sevzero.exercises.ChecklistStep;
import dev.sevzero.exercises.Drill;
import dev.sevzero.exercises.ExerciseListener;
import dev.sevzero.exercises.ExerciseService;
import dev.sevzero.exercises.Reminder;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentEvent;
import dev.sevzero.incident.IncidentEvents;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.slack.delivery.Attempt;
import dev.sevzero.slack.delivery.MessageDeliveries;
import dev.sevzero.slack.delivery.Poster;
import dev.sevzero.slack.delivery.SlackOutbox;
import dev.sevzero.slack.transport.SlackGateway;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows exercises in Slack, as deliveries stored in the transaction of what they show: the
 * reminders in {@code ONCALL_CHANNEL}; in a drill's channel, after the incident's own set-up, the
 * brief and the checklist (edited as steps are ticked); and the drill's results after its
 * resolution summary.
 */
public final class DrillRoom implements IncidentEvents, ExerciseListener {

  /** Posts a drill's brief and checklist, or edits it to show the latest ticks. */
  static final String CHECKLIST = "exercise.checklist";

  /** The channel's own failure is told already: nothing more to say about what goes in it. */
  private static final String NO_CHANNEL = "the incident has no channel";

  private static final Logger log = LoggerFactory.getLogger(DrillRoom.class);

  /**
   * @param oncallChannel {@code ONCALL_CHANNEL}: where reminders go (none without it)
   * @param incidentsChannel {@code INCIDENTS_CHANNEL}: the results follow the summary there too
   */
  public record Settings(Optional<String> oncallChannel, Optional<String> incidentsChannel) {}

  /** The payload of a checklist delivery. */
  record About(long incident) {}

  private final SlackOutbox outbox;
  private final IncidentService incidents;
  private final ExerciseService exercises;
  private final Settings settings;

  public DrillRoom(
      SlackOutbox outbox, IncidentService incidents, ExerciseService exercises, Settings settings) {
    this.outbox = outbox;
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
    outbox.post(
        settings.oncallChannel().get(),
        ExerciseViews.reminderText(reminder),
        ExerciseViews.reminderBlocks(reminder),
        Optional.empty(),
        null);
  }

  @Override
  public void stepTicked(Drill drill, ChecklistStep step) {
    outbox.inIncidentSequence(CHECKLIST, drill.incidentId(), new About(drill.incidentId()));
  }

  @Override
  public void on(IncidentEvent event) {
    if (!event.incident().isDrill()) {
      return;
    }
    long id = event.incident().id();
    if (event instanceof IncidentEvent.Declared) {
      outbox.inIncidentSequence(CHECKLIST, id, new About(id));
    } else if (event instanceof IncidentEvent.Resolved) {
      exercises.drill(id).ifPresent(this::showResults);
    }
  }

  /** After the resolution summary, where it is shown. */
  private void showResults(Drill drill) {
    String text = ExerciseViews.resultsText(drill);
    outbox.postInIncident(drill.incidentId(), text, null, null, null);
    settings
        .incidentsChannel()
        .ifPresent(
            channel -> outbox.post(channel, text, null, Optional.of(drill.incidentId()), null));
  }

  /** The handler of {@link #CHECKLIST} deliveries. */
  public Map<String, DeliveryHandler> handlers(SlackGateway slack, MessageDeliveries messages) {
    Attempt attempt = new Attempt(slack);
    Poster poster = messages.poster();
    return Map.of(
        CHECKLIST,
        MessageDeliveries.handler(
            delivery -> showChecklist(delivery, attempt, poster),
            (delivery, reason, outbox) -> {
              if (!NO_CHANNEL.equals(reason)) {
                messages
                    .notices()
                    .tell(
                        outbox,
                        delivery,
                        "Slack refused the drill's checklist (" + reason + ").",
                        true,
                        Optional.empty());
              }
            }));
  }

  /**
   * Renders the checklist from the stored drill when delivered, so that whatever order ticks arrive
   * in it ends up current: the first delivery posts it, later ones edit it.
   */
  private Outcome showChecklist(Delivery delivery, Attempt attempt, Poster poster) {
    long id = SlackOutbox.read(delivery.payload(), About.class).incident();
    Optional<Drill> drill = exercises.drill(id);
    Optional<String> channel = incidents.find(id).flatMap(Incident::channelId);
    if (drill.isEmpty()) {
      return Outcome.delivered();
    }
    if (channel.isEmpty()) {
      return Outcome.failed(NO_CHANNEL);
    }
    String text = ExerciseViews.briefText(drill.get());
    String blocks = SlackOutbox.blocks(ExerciseViews.briefBlocks(drill.get()));
    if (drill.get().checklistTs().isEmpty()) {
      String ts = poster.post(delivery, channel.get(), text, blocks);
      exercises.checklistPosted(id, ts);
      return Outcome.delivered(ts);
    }
    String ts = drill.get().checklistTs().get();
    attempt.call(
        "chat.update",
        c -> c.chatUpdate(r -> r.channel(channel.get()).ts(ts).text(text).blocksAsString(blocks)));
    return Outcome.delivered(ts);
  }
}
