package dev.sevzero.slack;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer to a button or a form this version of Sevzero does not know: one sent by an older
 * version (an {@code action_id} or {@code callback_id} since renamed, {@code private_metadata} in
 * an older shape). Slack shows the person an error unless every payload is acknowledged, so these
 * are acknowledged too, and told plainly that nothing was done.
 */
public final class OutOfDate {

  public static final String TEXT =
      "This message is out of date (Sevzero has changed since it was sent), so nothing was done."
          + " Use the latest message, or the command again (`/incident help`).";

  private static final Logger log = LoggerFactory.getLogger(OutOfDate.class);

  private final SlackWork work;

  public OutOfDate(SlackWork work) {
    this.work = work;
  }

  /** Answers every request no handler of {@code app} matches. */
  public void register(App app) {
    app.config().setUnmatchedRequestHandler(this::unmatched);
  }

  private Response unmatched(Request<?> request) {
    if (request instanceof BlockActionRequest action) {
      log.info(
          "Out-of-date button {} pressed", action.getPayload().getActions().get(0).getActionId());
      return button(action.getContext());
    }
    if (request instanceof ViewSubmissionRequest submission) {
      log.info("Out-of-date form {} submitted", submission.getPayload().getView().getCallbackId());
      return form(submission.getContext());
    }
    log.info("No handler for a {} request; acknowledged", request.getRequestType());
    return Response.ok();
  }

  /** Acknowledges a button press and tells the presser, privately, that nothing was done. */
  public Response button(ActionContext context) {
    return tellPresser(work, context, TEXT);
  }

  /** Replaces the submitted form with one saying that nothing was done. */
  public static Response form(ViewSubmissionContext context) {
    return context.ackWithUpdate(notice("Out of date", TEXT));
  }

  /**
   * Acknowledges a button press at once and tells the presser {@code text} privately, through the
   * press's response URL, after the ack.
   */
  static Response tellPresser(SlackWork work, ActionContext context, String text) {
    work.inParallel(
        "answer a button press",
        () -> {
          try {
            context.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
          } catch (IOException e) {
            log.warn("Could not answer a button press: {}", e.getMessage());
          }
        });
    return context.ack();
  }

  /** A modal that only says {@code text}, to replace a submitted form with. */
  static View notice(String title, String text) {
    return view(
        v ->
            v.type("modal")
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(text))))));
  }
}
