package dev.sevzero.app;

import dev.sevzero.alerts.AlertIntake;
import dev.sevzero.alerts.SeverityMap;
import dev.sevzero.config.AlertSettings;
import dev.sevzero.http.Router;
import dev.sevzero.http.webhooks.AlertWebhook;
import dev.sevzero.http.webhooks.PagerDutyWebhook;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.Severity;
import dev.sevzero.incident.Transactions;
import dev.sevzero.metrics.Metrics;
import dev.sevzero.pagerduty.PagerDutyInbound;
import dev.sevzero.pagerduty.PagerDutyPages;
import dev.sevzero.pagerduty.client.InProcessPageQueue;
import dev.sevzero.pagerduty.client.PagerDutyEventsClient;
import dev.sevzero.persistence.Database;
import dev.sevzero.persistence.JdbcAlertGroups;
import dev.sevzero.persistence.JdbcPagerDutyRecords;
import dev.sevzero.slack.SlackMessenger;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.slack.incident.AlertNotices;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds alerts in and PagerDuty out (SPEC §10) from their settings: the alert endpoints when
 * {@code ALERTS_TOKEN} is set, the PagerDuty webhook when {@code PAGERDUTY_WEBHOOK_SECRET} is, and
 * the events when {@code PAGERDUTY_ROUTING_KEY} is. An endpoint that is not configured is not
 * routed, so it answers 404.
 */
final class AlertsAndPages implements AutoCloseable {

  private final Optional<InProcessPageQueue> pages;

  private AlertsAndPages(Optional<InProcessPageQueue> pages) {
    this.pages = pages;
  }

  static AlertsAndPages wire(
      AlertSettings settings,
      Database database,
      Transactions transactions,
      IncidentService incidents,
      SlackMessenger messenger,
      SlackWork work,
      Router router,
      Metrics metrics,
      Clock clock) {
    AlertNotices notices = new AlertNotices(messenger, incidents, work);
    incidents.addListener(notices);
    JdbcPagerDutyRecords records = new JdbcPagerDutyRecords(database);
    settings
        .alertsToken()
        .ifPresent(
            token -> {
              AlertIntake intake =
                  new AlertIntake(
                      incidents,
                      new JdbcAlertGroups(database),
                      transactions,
                      severityMap(settings.severityMap()),
                      new AlertIntake.Settings(settings.autoResolve(), settings.reopenWindow()),
                      clock);
              router.post(
                  AlertWebhook.ALERTMANAGER_PATH,
                  AlertWebhook.alertmanager(token, intake, metrics));
              router.post(
                  AlertWebhook.GRAFANA_PATH,
                  AlertWebhook.grafana(token, settings.grafanaWebhookSecret(), intake, metrics));
            });
    settings
        .pagerdutyWebhookSecret()
        .ifPresent(
            secret ->
                router.post(
                    PagerDutyWebhook.PATH,
                    new PagerDutyWebhook(
                        secret,
                        new PagerDutyInbound(
                            incidents,
                            records,
                            transactions,
                            settings.pagerdutyUserMap(),
                            clock))));
    Optional<InProcessPageQueue> pages =
        settings
            .pagerdutyRoutingKey()
            .map(
                routingKey -> {
                  PagerDutyEventsClient client =
                      new PagerDutyEventsClient(
                          settings.pagerdutyEventsUrl(),
                          routingKey,
                          id -> page(incidents, id),
                          metrics);
                  InProcessPageQueue queue = new InProcessPageQueue(client, notices::pageRefused);
                  incidents.addListener(new PagerDutyPages(queue, records));
                  return queue;
                });
    return new AlertsAndPages(pages);
  }

  /** What a trigger says of incident {@code id}: the incident, and its channel once it exists. */
  private static Optional<PagerDutyEventsClient.Page> page(IncidentService incidents, long id) {
    return incidents
        .find(id)
        .map(
            incident ->
                new PagerDutyEventsClient.Page(
                    incident,
                    incident
                        .channelId()
                        .map(channel -> "https://slack.com/app_redirect?channel=" + channel)));
  }

  private static SeverityMap severityMap(Map<String, String> codes) {
    Map<String, Severity> severities = new LinkedHashMap<>();
    codes.forEach((label, code) -> severities.put(label, Severity.parse(code).orElseThrow()));
    return new SeverityMap(severities);
  }

  @Override
  public void close() {
    pages.ifPresent(InProcessPageQueue::close);
  }
}
