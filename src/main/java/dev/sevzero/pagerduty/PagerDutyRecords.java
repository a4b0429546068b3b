package dev.sevzero.pagerduty;

import java.time.Instant;

/** What Sevzero remembers of its exchanges with PagerDuty. Called inside use-case transactions. */
public interface PagerDutyRecords {

  /**
   * Records that PagerDuty knows incident {@code incidentId} is acknowledged.
   *
   * @return false when it was already recorded (since the last trigger)
   */
  boolean markAcknowledged(long incidentId);

  /** After a new trigger (a reopening): PagerDuty's incident is unacknowledged again. */
  void clearAcknowledged(long incidentId);

  /**
   * Records a webhook delivery by its {@code X-Webhook-Id}.
   *
   * @return false when that delivery was already handled (PagerDuty delivers at least once)
   */
  boolean firstDelivery(String webhookId, Instant receivedAt);
}
