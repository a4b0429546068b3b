package dev.sevzero.slack.oncall;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.sevzero.rotation.OncallService;
import dev.sevzero.rotation.RotationFailure;
import dev.sevzero.slack.OutOfDate;
import dev.sevzero.slack.SlackWork;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The "I have the pager" button in the incoming on-call's DM. */
public final class OncallInteractions {

  private static final Logger log = LoggerFactory.getLogger(OncallInteractions.class);

  private final OncallService oncall;
  private final SlackWork work;

  public OncallInteractions(OncallService oncall, SlackWork work) {
    this.oncall = oncall;
    this.work = work;
  }

  public void register(App app) {
    app.blockAction(RotationNotices.CONFIRM_ACTION, this::confirm);
  }

  /**
   * Stores the confirmation, then replaces the DM's button with the answer so it is not pressed
   * again by mistake; a refusal (the pager has moved on) leaves the DM as it was.
   */
  private Response confirm(BlockActionRequest request, ActionContext context) {
    String handoff = request.getPayload().getActions().get(0).getValue();
    if (handoff == null || !handoff.matches("\\d{1,18}")) {
      return new OutOfDate(work).button(context);
    }
    Answer answer = answer(request.getPayload().getUser().getId(), Long.parseLong(handoff));
    work.inParallel("answer pager confirmation", () -> respond(context, answer));
    return context.ack();
  }

  private Answer answer(String user, long handoffId) {
    try {
      return new Answer(
          OncallViews.confirmedText(oncall.confirm(user, handoffId), oncall.rotationZone()), true);
    } catch (RotationFailure refusal) {
      return new Answer(refusal.getMessage(), false);
    }
  }

  private record Answer(String text, boolean replacesDm) {}

  private static void respond(ActionContext context, Answer answer) {
    try {
      context.respond(
          r ->
              r.responseType("ephemeral").replaceOriginal(answer.replacesDm()).text(answer.text()));
    } catch (IOException e) {
      log.warn("Could not answer a pager confirmation: {}", e.getMessage());
    }
  }
}
