package dev.sevzero.pagerduty;

/**
 * Where events for PagerDuty wait to be sent: in order per incident (PagerDuty drops an acknowledge
 * that arrives before its trigger), retried until PagerDuty takes them or refuses them for good.
 */
@FunctionalInterface
public interface PageQueue {
  void enqueue(PageEvent event);
}
