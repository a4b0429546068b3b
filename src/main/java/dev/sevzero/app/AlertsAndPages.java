package dev.sevzero.app;

import dev.sevzero.alerts.AlertIntake;
import dev.sevzero.alerts.SeverityMap;
import dev.sevzero.config.AlertSettings;
import dev.sevzero.deliveries.DeliveryHandler;
import dev.sevzero.deliveries.Outbox;
import dev.sevzero.http.Router;
import dev.sevzero.http.webhooks.AlertWebhook;
import dev.sevzero.http.webhooks.PagerDutyWebhook;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.Severity;
import dev.sevzero.incident.Transactions;
import dev.sevzero.metrics.Metrics;
import dev.sevzero.pagerduty.PagerDutyInbound;
import dev.sevzero.pagerduty.PagerDutyPages;
import dev.sevzero.pagerduty.client.PagerDutyDeliveries;
import dev.sevzero.pagerduty.client.PagerDutyEventsClient;
import dev.sevzero.persistence.Database;
import dev.sevzero.persistence.JdbcAlertGroups;
import dev.sevzero.persistence.JdbcPagerDutyRecords;
import dev.sevzero.slack.delivery.SlackOutbox;
import dev.sevzero.slack.incident.AlertNotices;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Builds alerts in and PagerDuty out (SPEC §10) from their settings: the events when {@code
 * PAGERDUTY_ROUTING_KEY} is set, the alert endpoints when {@code ALERTS_TOKEN} is, the PagerDuty
 * webhook when {@code PAGERDUTY_WEBHOOK_SECRET} is. An endpoint that is not configured is not
 * routed, so it answers 404.
 */
final class AlertsAndPages {

  private final AlertSettings settings;
  private final Database database;
  private final IncidentService incidents;
  private final Metrics metrics;
  private final JdbcPagerDutyRecords records;

  AlertsAndPages(
      AlertSettings settings, Database database, IncidentService incidents, Metrics metrics) {
    this.settings = settings;
    this.database = database;
    this.incidents = incidents;
    this.metrics = metrics;
    this.records = new JdbcPagerDutyRecords(database);
  }

  /**
   * What incidents promise: alert news in their channels, PagerDuty events as deliveries. Before
   * the dispatcher is built, which takes the handlers as they are then.
   */
  void subscribe(SlackOutbox slack, Outbox outbox, Map<String, DeliveryHandler> handlers) {
    incidents.subscribe(new AlertNotices(slack));
    settings
        .pagerdutyRoutingKey()
        .ifPresent(
            routingKey -> {
              PagerDutyDeliveries pages =
                  new PagerDutyDeliveries(
                      outbox,
                      new PagerDutyEventsClient(
                          settings.pagerdutyEventsUrl(),
                          routingKey,
                          this::page,
                          (action, outcome) ->
                              metrics.externalCall(Metrics.Target.PAGERDUTY, action, outcome)),
                      AlertNotices::pageRefused,
                      id -> outbox.pending(SlackOutbox.CREATE_CHANNEL, id));
              handlers.put(PagerDutyDeliveries.KIND, pages);
              incidents.subscribe(new PagerDutyPages(pages, records));
            });
  }

  /** The webhooks that are configured. */
  void route(Router router, Transactions transactions, Clock clock) {
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
                  AlertWebhook.alertmanager(token, intake, metrics::alertReceived));
              router.post(
                  AlertWebhook.GRAFANA_PATH,
                  AlertWebhook.grafana(
                      token, settings.grafanaWebhookSecret(), intake, metrics::alertReceived));
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
  }

  /** What a trigger says of incident {@code id}: the incident, and its channel once it exists. */
  private Optional<PagerDutyEventsClient.Page> page(long id) {
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
}
