package dev.sevzero.slack.incident;

import static dev.sevzero.slack.SlackText.channel;

import com.slack.api.methods.response.conversations.ConversationsCreateResponse;
import com.slack.api.methods.response.conversations.ConversationsListResponse;
import com.slack.api.model.Conversation;
import com.slack.api.model.ConversationType;
import dev.sevzero.deliveries.Delivery;
import dev.sevzero.deliveries.DeliveryHandler;
import dev.sevzero.deliveries.Outbox;
import dev.sevzero.deliveries.Outcome;
import dev.sevzero.incident.ChannelName;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.slack.delivery.Attempt;
import dev.sevzero.slack.delivery.MessageDeliveries;
import dev.sevzero.slack.delivery.Notices;
import dev.sevzero.slack.delivery.Poster;
import dev.sevzero.slack.delivery.SlackOutbox;
import dev.sevzero.slack.transport.SlackGateway;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deliveries that build and keep an incident's room: its channel, the pinned header and the
 * topic (rendered from the stored incident when delivered, so they always show the latest state),
 * the announcement and the page.
 */
public final class RoomDeliveries {

  static final String CREATE_CHANNEL = SlackOutbox.CREATE_CHANNEL;
  static final String POST_HEADER = "slack.header";

  /**
   * The header's pin on its own, as versions before the header and its pin became one delivery
   * stored it: such a delivery may still wait in the outbox after an upgrade.
   */
  static final String PIN_HEADER = "slack.pin";

  static final String SET_TOPIC = "slack.topic";
  static final String UPDATE_HEADER = "slack.header.update";
  static final String ANNOUNCE = "slack.announce";
  static final String PAGE = "slack.page";

  private static final Logger log = LoggerFactory.getLogger(RoomDeliveries.class);
  private static final int MAX_NAME_ATTEMPTS = 20;
  private static final String NO_CHANNEL = "the incident has no channel";

  /** The payload of every room delivery but the channel's creation. */
  record About(long incident, String user) {}

  /**
   * The payload of the channel's creation: the name to try first (null in deliveries stored before
   * it was part of the payload, which read it from the incident).
   */
  record NewChannel(long incident, String name) {}

  private final Attempt attempt;
  private final Poster poster;
  private final Notices notices;
  private final IncidentService incidents;
  private final Optional<String> incidentsChannel;
  private volatile String botUserId;

  public RoomDeliveries(
      SlackGateway slack,
      MessageDeliveries messages,
      IncidentService incidents,
      Optional<String> incidentsChannel) {
    this.attempt = new Attempt(slack);
    this.poster = messages.poster();
    this.notices = messages.notices();
    this.incidents = incidents;
    this.incidentsChannel = incidentsChannel;
  }

  public Map<String, DeliveryHandler> handlers() {
    Map<String, DeliveryHandler> handlers = new HashMap<>();
    handlers.put(CREATE_CHANNEL, MessageDeliveries.handler(this::createChannel, this::noChannel));
    handlers.put(POST_HEADER, MessageDeliveries.handler(this::postAndPinHeader, this::roomRefused));
    // Its header was posted by the delivery before it: the post is skipped and the pin made.
    handlers.put(PIN_HEADER, MessageDeliveries.handler(this::postAndPinHeader, this::roomRefused));
    handlers.put(SET_TOPIC, MessageDeliveries.handler(this::setTopic, this::roomRefused));
    handlers.put(UPDATE_HEADER, MessageDeliveries.handler(this::updateHeader, this::roomRefused));
    handlers.put(ANNOUNCE, MessageDeliveries.handler(this::announce, this::notAnnounced));
    handlers.put(PAGE, MessageDeliveries.handler(this::page, this::notPaged));
    return handlers;
  }

  /** The incident every room delivery's payload names ({@link About}, {@link NewChannel}). */
  private Incident incident(Delivery delivery) {
    long id = SlackOutbox.read(delivery.payload(), About.class).incident();
    return incidents.find(id).orElseThrow();
  }

  /**
   * Creates the channel under the first free name. A resumed creation may have made the channel
   * already: a name taken by a channel the bot created and no incident owns is that channel, and it
   * is adopted instead of making {@code -2}.
   */
  private Outcome createChannel(Delivery delivery) {
    NewChannel wanted = SlackOutbox.read(delivery.payload(), NewChannel.class);
    int firstTry = 1;
    // A first attempt cannot have made the channel yet, and its name came with it: the channel is
    // requested without reading the incident, on the path of everything the declaration waits for.
    if (delivery.attempt() == 1 && wanted.name() != null) {
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

  private void noChannel(Delivery delivery, String reason, Outbox outbox) {
    Incident incident = incident(delivery);
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

  /**
   * Posts the header, unless an earlier attempt already stored it, and pins it. One delivery rather
   * than two: everyone waits for the pinned header, and the pin follows the post's answer at once,
   * with no commit and no hand-off in between; the header's {@code ts} is stored with the outcome.
   * Both steps are safe to repeat: a resumed post is looked for before it is made again, and a
   * second pin is {@code already_pinned}.
   */
  private Outcome postAndPinHeader(Delivery delivery) {
    Incident incident = incident(delivery);
    if (incident.channelId().isEmpty()) {
      return Outcome.failed(NO_CHANNEL);
    }
    String channel = incident.channelId().get();
    Optional<String> stored = incident.headerTs();
    if (stored.isPresent()) {
      pin(channel, stored.get());
      return Outcome.delivered(stored.get());
    }
    String ts =
        poster.post(
            delivery,
            channel,
            IncidentViews.headerText(incident),
            SlackOutbox.blocks(IncidentViews.headerBlocks(incident)));
    try {
      pin(channel, ts);
    } catch (RuntimeException notPinned) {
      // The header is posted whatever becomes of its pin: stored now, it is never posted again,
      // and the incident's changes edit it.
      incidents.headerPosted(incident.id(), ts);
      throw notPinned;
    }
    return Outcome.delivered(ts, () -> incidents.headerPosted(incident.id(), ts));
  }

  private void pin(String channel, String ts) {
    attempt.call(
        "pins.add", c -> c.pinsAdd(r -> r.channel(channel).timestamp(ts)), "already_pinned");
  }

  private Outcome setTopic(Delivery delivery) {
    Incident incident = incident(delivery);
    if (incident.channelId().isEmpty()) {
      return Outcome.failed(NO_CHANNEL);
    }
    attempt.call(
        "conversations.setTopic",
        c ->
            c.conversationsSetTopic(
                r -> r.channel(incident.channelId().get()).topic(IncidentViews.topic(incident))));
    return Outcome.delivered();
  }

  /** Re-renders the header from the stored incident: whatever the order, it ends up current. */
  private Outcome updateHeader(Delivery delivery) {
    Incident incident = incident(delivery);
    if (incident.channelId().isEmpty() || incident.headerTs().isEmpty()) {
      // Not posted yet (or never: told already); the header post renders the latest state.
      return Outcome.delivered();
    }
    attempt.call(
        "chat.update",
        c ->
            c.chatUpdate(
                r ->
                    r.channel(incident.channelId().get())
                        .ts(incident.headerTs().get())
                        .text(IncidentViews.headerText(incident))
                        .blocksAsString(SlackOutbox.blocks(IncidentViews.headerBlocks(incident)))));
    return Outcome.delivered();
  }

  private void roomRefused(Delivery delivery, String reason, Outbox outbox) {
    if (NO_CHANNEL.equals(reason)) {
      return; // the channel's own failure was told
    }
    Incident incident = incident(delivery);
    notices.tell(
        outbox,
        delivery,
        "Slack refused to update the channel of "
            + IncidentViews.headline(incident)
            + " ("
            + reason
            + ").",
        !"is_archived".equals(reason) && !"channel_not_found".equals(reason),
        Optional.of(incident.declared().by()));
  }

  private Outcome announce(Delivery delivery) {
    Incident incident = incident(delivery);
    String where = incident.channelId().map(c -> ": " + channel(c)).orElse("");
    String ts =
        poster.post(
            delivery,
            incidentsChannel.orElseThrow(),
            IncidentViews.headline(incident) + " declared" + where,
            SlackOutbox.blocks(IncidentViews.announcement(incident)));
    return Outcome.delivered(ts);
  }

  private void notAnnounced(Delivery delivery, String reason, Outbox outbox) {
    notices.tell(
        outbox,
        delivery,
        "Could not announce this incident in "
            + incidentsChannel.map(c -> channel(c)).orElse("the incidents channel")
            + " ("
            + reason
            + "): tell stakeholders by hand.",
        true,
        Optional.of(incident(delivery).declared().by()));
  }

  private Outcome page(Delivery delivery) {
    Incident incident = incident(delivery);
    String pagee = SlackOutbox.read(delivery.payload(), About.class).user();
    String dm = poster.directMessageChannel(pagee);
    String ts =
        poster.post(
            delivery,
            dm,
            "You're on call: " + IncidentViews.headline(incident),
            SlackOutbox.blocks(IncidentViews.page(incident)));
    return Outcome.delivered(ts);
  }

  private void notPaged(Delivery delivery, String reason, Outbox outbox) {
    String pagee = SlackOutbox.read(delivery.payload(), About.class).user();
    notices.tell(
        outbox,
        delivery,
        "Could not page <@" + pagee + "> (" + reason + "): page them by hand.",
        true,
        Optional.of(incident(delivery).declared().by()));
  }
}
