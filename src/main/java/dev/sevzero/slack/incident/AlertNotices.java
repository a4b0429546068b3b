package dev.sevzero.slack.incident;

import static dev.sevzero.slack.SlackText.escape;

import dev.sevzero.deliveries.Outbox;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentEvent;
import dev.sevzero.incident.IncidentEvents;
import dev.sevzero.incident.TimelineEntry;
import dev.sevzero.pagerduty.PageEvent;
import dev.sevzero.slack.SlackBlocks;
import dev.sevzero.slack.delivery.SlackOutbox;

/**
 * What the incident channel shows of alerts and pages: each newly firing alert, "all alerts
 * resolved" with a <b>Resolve</b> button, and a PagerDuty event PagerDuty refused. Posted in the
 * incident's channel sequence, after what was promised there before.
 */
public final class AlertNotices implements IncidentEvents {

  private final SlackOutbox slack;

  public AlertNotices(SlackOutbox slack) {
    this.slack = slack;
  }

  @Override
  public void on(IncidentEvent event) {
    if (!(event instanceof IncidentEvent.EntryRecorded recorded)) {
      return;
    }
    Incident incident = recorded.incident();
    TimelineEntry entry = recorded.entry();
    if (entry.kind() == TimelineEntry.Kind.ALERT) {
      post(slack, incident.id(), "🔔 " + escape(entry.text()) + ".", false);
    } else if (entry.kind() == TimelineEntry.Kind.ALERTS_RESOLVED) {
      post(
          slack,
          incident.id(),
          "✅ All alerts resolved for *"
              + escape(IncidentViews.headline(incident))
              + "*. Resolve the incident when you are satisfied it is over.",
          true);
    }
  }

  /** PagerDuty refused an event for good: the people in the channel are the ones to know. */
  public static void pageRefused(PageEvent event, String reason, Outbox outbox) {
    post(
        new SlackOutbox(outbox),
        event.incidentId(),
        "⚠️ PagerDuty refused the *"
            + event.action().code()
            + "* event for INC-"
            + event.incidentId()
            + ": "
            + escape(reason)
            + ". PagerDuty does not show this incident's state; check the integration.",
        false);
  }

  private static void post(SlackOutbox slack, long incidentId, String text, boolean resolveButton) {
    slack.postInIncident(
        incidentId,
        text,
        resolveButton
            ? SlackBlocks.textWithButton(
                text, IncidentActionIds.RESOLVE, "Resolve", Long.toString(incidentId))
            : null,
        "Could not post this in the channel of INC-" + incidentId + ": " + text,
        null);
  }
}
