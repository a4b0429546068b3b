package dev.sevzero.slack.incident;

import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import dev.sevzero.deliveries.Delivery;
import dev.sevzero.deliveries.Outbox;
import dev.sevzero.deliveries.Outcome;
import dev.sevzero.incident.ChannelName;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.slack.delivery.Attempt;
import dev.sevzero.slack.delivery.Notices;
import dev.sevzero.slack.delivery.SlackOutbox;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery that creates an incident's channel, under the first free name, exactly once: a
 * resumed creation adopts the channel an attempt cut short had already made.
 */
final class ChannelCreation {

  /**
   * The payload of the channel's creation: the name to try first (null in deliveries stored before
   * it was part of the payload, which read it from the incident).
   */
  record NewChannel(long incident, String name) {}

  private static final Logger log = LoggerFactory.getLogger(ChannelCreation.class);
  private static final int MAX_NAME_ATTEMPTS = 20;

  private final Attempt attempt;
  private final Notices notices;
  private final IncidentService incidents;
  private final HeaderDrafts headers;
  private volatile String botUserId;

  ChannelCreation(
      Attempt attempt, Notices notices, IncidentService incidents, HeaderDrafts headers) {
    this.attempt = attempt;
    this.notices = notices;
    this.incidents = incidents;
    this.headers = headers;
  }

  /**
   * Creates the channel under the first free name. A resumed creation may have made the channel
   * already: a name taken by a channel the bot created and no incident owns is that channel, and it
   * is adopted instead of making {@code -2}.
   */
  Outcome deliver(Delivery delivery) {
    NewChannel wanted = SlackOutbox.read(delivery.payload(), NewChannel.class);
    // A first attempt cannot have made the channel yet, and its name came with it: the header that
    // follows is drafted while the channel's request is in flight. The draft is for a channel this
    // attempt creates: one made later (after a rate limit, say) gets a header rendered then.
    boolean first = delivery.attempt() == 1 && wanted.name() != null;
    if (first) {
      headers.draftWhileCreating(wanted.incident());
    }
    try {
      Outcome outcome = createOrAdopt(delivery, wanted, first);
      if (!(outcome instanceof Outcome.Delivered)) {
        headers.forget(wanted.incident());
      }
      return outcome;
    } catch (RuntimeException notCreated) {
      headers.forget(wanted.incident());
      throw notCreated;
    }
  }

  private Outcome createOrAdopt(Delivery delivery, NewChannel wanted, boolean first) {
    int firstTry = 1;
    // The first try needs no read of the incident, on the path of everything the declaration
    // waits for.
    if (first) {
      Optional<Outcome> created = create(wanted.incident(), wanted.name());
      if (created.isPresent()) {
        return created.get();
      }
      firstTry = 2;
    }
    Incident incident = incidents.find(wanted.incident()).orElseThrow();
    if (incident.channelId().isPresent()) {
      return Outcome.delivered(incident.channelId().get());
    }
    Map<String, Conversation> existing = null;
    for (int n = firstTry; n <= MAX_NAME_ATTEMPTS; n++) {
      String name = ChannelName.of(incident, n);
      Optional<Outcome> created = create(incident.id(), name);
      if (created.isPresent()) {
        return created.get();
      }
      if (delivery.resumed()) {
        existing = existing != null ? existing : channelsByName();
        Conversation taken = existing.get(name);
        if (taken != null
            && botUserId().equals(taken.getCreator())
            && incidents.findByChannel(taken.getId()).isEmpty()) {
          log.info("{}: adopted #{}, created by an attempt cut short", incident.key(), name);
          incidents.channelReady(incident.id(), taken.getId(), name);
          return Outcome.delivered(taken.getId());
        }
      }
    }
    return Outcome.failed("no free channel name after " + MAX_NAME_ATTEMPTS + " tries");
  }

  /**
   * Delivered with the new channel, stored on its incident with the outcome; empty when the name is
   * taken. A crash before that commit leaves a resumed creation, which adopts the channel.
   */
  private Optional<Outcome> create(long incidentId, String name) {
    ConversationsCreateResponse answer =
        attempt.call(
            "conversations.create", c -> c.conversationsCreate(r -> r.name(name)), "name_taken");
    if (!answer.isOk()) {
      return Optional.empty();
    }
    log.info("Created #{} for incident {}", name, incidentId);
    String channel = answer.getChannel().getId();
    headers.channelCreated(incidentId, channel);
    return Optional.of(
        Outcome.delivered(channel, () -> incidents.channelReady(incidentId, channel, name)));
  }

  private Map<String, Conversation> channelsByName() {
    Map<String, Conversation> byName = new HashMap<>();
    String cursor = null;
    do {
      String page = cursor;
      ConversationsListResponse answer =
          attempt.call(
              "conversations.list",
              c ->
                  c.conversationsList(
                      r ->
                          r.types(List.of(ConversationType.PUBLIC_CHANNEL))
                              .excludeArchived(true)
                              .limit(1000)
                              .cursor(page)));
      answer.getChannels().forEach(channel -> byName.put(channel.getName(), channel));
      cursor =
          answer.getResponseMetadata() == null
              ? null
              : answer.getResponseMetadata().getNextCursor();
    } while (cursor != null && !cursor.isEmpty());
    return byName;
  }

  private String botUserId() {
    if (botUserId == null) {
      botUserId = attempt.call("auth.test", c -> c.authTest(r -> r)).getUserId();
    }
    return botUserId;
  }

  /** Nobody gets a channel: the declarer hears how to run the incident without one. */
  void refused(Delivery delivery, String reason, Outbox outbox) {
    long id = SlackOutbox.read(delivery.payload(), NewChannel.class).incident();
    Incident incident = incidents.find(id).orElseThrow();
    notices.tell(
        outbox,
        delivery,
        "Could not create a channel for "
            + IncidentViews.headline(incident)
            + " ("
            + reason
            + "). The incident is recorded; run it from here with `/incident … "
            + incident.id()
            + "`, or create a channel by hand.",
        false,
        Optional.of(incident.declared().by()));
  }
}
