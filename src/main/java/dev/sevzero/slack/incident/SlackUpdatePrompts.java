package dev.sevzero.slack.incident;

import static dev.sevzero.slack.SlackText.date;
import static dev.sevzero.slack.SlackText.user;

import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.slack.SlackBlocks;
import dev.sevzero.slack.delivery.SlackOutbox;
import dev.sevzero.text.Durations;
import dev.sevzero.updates.UpdatePrompts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The update prompt and the missed-update escalation, in the incident channel and by DM, stored as
 * deliveries in the transaction that claims them.
 */
public final class SlackUpdatePrompts implements UpdatePrompts {

  private final SlackOutbox slack;
  private final IncidentService incidents;
  private final Clock clock;

  public SlackUpdatePrompts(SlackOutbox slack, IncidentService incidents, Clock clock) {
    this.slack = slack;
    this.incidents = incidents;
    this.clock = clock;
  }

  @Override
  public void prompt(Incident incident, Instant dueAt) {
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
    slack.postInIncident(
        incident.id(),
        text,
        blocks,
        "Could not post the update prompt in the channel of " + incident.key(),
        asked.orElse(null));
    asked.ifPresent(
        person ->
            slack.directMessage(
                person,
                text,
                blocks,
                Optional.of(incident.id()),
                "Could not send " + user(person) + " the update prompt by DM"));
  }

  @Override
  public void missed(Incident incident, Instant dueAt) {
    List<String> people =
        Stream.of(incident.commander(), incident.scribe())
            .flatMap(Optional::stream)
            .distinct()
            .toList();
    String mentions =
        people.isEmpty()
            ? "<!here>"
            : people.stream().map(u -> user(u)).collect(Collectors.joining(" "));
    String text =
        "⚠️ The update on *"
            + IncidentViews.headline(incident)
            + "* due "
            + date(dueAt)
            + " was missed. "
            + mentions
            + ", "
            + stakeholdersLastHeard(incident)
            + ": please post an update.";
    slack.postInIncident(
        incident.id(),
        text,
        withUpdateButton(text, incident),
        "Could not post the missed-update escalation in the channel of " + incident.key(),
        people.isEmpty() ? incident.declared().by() : people.get(0));
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

  private String stakeholdersLastHeard(Incident incident) {
    List<StatusUpdate> updates = incidents.updates(incident.id());
    Instant now = clock.instant();
    if (updates.isEmpty()) {
      return "stakeholders have had no update since it was declared "
          + Durations.format(incident.age(now))
          + " ago";
    }
    Instant last = updates.get(updates.size() - 1).postedAt();
    return "stakeholders last heard " + Durations.format(Duration.between(last, now)) + " ago";
  }

  private static List<LayoutBlock> withUpdateButton(String text, Incident incident) {
    return SlackBlocks.textWithButton(
        text, IncidentActionIds.POST_UPDATE, "Post update", Long.toString(incident.id()));
  }
}
