package dev.sevzero.pagerduty;

import java.time.Duration;

/** Sends one event to PagerDuty's Events API v2. Sending the same event twice is harmless. */
@FunctionalInterface
public interface PageSender {

  Result send(PageEvent event);

  /** What became of one attempt. */
  sealed interface Result {}

  /** PagerDuty took it. */
  record Delivered() implements Result {}

  /** PagerDuty could not take it now (429, 5xx, no answer): try again after {@code after}. */
  record RetryLater(Duration after, String why) implements Result {}

  /** PagerDuty refused it (400): sending it again would be refused again. */
  record Refused(String reason) implements Result {}
}
