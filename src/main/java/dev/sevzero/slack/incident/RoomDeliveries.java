package dev.sevzero.slack.incident;

import static dev.sevzero.slack.SlackText.channel;

import dev.sevzero.deliveries.Delivery;
import dev.sevzero.deliveries.DeliveryHandler;
import dev.sevzero.deliveries.Outbox;
import dev.sevzero.deliveries.Outcome;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.slack.delivery.Attempt;
import dev.sevzero.slack.delivery.MessageDeliveries;
import dev.sevzero.slack.delivery.Notices;
import dev.sevzero.slack.delivery.Poster;
import dev.sevzero.slack.delivery.SlackOutbox;
import dev.sevzero.slack.transport.SlackGateway;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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

  private static final String NO_CHANNEL = "the incident has no channel";

  /** The payload of every room delivery but the channel's creation. */
  record About(long incident, String user) {}

  private final Attempt attempt;
  private final Poster poster;
  private final Notices notices;
  private final IncidentService incidents;
  private final Optional<String> incidentsChannel;
  private final HeaderDrafts headers;
  private final ChannelCreation channels;

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
    this.headers = new HeaderDrafts(incidents::find);
    this.channels = new ChannelCreation(attempt, notices, incidents, headers);
  }

  public Map<String, DeliveryHandler> handlers() {
    Map<String, DeliveryHandler> handlers = new HashMap<>();
    handlers.put(CREATE_CHANNEL, MessageDeliveries.handler(channels::deliver, channels::refused));
    handlers.put(POST_HEADER, MessageDeliveries.handler(this::postAndPinHeader, this::roomRefused));
    // Its header was posted by the delivery before it: the post is skipped and the pin made.
    handlers.put(PIN_HEADER, MessageDeliveries.handler(this::postAndPinHeader, this::roomRefused));
    handlers.put(SET_TOPIC, MessageDeliveries.handler(this::setTopic, this::roomRefused));
    handlers.put(UPDATE_HEADER, MessageDeliveries.handler(this::updateHeader, this::roomRefused));
    handlers.put(ANNOUNCE, MessageDeliveries.handler(this::announce, this::notAnnounced));
    handlers.put(PAGE, MessageDeliveries.handler(this::page, this::notPaged));
    return handlers;
  }

  /** The incident every room delivery's payload names. */
  private Incident incident(Delivery delivery) {
    long id = SlackOutbox.read(delivery.payload(), About.class).incident();
    return incidents.find(id).orElseThrow();
  }

  /**
   * Posts the header, unless an earlier attempt already stored it, and pins it. One delivery rather
   * than two: everyone waits for the pinned header, and the pin follows the post's answer at once,
   * with no commit and no hand-off in between; the header's {@code ts} is stored with the outcome.
   * Both steps are safe to repeat: a resumed post is looked for before it is made again, and a
   * second pin is {@code already_pinned}.
   */
  private Outcome postAndPinHeader(Delivery delivery) {
    // Drafted while the channel was created, right before this first attempt, in this process: the
    // header cannot have been posted yet, and the draft knows the channel.
    long id = SlackOutbox.read(delivery.payload(), About.class).incident();
    Optional<HeaderDrafts.Draft> draft =
        POST_HEADER.equals(delivery.kind()) && delivery.attempt() == 1 && !delivery.resumed()
            ? headers.take(id)
            : Optional.empty();
    if (draft.isPresent()) {
      HeaderDrafts.Draft header = draft.get();
      return postAndPin(delivery, id, header.channel(), header.text(), header.blocks());
    }
    Incident incident = incidents.find(id).orElseThrow();
    if (incident.channelId().isEmpty()) {
      return Outcome.failed(NO_CHANNEL);
    }
    String channel = incident.channelId().get();
    Optional<String> stored = incident.headerTs();
    if (stored.isPresent()) {
      pin(channel, stored.get());
      return Outcome.delivered(stored.get());
    }
    return postAndPin(
        delivery,
        id,
        channel,
        IncidentViews.headerText(incident),
        SlackOutbox.blocks(IncidentViews.headerBlocks(incident)));
  }

  private Outcome postAndPin(
      Delivery delivery, long incident, String channel, String text, String blocks) {
    String ts = poster.post(delivery, channel, text, blocks);
    try {
      pin(channel, ts);
    } catch (RuntimeException notPinned) {
      // The header is posted whatever becomes of its pin: stored now, it is never posted again,
      // and the incident's changes edit it.
      incidents.headerPosted(incident, ts);
      throw notPinned;
    }
    return Outcome.delivered(ts, () -> incidents.headerPosted(incident, ts));
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
