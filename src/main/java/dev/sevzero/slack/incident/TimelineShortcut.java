package dev.sevzero.slack.incident;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.MessageShortcutContext;
import com.slack.api.bolt.request.builtin.MessageShortcutRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.Message;
import dev.sevzero.incident.MessageCapture;
import dev.sevzero.slack.SlackWork;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message shortcut "Add to incident timeline" ({@code add_to_timeline} in manifest.yml): the
 * message Slack sends along goes on the timeline with its author, text and original time, and
 * whoever used the shortcut is told privately how it went.
 */
public final class TimelineShortcut {

  static final String CALLBACK_ID = "add_to_timeline";

  private static final Logger log = LoggerFactory.getLogger(TimelineShortcut.class);

  private final MessageCapture capture;
  private final SlackWork work;

  public TimelineShortcut(MessageCapture capture, SlackWork work) {
    this.capture = capture;
    this.work = work;
  }

  public void register(App app) {
    app.messageShortcut(CALLBACK_ID, this::capture);
  }

  private Response capture(MessageShortcutRequest request, MessageShortcutContext context) {
    var payload = request.getPayload();
    Message message = payload.getMessage();
    Optional<MessageCapture.Outcome> outcome =
        capture.capture(
            new MessageCapture.Message(
                payload.getChannel().getId(),
                message.getTs(),
                author(message),
                time(message.getTs()),
                plain(message.getText())),
            payload.getUser().getId());
    String answer =
        outcome
            .map(
                captured ->
                    captured.added()
                        ? "📝 Added to *"
                            + captured.incident().key()
                            + "*'s timeline, at the time it was posted."
                        : "That message is already on *"
                            + captured.incident().key()
                            + "*'s timeline.")
            .orElse(
                "This isn't an incident channel: *Add to incident timeline* works on messages in"
                    + " an incident's channel. Nothing was added.");
    work.inParallel("answer the timeline shortcut", () -> tell(context, answer));
    return context.ack();
  }

  /** A person's message has a user; an integration's has only a bot id. */
  private static String author(Message message) {
    if (message.getUser() != null) {
      return message.getUser();
    }
    return message.getBotId() != null ? message.getBotId() : "unknown";
  }

  /** Slack's ts is the message's epoch time in seconds, to the microsecond. */
  static Instant time(String ts) {
    BigDecimal seconds = new BigDecimal(ts);
    long whole = seconds.longValue();
    long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
    return Instant.ofEpochSecond(whole, nanos);
  }

  /** Message text arrives with Slack's three escapes; the timeline keeps what people wrote. */
  static String plain(String text) {
    if (text == null || text.isBlank()) {
      return "(a message with no text)";
    }
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  private static void tell(MessageShortcutContext context, String text) {
    try {
      context.respond(r -> r.responseType("ephemeral").text(text));
    } catch (IOException e) {
      log.warn("Could not answer the timeline shortcut: {}", e.getMessage());
    }
  }
}
