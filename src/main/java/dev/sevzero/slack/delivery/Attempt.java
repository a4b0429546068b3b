package dev.sevzero.slack.delivery;

import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import dev.sevzero.deliveries.Outcome;
import dev.sevzero.slack.transport.SlackGateway;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * One attempt at a delivery's Web API calls, turning what Slack answers into an {@link Outcome}: a
 * call that cannot go on ends the attempt with {@link Stop}, which the handler returns.
 */
public final class Attempt {

  /** Errors Slack answers with HTTP 200 that pass by themselves. */
  private static final Set<String> TRANSIENT =
      Set.of(
          "ratelimited",
          "internal_error",
          "fatal_error",
          "service_unavailable",
          "request_timeout",
          "team_added_to_org");

  /** Ends the attempt with {@code outcome}. */
  static final class Stop extends RuntimeException {
    final transient Outcome outcome;

    Stop(Outcome outcome) {
      super(outcome.toString(), null, false, false);
      this.outcome = outcome;
    }
  }

  private final SlackGateway slack;

  public Attempt(SlackGateway slack) {
    this.slack = slack;
  }

  /**
   * Makes {@code call} once; returns its answer when {@code ok} or when its error is one of {@code
   * accepted}. Anything else stops the attempt: retried later (429, 5xx, network, transient errors)
   * or failed for good (any other {@code ok:false}).
   */
  public <T extends SlackApiTextResponse> T call(
      String method, SlackGateway.Call<T> call, String... accepted) {
    T answer;
    try {
      answer = slack.once(call);
    } catch (SlackApiException e) {
      int status = e.getResponse().code();
      if (status == 429) {
        throw new Stop(Outcome.rateLimited(retryAfter(e), method + ": HTTP 429"));
      }
      if (status >= 500) {
        throw new Stop(Outcome.retryLater(method + ": HTTP " + status, true));
      }
      throw new Stop(Outcome.failed(method + ": HTTP " + status));
    } catch (IOException e) {
      throw new Stop(Outcome.retryLater(method + ": " + e, true));
    }
    if (answer.isOk() || Set.of(accepted).contains(answer.getError())) {
      return answer;
    }
    if (TRANSIENT.contains(answer.getError())) {
      throw new Stop(Outcome.retryLater(method + ": " + answer.getError(), false));
    }
    throw new Stop(Outcome.failed(answer.getError()));
  }

  /** Slack says how long to wait, in whole seconds; without it, a second. */
  private static Duration retryAfter(SlackApiException e) {
    return Optional.ofNullable(e.getResponse().header("Retry-After"))
        .flatMap(Attempt::seconds)
        .orElse(Duration.ofSeconds(1));
  }

  private static Optional<Duration> seconds(String header) {
    try {
      long seconds = Long.parseLong(header.strip());
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
