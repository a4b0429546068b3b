package dev.sevzero.notion;

import java.time.Duration;
import java.util.Optional;

/**
 * A Notion request that did not succeed: the HTTP status (0 when Notion could not be reached), the
 * wait Notion asked for, and its message. Never carries the token.
 */
final class NotionRefusal extends Exception {

  private final int status;
  private final Optional<Duration> retryAfter;

  NotionRefusal(int status, Optional<Duration> retryAfter, String message) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** Rate limits, server errors and an unreachable Notion pass; anything else is for good. */
  boolean retryable() {
    return status == 0 || status == 429 || status >= 500;
  }

  Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
