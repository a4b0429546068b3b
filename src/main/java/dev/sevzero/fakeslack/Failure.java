package dev.sevzero.fakeslack;

import java.time.Duration;

/** A fault to answer one Web API call with, queued by {@link FakeSlack#failNext}. */
public record Failure(int status, String error, Duration retryAfter) {

  /** HTTP 429 with a Retry-After header in whole seconds, as Slack's rate limiter answers. */
  public static Failure rateLimited(Duration retryAfter) {
    return new Failure(429, "ratelimited", retryAfter);
  }

  /** An HTTP 5xx, as Slack answers during an outage. */
  public static Failure serverError(int status) {
    if (status < 500 || status > 599) {
      throw new IllegalArgumentException("not a 5xx status: " + status);
    }
    return new Failure(status, status == 503 ? "service_unavailable" : "fatal_error", null);
  }

  /** HTTP 200 with {"ok":false,"error":code}, how Slack reports most errors. */
  public static Failure error(String code) {
    return new Failure(200, code, null);
  }
}
