package dev.sevzero.slack.incident;

import static dev.sevzero.slack.SlackText.escape;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentListener;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.TimelineEntry;
import dev.sevzero.pagerduty.PageEvent;
import dev.sevzero.slack.SlackBlocks;
import dev.sevzero.slack.SlackMessenger;
import dev.sevzero.slack.SlackWork;

/**
 * What the incident channel shows of alerts and pages: each newly firing alert, "all alerts
 * resolved" with a <b>Resolve</b> button, and a PagerDuty event PagerDuty refused. Posted after the
 * incident's earlier Slack work (its channel exists by then).
 */
public final class AlertNotices implements IncidentListener {

  private final SlackMessenger slack;
  private final IncidentService incidents;
  private final SlackWork work;

  public AlertNotices(SlackMessenger slack, IncidentService incidents, SlackWork work) {
    this.slack = slack;
    this.incidents = incidents;
    this.work = work;
  }

  @Override
  public void changed(Incident incident, TimelineEntry entry) {
    switch (entry.kind()) {
      case ALERT ->
          inChannel(incident.id(), "show an alert", "🔔 " + escape(entry.text()) + ".", false);
      case ALERTS_RESOLVED ->
          inChannel(
              incident.id(),
              "show all alerts resolved",
              "✅ All alerts resolved for *"
                  + escape(IncidentViews.headline(incident))
                  + "*. Resolve the incident when you are satisfied it is over.",
              true);
      default -> {}
    }
  }

  /** PagerDuty refused an event for good: the people in the channel are the ones to know. */
  public void pageRefused(PageEvent event, String reason) {
    inChannel(
        event.incidentId(),
        "tell of a refused page",
        "⚠️ PagerDuty refused the *"
            + event.action().code()
            + "* event for INC-"
            + event.incidentId()
            + ": "
            + escape(reason)
            + ". PagerDuty does not show this incident's state; check the integration.",
        false);
  }

  private void inChannel(long incidentId, String what, String text, boolean resolveButton) {
    work.forIncident(
        incidentId,
        what,
        () -> {
          Incident current = incidents.find(incidentId).orElseThrow();
          String channel = current.channelId().orElseThrow();
          if (resolveButton && current.isOpen()) {
            slack.post(
                channel,
                text,
                SlackBlocks.textWithButton(
                    text, IncidentActionIds.RESOLVE, "Resolve", Long.toString(incidentId)));
          } else {
            slack.post(channel, text);
          }
        });
  }
}
