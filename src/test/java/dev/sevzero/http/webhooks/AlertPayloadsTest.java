package dev.sevzero.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.alerts.Alert;
import dev.sevzero.alerts.AlertNotification;
import dev.sevzero.alerts.AlertSource;
import dev.sevzero.alerts.SeverityMap;
import dev.sevzero.incident.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Payloads shaped like the documented examples of Alertmanager (v4) and Grafana (v1). */
class AlertPayloadsTest {

  static String fixture(String name) {
    try (InputStream in = AlertPayloadsTest.class.getResourceAsStream("/alerts/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readsAlertmanagersPayload() {
    AlertNotification notification =
        AlertPayloads.alertmanager(fixture("alertmanager-firing.json"));

    assertThat(notification.source()).isEqualTo(AlertSource.ALERTMANAGER);
    assertThat(notification.groupKey())
        .isEqualTo("{}/{severity=\"critical\"}:{alertname=\"HighLatency\"}");
    assertThat(notification.firing()).isTrue();
    assertThat(notification.title()).isEqualTo("Checkout p99 latency above 2s");
    assertThat(notification.severityLabel()).contains("critical");
    assertThat(notification.alerts())
        .extracting(Alert::fingerprint)
        .containsExactly("5f0e2a9c1b7d3e44", "a81c33f0d2e95b17");
    // The earliest start, across zones: 09:52:26+01:00 is 08:52:26Z, before 08:55Z.
    assertThat(notification.detectedAt()).contains(Instant.parse("2026-11-24T08:52:26.739266876Z"));
    assertThat(notification.description())
        .contains("From Alertmanager alert")
        .contains("service=checkout")
        .contains("http://prometheus.example.net:9090/graph");
  }

  @Test
  void readsGrafanasPayloadAndIgnoresItsExtraFields() {
    AlertNotification notification = AlertPayloads.grafana(fixture("grafana-firing.json"));

    assertThat(notification.source()).isEqualTo(AlertSource.GRAFANA);
    assertThat(notification.groupKey()).isEqualTo("{}:{alertname=\"Disk almost full\"}");
    // No summary: the alert name, with the instance it is about.
    assertThat(notification.title()).isEqualTo("Disk almost full on db-3");
    assertThat(notification.severityLabel()).contains("warning");
    assertThat(notification.detectedAt()).contains(Instant.parse("2026-11-24T08:01:03.157076Z"));
  }

  @Test
  void aResolvedGroupHasNoStart() {
    String resolved =
        fixture("alertmanager-firing.json")
            .replace("\"status\": \"firing\"", "\"status\": \"resolved\"");

    AlertNotification notification = AlertPayloads.alertmanager(resolved);

    assertThat(notification.firing()).isFalse();
    assertThat(notification.firingAlerts()).isEmpty();
    assertThat(notification.detectedAt()).isEmpty();
  }

  @Test
  void namesTheFieldThatIsWrong() {
    String body = fixture("alertmanager-firing.json");
    assertThatThrownBy(() -> AlertPayloads.alertmanager("nope {"))
        .hasMessage("the body is not JSON");
    assertThatThrownBy(() -> AlertPayloads.alertmanager("[]"))
        .hasMessage("the body is not a JSON object");
    assertThatThrownBy(() -> AlertPayloads.alertmanager(body.replace("\"4\"", "\"3\"")))
        .hasMessage("version: expected \"4\", got \"3\"");
    assertThatThrownBy(
            () ->
                AlertPayloads.alertmanager(
                    body.replace("\"startsAt\": \"2026-11-24T08:55:00Z\"", "\"startsAt\": 5")))
        .hasMessage("alerts[1].startsAt: expected a string");
    assertThatThrownBy(
            () -> AlertPayloads.alertmanager(body.replace("2026-11-24T08:55:00Z", "yesterday")))
        .hasMessageStartingWith("alerts[1].startsAt: expected an RFC 3339 time");
    assertThatThrownBy(
            () ->
                AlertPayloads.alertmanager(
                    body.replace("\"fingerprint\": \"a81c33f0d2e95b17\"", "\"other\": \"x\"")))
        .hasMessage("alerts[1].fingerprint: missing");
    assertThatThrownBy(
            () ->
                AlertPayloads.alertmanager(
                    body.replaceFirst("\"status\": \"firing\"", "\"status\": \"burning\"")))
        .hasMessage("status: expected \"firing\" or \"resolved\", got \"burning\"");
    assertThatThrownBy(
            () ->
                AlertPayloads.alertmanager(
                    "{\"version\":\"4\",\"groupKey\":\"g\",\"status\":\"firing\",\"alerts\":[]}"))
        .hasMessage("alerts: expected at least one alert");
    assertThatThrownBy(
            () ->
                AlertPayloads.grafana(
                    fixture("grafana-firing.json").replace("\"orgId\": 1", "\"orgId\": \"one\"")))
        .hasMessage("orgId: expected a number");
    assertThatThrownBy(() -> AlertPayloads.grafana(body))
        .hasMessage("version: expected \"1\", got \"4\"");
  }

  @Test
  void mapsTheSeverityLabel() {
    SeverityMap map = new SeverityMap(Map.of("critical", Severity.SEV0, "warning", Severity.SEV2));

    assertThat(map.severityOf(Optional.of("critical"))).isEqualTo(Severity.SEV0);
    assertThat(map.severityOf(Optional.of("CRITICAL "))).isEqualTo(Severity.SEV0);
    assertThat(map.severityOf(Optional.of("weird"))).isEqualTo(SeverityMap.UNMAPPED);
    assertThat(map.severityOf(Optional.empty())).isEqualTo(SeverityMap.UNMAPPED);
  }
}
