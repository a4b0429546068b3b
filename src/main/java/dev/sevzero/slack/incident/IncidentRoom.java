package dev.sevzero.slack.incident;

import static dev.sevzero.slack.SlackText.channel;
import static dev.sevzero.slack.SlackText.escape;
import static dev.sevzero.slack.SlackText.user;
import static dev.sevzero.slack.SlackText.users;

import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import dev.sevzero.incident.ChannelName;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentListener;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.Role;
import dev.sevzero.incident.Severity;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.incident.TimelineEntry;
import dev.sevzero.slack.SlackMessenger;
import dev.sevzero.slack.SlackText;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.slack.transport.SlackGateway;
import dev.sevzero.text.Durations;
import dev.sevzero.updates.UpdateCompliance;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows every incident change in Slack: sets up the dedicated channel on declaration, keeps the
 * pinned header and the topic current, invites people as they take roles, and tells the incidents
 * channel. All of it runs after the command was acknowledged, in order per incident.
 */
public final class IncidentRoom implements IncidentListener {

  private static final Logger log = LoggerFactory.getLogger(IncidentRoom.class);
  private static final int MAX_NAME_ATTEMPTS = 20;

  /** Where announcements go and who joins every incident. */
  public record Settings(Optional<String> incidentsChannel, List<String> responders) {}

  private final SlackMessenger slack;
  private final IncidentService incidents;
  private final SlackWork work;
  private final Settings settings;
  private final LongFunction<UpdateCompliance> compliance;

  public IncidentRoom(
      SlackMessenger slack,
      IncidentService incidents,
      SlackWork work,
      Settings settings,
      LongFunction<UpdateCompliance> compliance) {
    this.slack = slack;
    this.incidents = incidents;
    this.work = work;
    this.settings = settings;
    this.compliance = compliance;
  }

  @Override
  public void declared(Incident incident, Optional<String> onCall) {
    work.forIncident(incident.id(), "set up channel", () -> setUp(incident.id(), onCall));
  }

  /**
   * Creates the channel, then posts and pins the header: that chain is what everyone waits for, so
   * it runs first and alone. Invites, the announcement and the page go out right after it, in
   * parallel. Safe to run again for an incident whose set-up was cut short (restart, Slack outage).
   */
  void setUp(long id, Optional<String> onCall) {
    Incident incident = incidents.find(id).orElseThrow();
    boolean newChannel = incident.channelId().isEmpty();
    if (newChannel) {
      createChannel(incident);
      incident = incidents.find(id).orElseThrow();
    }
    String channelId = incident.channelId().orElseThrow();
    boolean newHeader = incident.headerTs().isEmpty();
    if (newHeader) {
      String ts =
          slack.post(
              channelId, IncidentViews.headerText(incident), IncidentViews.headerBlocks(incident));
      incidents.headerPosted(id, ts);
      slack.pin(channelId, ts);
    }
    if (newChannel) {
      tellPeople(incident, onCall);
    }
    if (newHeader) {
      slack.setTopic(channelId, IncidentViews.topic(incident));
    }
  }

  /** Invites the responders, announces the incident and pages the person on call, in parallel. */
  private void tellPeople(Incident incident, Optional<String> onCall) {
    String channelId = incident.channelId().orElseThrow();
    work.inParallel(
        "invite responders to " + incident.key(), () -> inviteResponders(incident, onCall));
    settings
        .incidentsChannel()
        .ifPresent(
            announcements ->
                work.inParallel(
                    "announce " + incident.key(),
                    () ->
                        slack.post(
                            announcements,
                            IncidentViews.headline(incident) + " declared: " + channel(channelId),
                            IncidentViews.announcement(incident))));
    onCall.ifPresent(
        pagee ->
            work.inParallel(
                "page " + incident.key(),
                () ->
                    slack.directMessage(
                        pagee,
                        "You're on call: " + IncidentViews.headline(incident),
                        IncidentViews.page(incident))));
  }

  private void createChannel(Incident incident) {
    for (int attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
      String name = ChannelName.of(incident, attempt);
      ConversationsCreateResponse response =
          slack
              .gateway()
              .call("conversations.create", c -> c.conversationsCreate(r -> r.name(name)));
      if (!"name_taken".equals(response.getError())) {
        SlackGateway.requireOk("conversations.create", response);
        incidents.channelReady(incident.id(), response.getChannel().getId(), name);
        return;
      }
      log.info("Channel name {} is taken; trying the next one", name);
    }
    throw new IllegalStateException(
        "no free channel name for " + incident.key() + " after " + MAX_NAME_ATTEMPTS + " tries");
  }

  private void inviteResponders(Incident incident, Optional<String> onCall) {
    Set<String> people = new LinkedHashSet<>();
    // An alert source declares too, and is nobody to invite.
    if (SlackText.isUserId(incident.declared().by())) {
      people.add(incident.declared().by());
    }
    onCall.ifPresent(people::add);
    people.addAll(settings.responders());
    String channelId = incident.channelId().orElseThrow();
    for (String person : people) {
      slack.invite(channelId, person);
    }
  }

  @Override
  public void rolesChanged(Incident incident, Role role, List<String> joined) {
    work.forIncident(
        incident.id(),
        "show new " + role.title(),
        () -> {
          Incident current = refreshHeader(incident.id());
          String channelId = current.channelId().orElseThrow();
          for (String person : joined) {
            slack.invite(channelId, person);
          }
          if (role != Role.ENGINEER) {
            slack.setTopic(channelId, IncidentViews.topic(current));
          }
          String verb = joined.size() == 1 ? " is now " : " are now ";
          slack.post(
              channelId,
              users(joined)
                  + verb
                  + role.title()
                  + (role == Role.ENGINEER && joined.size() > 1 ? "s" : "")
                  + ".");
        });
  }

  @Override
  public void changed(Incident incident, TimelineEntry entry) {
    work.forIncident(
        incident.id(),
        "show " + entry.kind().code(),
        () -> {
          Incident current = refreshHeader(incident.id());
          String channelId = current.channelId().orElseThrow();
          switch (entry.kind()) {
            case ACKNOWLEDGED ->
                slack.post(
                    channelId,
                    "✅ "
                        + user(entry.actor())
                        + " acknowledged "
                        + current.key()
                        + " after "
                        + Durations.format(
                            java.time.Duration.between(current.startedAt(), entry.at()))
                        + ".");
            case NOTE ->
                slack.post(
                    channelId, "📝 Note from " + user(entry.actor()) + ": " + escape(entry.text()));
            default -> {}
          }
        });
  }

  @Override
  public void severityChanged(Incident incident, Severity previous) {
    work.forIncident(
        incident.id(),
        "show severity",
        () -> {
          Incident current = refreshHeader(incident.id());
          String channelId = current.channelId().orElseThrow();
          slack.setTopic(channelId, IncidentViews.topic(current));
          slack.post(
              channelId,
              "Severity changed " + previous.label() + " → *" + current.severity().label() + "*.");
        });
  }

  @Override
  public void updatePosted(Incident incident, StatusUpdate update) {
    work.forIncident(
        incident.id(),
        "publish update #" + update.number(),
        () -> {
          Incident current = refreshHeader(incident.id());
          String text =
              "📣 Update #"
                  + update.number()
                  + " on "
                  + current.key()
                  + " ("
                  + current.severity().label()
                  + ") — *"
                  + update.status().label()
                  + "* — "
                  + escape(update.text())
                  + " — by "
                  + user(update.postedBy());
          current.channelId().ifPresent(channelId -> slack.post(channelId, text));
          settings
              .incidentsChannel()
              .ifPresent(
                  announcements ->
                      slack.post(
                          announcements,
                          text + current.channelId().map(c -> " · " + channel(c)).orElse("")));
        });
  }

  @Override
  public void resolved(Incident incident) {
    work.forIncident(
        incident.id(),
        "show resolution",
        () -> {
          Incident current = refreshHeader(incident.id());
          List<StatusUpdate> updates = incidents.updates(current.id());
          UpdateCompliance updateCompliance = compliance.apply(current.id());
          var summary = IncidentViews.resolutionSummary(current, updates, updateCompliance);
          String text = IncidentViews.headline(current) + " resolved";
          settings
              .incidentsChannel()
              .ifPresent(announcements -> slack.post(announcements, text, summary));
          current
              .channelId()
              .ifPresent(
                  channelId -> {
                    slack.setTopic(channelId, IncidentViews.topic(current));
                    slack.post(channelId, text, summary);
                  });
        });
  }

  @Override
  public void reopened(Incident incident) {
    work.forIncident(
        incident.id(),
        "show reopening",
        () -> {
          Incident current = refreshHeader(incident.id());
          current
              .channelId()
              .ifPresent(
                  channelId -> {
                    slack.setTopic(channelId, IncidentViews.topic(current));
                    slack.post(channelId, "🔁 " + current.key() + " was reopened.");
                  });
        });
  }

  /**
   * Re-renders the pinned header from the stored incident, so that whatever order changes arrive
   * in, the header ends up showing the latest state.
   */
  private Incident refreshHeader(long id) {
    Incident current = incidents.find(id).orElseThrow();
    if (current.channelId().isPresent() && current.headerTs().isPresent()) {
      slack.update(
          current.channelId().get(),
          current.headerTs().get(),
          IncidentViews.headerText(current),
          IncidentViews.headerBlocks(current));
    }
    return current;
  }

  /** Finishes the set-up of open incidents whose channel or header was never made. */
  public void resumeUnfinished() {
    List<Incident> unfinished = new ArrayList<>();
    for (Incident incident : incidents.open()) {
      if (incident.channelId().isEmpty() || incident.headerTs().isEmpty()) {
        unfinished.add(incident);
      }
    }
    for (Incident incident : unfinished) {
      log.info("Finishing the Slack set-up of {}", incident.key());
      work.forIncident(
          incident.id(), "resume set-up", () -> setUp(incident.id(), Optional.empty()));
    }
  }
}
