package dev.sevzero.slack.transport;

/**
 * A Web API call that did not succeed: retries exhausted, a non-retryable HTTP status, or an {@code
 * ok:false} answer the caller did not accept. Names the method and the cause, never the token or
 * the request.
 */
public final class SlackCallFailed extends RuntimeException {

  private final String method;
  private final String error;

  SlackCallFailed(String method, String error, String message, Throwable cause) {
    super(method + ": " + message, cause);
    this.method = method;
    this.error = error;
  }

  /** The Web API method, e.g. {@code chat.postMessage}. */
  public String method() {
    return method;
  }

  /**
   * Slack's error code ({@code channel_not_found}, {@code ratelimited}…) when Slack answered with
   * one, else {@code null}.
   */
  public String error() {
    return error;
  }
}
