package dev.sevzero.pagerduty;

import java.util.Optional;

/**
 * One PagerDuty webhook (v3) event, as far as Sevzero cares.
 *
 * @param webhookId {@code X-Webhook-Id}: the same for every retry of one delivery
 * @param eventType e.g. {@code incident.acknowledged}
 * @param incidentKey the PagerDuty incident's {@code incident_key} (our dedup key), if any
 * @param agentId the PagerDuty user who acted, if a user did
 * @param agentEmail their email, when the payload has it
 * @param agentName their name (the reference's {@code summary})
 */
public record PagerDutyNotice(
    String webhookId,
    String eventType,
    Optional<String> incidentKey,
    Optional<String> agentId,
    Optional<String> agentEmail,
    Optional<String> agentName) {}
