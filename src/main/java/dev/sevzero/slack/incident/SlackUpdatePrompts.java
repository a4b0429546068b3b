package dev.sevzero.slack.incident;

import static dev.sevzero.slack.SlackText.date;
import static dev.sevzero.slack.SlackText.user;

import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.slack.SlackBlocks;
import dev.sevzero.slack.SlackMessenger;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.text.Durations;
import dev.sevzero.updates.UpdatePrompts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The update prompt and the missed-update escalation, in the incident channel and by DM. */
public final class SlackUpdatePrompts implements UpdatePrompts {

  private final SlackMessenger slack;
  private final IncidentService incidents;
  private final SlackWork work;
  private final Clock clock;

  public SlackUpdatePrompts(
      SlackMessenger slack, IncidentService incidents, SlackWork work, Clock clock) {
    this.slack = slack;
    this.incidents = incidents;
    this.work = work;
    this.clock = clock;
  }

  @Override
  public CompletionStage<Void> prompt(Incident incident, Instant dueAt) {
    return work.forIncident(
        incident.id(),
        "prompt for an update",
        () -> {
          Optional<String> asked = incident.scribe().or(incident::commander);
          String who = asked.map(u -> user(u)).orElse("<!here>");
          String text =
              "⏰ "
                  + who
                  + ": time for a stakeholder update on *"
                  + IncidentViews.headline(incident)
                  + "* — "
                  + sinceLastUpdate(incident)
                  + ".";
          List<LayoutBlock> blocks = withUpdateButton(text, incident);
          String channelId = incident.channelId().orElseThrow();
          slack.post(channelId, text, blocks);
          asked.ifPresent(person -> slack.directMessage(person, text, blocks));
        });
  }

  @Override
  public CompletionStage<Void> missed(Incident incident, Instant dueAt) {
    return work.forIncident(
        incident.id(),
        "escalate a missed update",
        () -> {
          String people =
              Stream.of(incident.commander(), incident.scribe())
                  .flatMap(Optional::stream)
                  .distinct()
                  .map(u -> user(u))
                  .collect(Collectors.joining(" "));
          String text =
              "⚠️ The update on *"
                  + IncidentViews.headline(incident)
                  + "* due "
                  + date(dueAt)
                  + " was missed. "
                  + (people.isEmpty() ? "<!here>" : people)
                  + ": stakeholders have heard nothing since "
                  + lastHeard(incident)
                  + ". Please post an update.";
          slack.post(incident.channelId().orElseThrow(), text, withUpdateButton(text, incident));
        });
  }

  private String sinceLastUpdate(Incident incident) {
    List<StatusUpdate> updates = incidents.updates(incident.id());
    Instant now = clock.instant();
    if (updates.isEmpty()) {
      return "no update yet, declared " + Durations.format(incident.age(now)) + " ago";
    }
    Instant last = updates.get(updates.size() - 1).postedAt();
    return "last update " + Durations.format(Duration.between(last, now)) + " ago";
  }

  /** "the declaration, 35m 00s ago" or "update #2, 35m 00s ago". */
  private String lastHeard(Incident incident) {
    List<StatusUpdate> updates = incidents.updates(incident.id());
    Instant now = clock.instant();
    if (updates.isEmpty()) {
      return "the declaration, " + Durations.format(incident.age(now)) + " ago";
    }
    StatusUpdate last = updates.get(updates.size() - 1);
    return "update #"
        + last.number()
        + ", "
        + Durations.format(Duration.between(last.postedAt(), now))
        + " ago";
  }

  private static List<LayoutBlock> withUpdateButton(String text, Incident incident) {
    return SlackBlocks.textWithButton(
        text, IncidentActionIds.POST_UPDATE, "Post update", Long.toString(incident.id()));
  }
}
