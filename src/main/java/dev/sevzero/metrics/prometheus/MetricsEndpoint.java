package dev.sevzero.metrics.prometheus;

import dev.sevzero.http.WebHandler;
import dev.sevzero.http.WebReply;
import dev.sevzero.http.WebRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /metrics}: the Prometheus text exposition; with {@code METRICS_TOKEN} set, only for a
 * request that carries it as its bearer token (401 otherwise).
 */
public final class MetricsEndpoint implements WebHandler {

  public static final String PATH = "/metrics";
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMetrics metrics;
  private final Optional<byte[]> expectedAuthorization;

  public MetricsEndpoint(PrometheusMetrics metrics, Optional<String> token) {
    this.metrics = metrics;
    this.expectedAuthorization =
        token.map(value -> ("Bearer " + value).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public WebReply handle(WebRequest request) {
    if (expectedAuthorization.isPresent() && !authorized(request.header("Authorization"))) {
      return WebReply.text(401, "a bearer token is required")
          .withHeader("WWW-Authenticate", "Bearer");
    }
    return new WebReply(
        200, CONTENT_TYPE, Map.of(), metrics.scrape().getBytes(StandardCharsets.UTF_8));
  }

  /** Compares in constant time, so the answer's timing says nothing about the token. */
  private boolean authorized(String authorization) {
    byte[] given =
        authorization == null ? new byte[0] : authorization.getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expectedAuthorization.orElseThrow());
  }
}
