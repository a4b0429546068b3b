package dev.sevzero.incident;

/**
 * Hears every {@link IncidentEvent} inside the transaction that stores it, after the incident's row
 * is locked (except for a declaration, whose row is new). Subscribers only do database work there:
 * what they store is stored with the change, and a failure undoes the change. Slack, PagerDuty and
 * other external calls are stored as deliveries and carried out after the commit.
 */
@FunctionalInterface
public interface IncidentEvents {

  void on(IncidentEvent event);
}
