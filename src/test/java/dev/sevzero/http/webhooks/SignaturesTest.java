package dev.sevzero.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.sevzero.alerts.AlertIntake;
import dev.sevzero.http.WebRequest;
import dev.sevzero.pagerduty.PagerDutyInbound;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Tokens and signatures, with fixed test vectors. */
class SignaturesTest {

  private static final String GRAFANA_BODY =
      "{\"version\":\"1\",\"orgId\":1,\"groupKey\":\"g\",\"status\":\"firing\",\"alerts\":["
          + "{\"status\":\"firing\",\"labels\":{\"alertname\":\"A\"},\"startsAt\":"
          + "\"2026-11-24T10:00:00Z\",\"fingerprint\":\"f1\"}]}";

  @Test
  void hmacSha256MatchesTheKnownVector() {
    // The widely published example: HMAC_SHA256("key", "The quick brown fox jumps over the lazy
    // dog")
    assertThat(
            Hmac.sha256Hex(
                "key",
                "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
  }

  @Test
  void bearerTokensMustMatchExactly() {
    assertThat(Hmac.bearer("s3cret", "Bearer s3cret")).isTrue();
    assertThat(Hmac.bearer("s3cret", "bearer s3cret")).isTrue();
    assertThat(Hmac.bearer("s3cret", "Bearer s3cre")).isFalse();
    assertThat(Hmac.bearer("s3cret", "Basic s3cret")).isFalse();
    assertThat(Hmac.bearer("s3cret", null)).isFalse();
  }

  @Test
  void pagerDutyAcceptsAnyOfSeveralSignaturesDuringARotation() {
    PagerDutyInbound inbound = mock(PagerDutyInbound.class);
    when(inbound.receive(any())).thenReturn(PagerDutyInbound.Result.IGNORED);
    PagerDutyWebhook webhook = new PagerDutyWebhook("new-secret", inbound);
    String body = "{\"event\":{\"id\":\"E1\",\"event_type\":\"incident.triggered\",\"data\":{}}}";
    String good = PagerDutyWebhook.signature("new-secret", bytes(body));
    String old = PagerDutyWebhook.signature("old-secret", bytes(body));

    assertThat(good).isEqualTo("v1=" + Hmac.sha256Hex("new-secret", bytes(body)));
    assertThat(webhook.handle(request(body, PagerDutyWebhook.SIGNATURE, old + "," + good)).status())
        .isEqualTo(200);
    assertThat(webhook.handle(request(body, PagerDutyWebhook.SIGNATURE, old)).status())
        .isEqualTo(401);
    assertThat(webhook.handle(request(body + " ", PagerDutyWebhook.SIGNATURE, good)).status())
        .isEqualTo(401);
  }

  @Test
  void grafanaSignsTheBodyOrTheTimestampAndBody() {
    AlertIntake intake = mock(AlertIntake.class);
    when(intake.receive(any()))
        .thenReturn(new AlertIntake.Outcome(AlertIntake.Result.UNCHANGED, Optional.empty()));
    AlertWebhook webhook =
        AlertWebhook.grafana("tok", Optional.of("graf"), intake, (source, outcome) -> {});
    String overBody = Hmac.sha256Hex("graf", bytes(GRAFANA_BODY));
    String overTimestamp = Hmac.sha256Hex("graf", bytes("1764000000:"), bytes(GRAFANA_BODY));

    assertThat(webhook.handle(grafana(overBody, null)).status()).isEqualTo(200);
    assertThat(webhook.handle(grafana(overTimestamp, "1764000000")).status()).isEqualTo(200);
    assertThat(webhook.handle(grafana(overBody, "1764000000")).status()).isEqualTo(401);
    assertThat(webhook.handle(grafana(null, null)).status()).isEqualTo(401);
  }

  @Test
  void aBadBodyIsA400NamingTheProblemAndStoresNothing() {
    AlertIntake intake = mock(AlertIntake.class);
    AlertWebhook webhook = AlertWebhook.alertmanager("tok", intake, (source, outcome) -> {});

    var reply =
        webhook.handle(
            request("{\"version\":\"4\",\"groupKey\":\"g\"}", "Authorization", "Bearer tok"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("status: missing");
    verify(intake, never()).receive(any());
  }

  private static WebRequest grafana(String signature, String timestamp) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put("Authorization", List.of("Bearer tok"));
    if (signature != null) {
      headers.put(AlertWebhook.GRAFANA_SIGNATURE, List.of(signature));
    }
    if (timestamp != null) {
      headers.put(AlertWebhook.GRAFANA_TIMESTAMP, List.of(timestamp));
    }
    return new WebRequest(
        "POST", "/alerts/grafana", null, headers, bytes(GRAFANA_BODY), "127.0.0.1");
  }

  private static WebRequest request(String body, String header, String value) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.put(header, List.of(value));
    return new WebRequest("POST", "/", null, headers, bytes(body), "127.0.0.1");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
