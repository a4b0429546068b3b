package dev.sevzero.pagerduty;

/**
 * An event for PagerDuty about one incident. What it says (title, severity, channel link) is read
 * from the incident when it is sent, so that a trigger sent after the channel exists links to it.
 */
public record PageEvent(long incidentId, PageAction action) {

  /** PagerDuty's {@code dedup_key}: one PagerDuty incident per Sevzero incident. */
  public static String dedupKey(long incidentId) {
    return "sevzero-INC-" + incidentId;
  }

  public String dedupKey() {
    return dedupKey(incidentId);
  }
}
