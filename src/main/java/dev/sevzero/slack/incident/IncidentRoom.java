package dev.sevzero.slack.incident;

import static dev.sevzero.slack.SlackText.channel;
import static dev.sevzero.slack.SlackText.escape;
import static dev.sevzero.slack.SlackText.user;
import static dev.sevzero.slack.SlackText.users;

import dev.sevzero.incident.ChannelName;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentEvent;
import dev.sevzero.incident.IncidentEvents;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.Role;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.incident.TimelineEntry;
import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.slack.SlackText;
import dev.sevzero.slack.delivery.SlackOutbox;
import dev.sevzero.text.Durations;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Shows every incident change in Slack: sets up the dedicated channel on declaration, keeps the
 * pinned header and the topic current, invites people as they take roles, and tells the incidents
 * channel. It hears each change inside the transaction that stores it and stores what Slack must
 * show as deliveries ({@link SlackOutbox}), which {@link RoomDeliveries} and the message handlers
 * carry out after the commit: in order in the incident's channel, everything else beside it.
 */
public final class IncidentRoom implements IncidentEvents {

  /** Where announcements go and who joins every incident. */
  public record Settings(Optional<String> incidentsChannel, List<String> responders) {}

  private final SlackOutbox slack;
  private final IncidentService incidents;
  private final Settings settings;
  private final LongFunction<UpdateCompliance> compliance;

  public IncidentRoom(
      SlackOutbox slack,
      IncidentService incidents,
      Settings settings,
      LongFunction<UpdateCompliance> compliance) {
    this.slack = slack;
    this.incidents = incidents;
    this.settings = settings;
    this.compliance = compliance;
  }

  @Override
  public void on(IncidentEvent event) {
    if (event instanceof IncidentEvent.Declared declared) {
      declared(declared.incident(), declared.paged());
    } else if (event instanceof IncidentEvent.RolesAssigned assigned) {
      rolesAssigned(assigned.incident(), assigned.role(), assigned.joined());
    } else if (event instanceof IncidentEvent.EntryRecorded recorded) {
      entryRecorded(recorded.incident(), recorded.entry());
    } else if (event instanceof IncidentEvent.SeverityChanged changed) {
      Incident incident = changed.incident();
      refresh(incident, true);
      post(
          incident,
          "Severity changed "
              + changed.previous().label()
              + " → *"
              + incident.severity().label()
              + "*.",
          incident.declared().by());
    } else if (event instanceof IncidentEvent.UpdatePosted posted) {
      updatePosted(posted.incident(), posted.update());
    } else if (event instanceof IncidentEvent.Resolved resolved) {
      resolved(resolved.incident());
    } else if (event instanceof IncidentEvent.Reopened reopened) {
      refresh(reopened.incident(), true);
      Incident incident = reopened.incident();
      post(incident, "🔁 " + incident.key() + " was reopened.", incident.declared().by());
    }
  }

  /**
   * The channel, then the header posted and pinned (one delivery), then the topic: that chain is
   * what everyone waits for, and runs back to back. Invites, the announcement and the page wait
   * only for the channel and go out beside the header.
   */
  private void declared(Incident incident, Optional<String> onCall) {
    long id = incident.id();
    RoomDeliveries.About about = new RoomDeliveries.About(id, null);
    long channel =
        slack.inIncidentSequence(
            RoomDeliveries.CREATE_CHANNEL,
            id,
            new ChannelCreation.NewChannel(id, ChannelName.of(incident, 1)));
    SlackOutbox.Batch room =
        slack
            .batch()
            .inIncidentSequence(RoomDeliveries.POST_HEADER, id, about)
            .inIncidentSequence(RoomDeliveries.SET_TOPIC, id, about);
    Set<String> people = new LinkedHashSet<>();
    // An alert source declares too, and is nobody to invite.
    if (SlackText.isUserId(incident.declared().by())) {
      people.add(incident.declared().by());
    }
    onCall.ifPresent(people::add);
    people.addAll(settings.responders());
    for (String person : people) {
      room.invite(id, channel, person, incident.declared().by());
    }
    if (settings.incidentsChannel().isPresent()) {
      room.onceChannelExists(RoomDeliveries.ANNOUNCE, id, channel, about);
    }
    onCall.ifPresent(
        pagee ->
            room.onceChannelExists(
                RoomDeliveries.PAGE, id, channel, new RoomDeliveries.About(id, pagee)));
    room.store();
  }

  private void rolesAssigned(Incident incident, Role role, List<String> joined) {
    refresh(incident, role != Role.ENGINEER);
    for (String person : joined) {
      slack.invite(incident.id(), person, person);
    }
    String verb = joined.size() == 1 ? " is now " : " are now ";
    post(
        incident,
        users(joined)
            + verb
            + role.title()
            + (role == Role.ENGINEER && joined.size() > 1 ? "s" : "")
            + ".",
        joined.get(0));
  }

  private void entryRecorded(Incident incident, TimelineEntry entry) {
    refresh(incident, false);
    switch (entry.kind()) {
      case ACKNOWLEDGED ->
          post(
              incident,
              "✅ "
                  + user(entry.actor())
                  + " acknowledged "
                  + incident.key()
                  + " after "
                  + Durations.format(Duration.between(incident.startedAt(), entry.at()))
                  + ".",
              entry.actor());
      case NOTE ->
          post(
              incident,
              "📝 Note from " + user(entry.actor()) + ": " + escape(entry.text()),
              entry.actor());
      default -> {}
    }
  }

  private void updatePosted(Incident incident, StatusUpdate update) {
    refresh(incident, false);
    String text =
        "📣 Update #"
            + update.number()
            + " on "
            + incident.key()
            + " ("
            + incident.severity().label()
            + ") — *"
            + update.status().label()
            + "* — "
            + escape(update.text())
            + " — by "
            + user(update.postedBy());
    post(incident, text, update.postedBy());
    settings
        .incidentsChannel()
        .ifPresent(
            announcements ->
                slack.post(
                    announcements,
                    text + incident.channelId().map(c -> " · " + channel(c)).orElse(""),
                    null,
                    Optional.of(incident.id()),
                    "Could not publish update #"
                        + update.number()
                        + " in "
                        + channel(announcements)
                        + ": tell stakeholders by hand."));
  }

  private void resolved(Incident incident) {
    refresh(incident, true);
    List<StatusUpdate> updates = incidents.updates(incident.id());
    UpdateCompliance updateCompliance = compliance.apply(incident.id());
    var summary = IncidentViews.resolutionSummary(incident, updates, updateCompliance);
    String text = IncidentViews.headline(incident) + " resolved";
    settings
        .incidentsChannel()
        .ifPresent(
            announcements ->
                slack.post(
                    announcements,
                    text,
                    summary,
                    Optional.of(incident.id()),
                    "Could not announce the resolution in " + channel(announcements) + "."));
    slack.postInIncident(
        incident.id(), text, summary, null, incident.resolution().orElseThrow().by());
  }

  /** The header (and the topic, when what it shows changed), re-rendered when delivered. */
  private void refresh(Incident incident, boolean topic) {
    RoomDeliveries.About about = new RoomDeliveries.About(incident.id(), null);
    slack.inIncidentSequence(RoomDeliveries.UPDATE_HEADER, incident.id(), about);
    if (topic) {
      slack.inIncidentSequence(RoomDeliveries.SET_TOPIC, incident.id(), about);
    }
  }

  /** Posts in the incident's channel; if Slack refuses it for good, {@code actor} hears why. */
  private void post(Incident incident, String text, String actor) {
    slack.postInIncident(
        incident.id(),
        text,
        null,
        "Could not post this in the channel of " + incident.key() + ": " + text,
        actor);
  }
}
