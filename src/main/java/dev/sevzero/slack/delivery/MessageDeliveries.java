package dev.sevzero.slack.delivery;

import com.slack.api.RequestConfigurator;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import dev.sevzero.deliveries.Delivery;
import dev.sevzero.deliveries.DeliveryHandler;
import dev.sevzero.deliveries.Outbox;
import dev.sevzero.deliveries.Outcome;
import dev.sevzero.slack.transport.SlackGateway;
import java.io.IOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handlers of the plain Slack deliveries: posts and DMs, invites, uploads and the on-call user
 * group. Each one checks before it repeats what may already have been done, and tells people what
 * Slack refused for good.
 */
public final class MessageDeliveries {

  private static final Logger log = LoggerFactory.getLogger(MessageDeliveries.class);
  private static final String[] CANNOT_POST_THERE = {"not_in_channel", "channel_not_found"};

  private final Attempt attempt;
  private final Poster poster;
  private final LongFunction<Optional<String>> incidentChannel;
  private final Notices notices;
  private final Optional<String> usergroup;
  private final Supplier<Optional<String>> onCall;
  private volatile String usergroupSyncedTo;

  /**
   * @param incidentChannel an incident's channel, once created
   * @param usergroup {@code ONCALL_USERGROUP}, kept equal to {@code onCall}
   */
  public MessageDeliveries(
      SlackGateway slack,
      LongFunction<Optional<String>> incidentChannel,
      Optional<String> usergroup,
      Supplier<Optional<String>> onCall) {
    this.attempt = new Attempt(slack);
    this.poster = new Poster(attempt);
    this.incidentChannel = incidentChannel;
    this.notices = new Notices(incidentChannel);
    this.usergroup = usergroup;
    this.onCall = onCall;
  }

  /** Shared with the incident room's handlers, which post the same way. */
  public Poster poster() {
    return poster;
  }

  public Notices notices() {
    return notices;
  }

  public Map<String, DeliveryHandler> handlers() {
    Map<String, DeliveryHandler> handlers = new HashMap<>();
    handlers.put(SlackOutbox.POST, handler(this::post, this::postRefused));
    handlers.put(SlackOutbox.INVITE, handler(this::invite, this::inviteRefused));
    handlers.put(SlackOutbox.UPLOAD, handler(this::upload, this::uploadRefused));
    handlers.put(SlackOutbox.USERGROUP, handler(this::syncUsergroup, this::usergroupRefused));
    return handlers;
  }

  /** One attempt of a delivery's calls. */
  @FunctionalInterface
  public interface Attempted {
    Outcome run(Delivery delivery);
  }

  /** What to tell people when a delivery is refused for good. */
  @FunctionalInterface
  public interface Refused {
    void tell(Delivery delivery, String reason, Outbox outbox);
  }

  /** A handler whose calls end early by {@link Attempt.Stop}. */
  public static DeliveryHandler handler(Attempted attempted, Refused refused) {
    return new DeliveryHandler() {
      @Override
      public Outcome deliver(Delivery delivery) {
        try {
          return attempted.run(delivery);
        } catch (Attempt.Stop stop) {
          return stop.outcome;
        }
      }

      @Override
      public void failedForGood(Delivery delivery, String reason, Outbox outbox) {
        refused.tell(delivery, reason, outbox);
      }
    };
  }

  private Outcome post(Delivery delivery) {
    SlackMessage message = SlackOutbox.read(delivery.payload(), SlackMessage.class);
    String channel;
    if (message.user() != null) {
      channel = poster.directMessageChannel(message.user());
    } else if (message.incident() != null) {
      Optional<String> found = incidentChannel.apply(message.incident());
      if (found.isEmpty()) {
        return Outcome.failed("the incident has no channel");
      }
      channel = found.get();
    } else {
      channel = message.channel();
    }
    return Outcome.delivered(poster.post(delivery, channel, message.text(), message.blocks()));
  }

  private void postRefused(Delivery delivery, String reason, Outbox outbox) {
    SlackMessage message = SlackOutbox.read(delivery.payload(), SlackMessage.class);
    if (message.notice() == null) {
      return;
    }
    String notice = message.notice() + " (" + reason + ")";
    if (message.tellIn() != null) {
      notices.tellIn(outbox, message.tellIn(), notice);
      return;
    }
    notices.tell(
        outbox, delivery, notice, message.incident() == null, Optional.ofNullable(message.tell()));
  }

  private Outcome invite(Delivery delivery) {
    SlackOutbox.Invite invite = SlackOutbox.read(delivery.payload(), SlackOutbox.Invite.class);
    Optional<String> channel = incidentChannel.apply(invite.incident());
    if (channel.isEmpty()) {
      return Outcome.failed("the incident has no channel");
    }
    // Inviting someone already there is fine, so a resumed invite needs no check.
    attempt.call(
        "conversations.invite",
        c -> c.conversationsInvite(r -> r.channel(channel.get()).users(List.of(invite.user()))),
        "already_in_channel",
        "cant_invite_self");
    return Outcome.delivered();
  }

  private void inviteRefused(Delivery delivery, String reason, Outbox outbox) {
    SlackOutbox.Invite invite = SlackOutbox.read(delivery.payload(), SlackOutbox.Invite.class);
    notices.tell(
        outbox,
        delivery,
        "Could not invite <@" + invite.user() + "> (" + reason + "): invite them by hand.",
        true,
        Optional.ofNullable(invite.actor()));
  }

  private Outcome upload(Delivery delivery) {
    SlackOutbox.Upload upload = SlackOutbox.read(delivery.payload(), SlackOutbox.Upload.class);
    String channel = upload.channel();
    if (channel == null && upload.incident() == null) {
      // Neither a channel nor an incident: the file is for the user alone (an SLA report's).
      channel = poster.directMessageChannel(upload.user());
    } else if (channel == null) {
      Optional<String> found = incidentChannel.apply(upload.incident());
      if (found.isEmpty()) {
        return Outcome.failed("the incident has no channel");
      }
      channel = found.get();
    }
    byte[] bytes = Base64.getDecoder().decode(upload.base64());
    Optional<String> shared = uploadOnce(delivery, channel, upload, bytes, CANNOT_POST_THERE);
    if (shared.isEmpty()) {
      log.info("Cannot post {} in {}; sending it by DM", upload.filename(), channel);
      String dm = poster.directMessageChannel(upload.user());
      shared = uploadOnce(delivery, dm, upload, bytes);
    }
    return Outcome.delivered(shared.orElseThrow());
  }

  /**
   * Shares the file in {@code channel} unless a resumed delivery finds it there already; returns
   * the file's id, or nothing when Slack answered one of the {@code accepted} errors.
   */
  private Optional<String> uploadOnce(
      Delivery delivery,
      String channel,
      SlackOutbox.Upload upload,
      byte[] bytes,
      String... accepted) {
    if (delivery.resumed()) {
      Optional<String> already =
          poster.alreadyUploaded(delivery, channel, upload.filename(), title(upload));
      if (already.isPresent()) {
        return already;
      }
    }
    FilesUploadV2Response answer =
        attempt.call(
            "files.uploadV2", c -> uploadAnswer(c, file(channel, upload, bytes)), accepted);
    return answer.isOk() ? Optional.of(answer.getFile().getId()) : Optional.empty();
  }

  /** Slack titles a file with its name when no title is given. */
  private static String title(SlackOutbox.Upload upload) {
    return upload.title() == null ? upload.filename() : upload.title();
  }

  private void uploadRefused(Delivery delivery, String reason, Outbox outbox) {
    SlackOutbox.Upload upload = SlackOutbox.read(delivery.payload(), SlackOutbox.Upload.class);
    notices.tell(
        outbox,
        delivery,
        "Could not upload " + upload.filename() + " (" + reason + ").",
        upload.channel() == null,
        Optional.ofNullable(upload.user()));
  }

  /**
   * The SDK's filesUploadV2 throws where every other method answers {@code ok:false}; this turns
   * the refusal back into an answer, so accepted errors work for it too.
   */
  private static FilesUploadV2Response uploadAnswer(
      MethodsClient client,
      RequestConfigurator<FilesUploadV2Request.FilesUploadV2RequestBuilder> file)
      throws IOException, SlackApiException {
    try {
      return client.filesUploadV2(file);
    } catch (SlackFilesUploadV2Exception refused) {
      FilesUploadV2Response answer = new FilesUploadV2Response();
      answer.setOk(false);
      answer.setError(uploadError(refused));
      return answer;
    }
  }

  /** The channel is only checked in the last step, completeUploadExternal. */
  private static String uploadError(SlackFilesUploadV2Exception refused) {
    if (refused.getCompleteResponse() != null) {
      return refused.getCompleteResponse().getError();
    }
    return refused.getGetURLResponses().stream()
        .filter(response -> !response.isOk())
        .map(response -> response.getError())
        .findFirst()
        .orElse("upload_failed");
  }

  private static RequestConfigurator<FilesUploadV2Request.FilesUploadV2RequestBuilder> file(
      String channel, SlackOutbox.Upload upload, byte[] bytes) {
    return r ->
        r.channel(channel).filename(upload.filename()).title(upload.title()).fileData(bytes);
  }

  /** Reads who is on call when it runs, so the last sync made is always the latest holder. */
  private Outcome syncUsergroup(Delivery delivery) {
    Optional<String> current = onCall.get();
    if (usergroup.isEmpty() || current.isEmpty() || current.get().equals(usergroupSyncedTo)) {
      return Outcome.delivered();
    }
    attempt.call(
        "usergroups.users.update",
        c ->
            c.usergroupsUsersUpdate(
                r -> r.usergroup(usergroup.get()).users(List.of(current.get()))));
    usergroupSyncedTo = current.get();
    return Outcome.delivered();
  }

  private void usergroupRefused(Delivery delivery, String reason, Outbox outbox) {
    log.error("Could not update the on-call user group {}: {}", usergroup.orElse(""), reason);
  }
}
