package dev.sevzero.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last net under every Slack request: a failure no handler expected (a database error, a bug)
 * is logged with its stack trace, and the request is still acknowledged and the person told,
 * privately. Without it Slack shows them its own error, or a button seems to do nothing.
 */
public final class UnexpectedFailures implements Middleware {

  public static final String TEXT =
      "Sorry, Sevzero hit an error and may not have done that (the details are in its log)."
          + " Check, then try again; if it keeps failing, tell whoever runs Sevzero.";

  private static final Logger log = LoggerFactory.getLogger(UnexpectedFailures.class);

  private final SlackWork work;

  public UnexpectedFailures(SlackWork work) {
    this.work = work;
  }

  @Override
  public Response apply(Request request, Response response, MiddlewareChain chain)
      throws Exception {
    try {
      return chain.next(request);
    } catch (Exception e) {
      log.error("Unexpected failure answering a {} request", request.getRequestType(), e);
      return answer(request);
    }
  }

  private Response answer(Request<?> request) {
    if (request instanceof BlockActionRequest action) {
      return OutOfDate.tellPresser(work, action.getContext(), TEXT);
    }
    if (request instanceof ViewSubmissionRequest submission) {
      return submission.getContext().ackWithUpdate(OutOfDate.notice("Something went wrong", TEXT));
    }
    if (request instanceof SlashCommandRequest command) {
      return command.getContext().ack(TEXT);
    }
    return Response.ok();
  }
}
