package dev.sevzero.slack.transport;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Web API calls with the bot token and rides out what Slack asks us to ride out: HTTP 429
 * (waiting {@code Retry-After}), 5xx and network errors (exponential backoff). Anything else comes
 * back to the caller: an {@code ok:false} answer as is, for the caller to judge ({@code
 * name_taken}, {@code already_in_channel}…), or a {@link SlackCallFailed}.
 *
 * <p>A retried call that had in fact reached Slack before the connection broke runs twice; for the
 * calls we make (posting, inviting, updating) that is a duplicate message at worst, never a lost
 * one, which is the side SPEC §9 asks us to err on.
 */
public final class SlackGateway {

  /** One Web API call on the bot's client, e.g. {@code c -> c.chatPostMessage(r -> …)}. */
  @FunctionalInterface
  public interface Call<T extends SlackApiTextResponse> {
    T run(MethodsClient client) throws IOException, SlackApiException;
  }

  static final int MAX_ATTEMPTS = 6;
  static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(SlackGateway.class);

  private final MethodsClient client;
  private final Sleeper sleeper;
  private final CallGate gate;

  /** {@code gate} is passed before every attempt. */
  public SlackGateway(MethodsClient client, CallGate gate) {
    this(client, Sleeper.THREAD, gate);
  }

  public SlackGateway(MethodsClient client, Sleeper sleeper, CallGate gate) {
    this.client = client;
    this.sleeper = sleeper;
    this.gate = gate;
  }

  /**
   * Runs {@code call}, retrying on 429, 5xx and I/O errors up to {@value #MAX_ATTEMPTS} attempts.
   * Returns Slack's answer whether {@code ok} or not.
   *
   * @param method the Web API method name, for logs and errors
   * @throws SlackCallFailed on another HTTP status, when attempts run out, or when interrupted
   */
  public <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      String reason;
      gate.awaitTurn();
      try {
        return call.run(client);
      } catch (SlackApiException e) {
        int status = e.getResponse().code();
        if (status == 429) {
          wait = retryAfter(e, attempt);
        } else if (status >= 500) {
          wait = backoff(attempt);
        } else {
          throw new SlackCallFailed(method, errorCode(e), "HTTP " + status, e);
        }
        reason = "HTTP " + status;
        if (attempt == MAX_ATTEMPTS) {
          throw new SlackCallFailed(
              method, errorCode(e), reason + " after " + attempt + " attempts", e);
        }
      } catch (IOException e) {
        reason = e.getClass().getSimpleName();
        if (attempt == MAX_ATTEMPTS) {
          throw new SlackCallFailed(
              method, null, reason + " after " + attempt + " attempts: " + e.getMessage(), e);
        }
        wait = backoff(attempt);
      }
      log.warn(
          "Slack {} failed ({}), attempt {} of {}; retrying in {} ms",
          method,
          reason,
          attempt,
          MAX_ATTEMPTS,
          wait.toMillis());
      pause(method, wait);
    }
  }

  /**
   * One attempt at {@code call}, after the gate, with nothing retried: for deliveries, whose
   * dispatcher schedules the retry itself instead of holding a thread through a rate limit.
   */
  public <T extends SlackApiTextResponse> T once(Call<T> call)
      throws IOException, SlackApiException {
    gate.awaitTurn();
    return call.run(client);
  }

  /** {@link #call} then {@link #requireOk}: the usual way to make a call that must succeed. */
  public <T extends SlackApiTextResponse> T callOk(
      String method, Call<T> call, String... acceptedErrors) {
    return requireOk(method, call(method, call), acceptedErrors);
  }

  /**
   * Returns {@code response} if it is {@code ok} or its error is one of {@code acceptedErrors}
   * (e.g. {@code already_in_channel} when inviting); otherwise throws {@link SlackCallFailed}.
   */
  public static <T extends SlackApiTextResponse> T requireOk(
      String method, T response, String... acceptedErrors) {
    if (response.isOk() || Set.of(acceptedErrors).contains(response.getError())) {
      return response;
    }
    throw new SlackCallFailed(method, response.getError(), response.getError(), null);
  }

  /** Slack says how long to back off; trust it, within reason, and fall back to our backoff. */
  private static Duration retryAfter(SlackApiException e, int attempt) {
    String header = e.getResponse().header("Retry-After");
    if (header != null) {
      try {
        long seconds = Long.parseLong(header.strip());
        if (seconds >= 0) {
          Duration wait = Duration.ofSeconds(seconds);
          return wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
        }
      } catch (NumberFormatException ignored) {
        // Slack sends whole seconds; anything else gets our own backoff
      }
    }
    return backoff(attempt);
  }

  /** 0.5 s, 1 s, 2 s, 4 s, 8 s: about 15 s in all before giving up. */
  private static Duration backoff(int attempt) {
    return FIRST_BACKOFF.multipliedBy(1L << (attempt - 1));
  }

  private static String errorCode(SlackApiException e) {
    return e.getError() == null ? null : e.getError().getError();
  }

  private void pause(String method, Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SlackCallFailed(method, null, "interrupted while waiting to retry", e);
    }
  }
}
