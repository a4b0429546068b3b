package dev.sevzero.slack.delivery;

import com.google.gson.Gson;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.sevzero.deliveries.NewDelivery;
import dev.sevzero.deliveries.Outbox;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * What the Slack adapter promises, stored as deliveries in the caller's transaction. Deliveries
 * about one incident's channel share the sequence {@link #sequenceOf}: the channel is created, then
 * the header posted and pinned, then everything else shown there, in the order it happened.
 */
public final class SlackOutbox {

  public static final String POST = "slack.post";
  public static final String INVITE = "slack.invite";
  public static final String UPLOAD = "slack.upload";
  public static final String USERGROUP = "slack.usergroup";

  /**
   * The rotation's messages and the on-call user group's syncs, told in the order they happened: a
   * handoff's post, its DMs, then the group.
   */
  public static final String ROTATION = "oncall";

  /** The kind that creates an incident's channel: what deliveries needing the channel wait for. */
  public static final String CREATE_CHANNEL = "slack.channel";

  private static final Gson BLOCKS = GsonFactory.createSnakeCase();
  private static final Gson PAYLOAD = new Gson();

  private final Outbox outbox;

  public SlackOutbox(Outbox outbox) {
    this.outbox = outbox;
  }

  public static String sequenceOf(long incidentId) {
    return "incident-" + incidentId;
  }

  /** A delivery of the incident's channel sequence (see {@link #sequenceOf}). */
  public long inIncidentSequence(String kind, long incidentId, Object payload) {
    return outbox.enqueue(incidentSequence(kind, incidentId, payload));
  }

  private static NewDelivery incidentSequence(String kind, long incidentId, Object payload) {
    return NewDelivery.of(kind, PAYLOAD.toJson(payload))
        .inSequence(sequenceOf(incidentId))
        .about(incidentId);
  }

  /**
   * A delivery about the incident that needs its channel, and no other order: it waits for the
   * channel's creation if that is still pending.
   */
  public long onceChannelExists(String kind, long incidentId, Object payload) {
    return outbox.enqueue(
        afterChannel(kind, incidentId, outbox.pending(CREATE_CHANNEL, incidentId), payload));
  }

  private static NewDelivery afterChannel(
      String kind, long incidentId, Optional<Long> channelCreation, Object payload) {
    return NewDelivery.of(kind, PAYLOAD.toJson(payload)).about(incidentId).after(channelCreation);
  }

  /** Deliveries to store together: numbered and inserted in one go, as {@link #store} is called. */
  public Batch batch() {
    return new Batch();
  }

  /**
   * What a change promises at once (a declaration's header, topic, invites, announcement and page),
   * stored in two statements rather than two each: the declaration's transaction is on the path of
   * the slash command's ack.
   */
  public final class Batch {

    private final List<NewDelivery> deliveries = new ArrayList<>();

    private Batch() {}

    /** See {@link SlackOutbox#inIncidentSequence}. */
    public Batch inIncidentSequence(String kind, long incidentId, Object payload) {
      deliveries.add(incidentSequence(kind, incidentId, payload));
      return this;
    }

    /** Needs the channel that the delivery {@code channelCreation} creates. */
    public Batch onceChannelExists(
        String kind, long incidentId, long channelCreation, Object payload) {
      deliveries.add(afterChannel(kind, incidentId, Optional.of(channelCreation), payload));
      return this;
    }

    /** See {@link SlackOutbox#invite}. */
    public Batch invite(long incidentId, long channelCreation, String user, String actor) {
      return onceChannelExists(
          INVITE, incidentId, channelCreation, new Invite(incidentId, user, actor));
    }

    public void store() {
      outbox.enqueueAll(deliveries);
    }
  }

  /** Posts in the incident's channel, after what was promised there before. */
  public void postInIncident(
      long incidentId, String text, List<LayoutBlock> blocks, String notice, String tell) {
    inIncidentSequence(
        POST,
        incidentId,
        new SlackMessage(null, incidentId, null, text, json(blocks), notice, tell, null));
  }

  /** Posts in {@code channel}; about an incident, so that a refusal is told in its channel. */
  public void post(
      String channel, String text, List<LayoutBlock> blocks, Optional<Long> about, String notice) {
    NewDelivery delivery =
        NewDelivery.of(
            POST,
            PAYLOAD.toJson(
                new SlackMessage(channel, null, null, text, json(blocks), notice, null, null)));
    outbox.enqueue(about.map(delivery::about).orElse(delivery));
  }

  /**
   * Posts in {@code channel} ({@code user}'s DM when null) after the rotation's earlier news. If
   * Slack refuses it for good, {@code notice} is told in {@code tellIn} when set, else by DM to
   * {@code tell}.
   */
  public void tellRotation(
      String channel,
      String user,
      String text,
      List<LayoutBlock> blocks,
      String notice,
      Optional<String> tellIn,
      Optional<String> tell) {
    outbox.enqueue(
        NewDelivery.of(
                POST,
                PAYLOAD.toJson(
                    new SlackMessage(
                        channel,
                        null,
                        user,
                        text,
                        json(blocks),
                        notice,
                        tell.orElse(null),
                        tellIn.orElse(null))))
            .inSequence(ROTATION));
  }

  /** A DM from the bot to {@code user}. */
  public void directMessage(
      String user, String text, List<LayoutBlock> blocks, Optional<Long> about, String notice) {
    NewDelivery delivery =
        NewDelivery.of(
            POST,
            PAYLOAD.toJson(
                new SlackMessage(null, null, user, text, json(blocks), notice, null, null)));
    outbox.enqueue(about.map(delivery::about).orElse(delivery));
  }

  /** Invites {@code user} to the incident's channel; {@code actor} hears if it cannot be done. */
  public void invite(long incidentId, String user, String actor) {
    onceChannelExists(INVITE, incidentId, new Invite(incidentId, user, actor));
  }

  /**
   * Uploads a file to {@code channel} (or, with none, the incident's channel; with neither, {@code
   * user}'s DM); where the bot may not post it goes to {@code user}'s DM, so it is never lost.
   */
  public void upload(
      Optional<String> channel,
      Optional<Long> incidentId,
      String user,
      String filename,
      String title,
      byte[] content) {
    Upload upload =
        new Upload(
            channel.orElse(null),
            incidentId.orElse(null),
            user,
            filename,
            title,
            Base64.getEncoder().encodeToString(content));
    if (incidentId.isPresent() && channel.isEmpty()) {
      inIncidentSequence(UPLOAD, incidentId.get(), upload);
    } else {
      outbox.enqueue(NewDelivery.of(UPLOAD, PAYLOAD.toJson(upload)));
    }
  }

  /**
   * Makes the on-call user group the person on call when it is delivered. In the rotation's
   * sequence: the last sync stored is the last one made, so the group never ends on a stale holder.
   */
  public void syncUsergroup() {
    outbox.enqueue(NewDelivery.of(USERGROUP, "{}").inSequence(ROTATION));
  }

  /** Block Kit as the JSON Slack takes. */
  public static String blocks(List<LayoutBlock> blocks) {
    return json(blocks);
  }

  static String json(List<LayoutBlock> blocks) {
    return blocks == null ? null : BLOCKS.toJson(blocks);
  }

  static String payload(Object payload) {
    return PAYLOAD.toJson(payload);
  }

  public static <T> T read(String payload, Class<T> type) {
    return PAYLOAD.fromJson(payload, type);
  }

  record Invite(long incident, String user, String actor) {}

  record Upload(
      String channel, Long incident, String user, String filename, String title, String base64) {}
}
