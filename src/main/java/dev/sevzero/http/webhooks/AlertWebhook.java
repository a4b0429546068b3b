package dev.sevzero.http.webhooks;

import dev.sevzero.alerts.AlertIntake;
import dev.sevzero.alerts.AlertNotification;
import dev.sevzero.alerts.AlertSource;
import dev.sevzero.http.WebHandler;
import dev.sevzero.http.WebReply;
import dev.sevzero.http.WebRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /alerts/alertmanager} and {@code POST /alerts/grafana} (SPEC §10): checks the bearer
 * token (and Grafana's signature when a secret is set), reads the payload and hands it to the
 * {@link AlertIntake}. 401 and 400 store nothing; 503 when it could not be stored, so that the
 * sender retries (Alertmanager retries 5xx only).
 */
public final class AlertWebhook implements WebHandler {

  public static final String ALERTMANAGER_PATH = "/alerts/alertmanager";
  public static final String GRAFANA_PATH = "/alerts/grafana";
  static final String GRAFANA_SIGNATURE = "X-Grafana-Alerting-Signature";
  static final String GRAFANA_TIMESTAMP = "X-Grafana-Alerting-Timestamp";

  private static final Logger log = LoggerFactory.getLogger(AlertWebhook.class);

  private final AlertSource source;
  private final Function<String, AlertNotification> parser;
  private final String token;
  private final Optional<String> signingSecret;
  private final AlertIntake intake;
  private final BiConsumer<String, String> counted;

  private AlertWebhook(
      AlertSource source,
      Function<String, AlertNotification> parser,
      String token,
      Optional<String> signingSecret,
      AlertIntake intake,
      BiConsumer<String, String> counted) {
    this.source = source;
    this.parser = parser;
    this.token = token;
    this.signingSecret = signingSecret;
    this.intake = intake;
    this.counted = counted;
  }

  public static AlertWebhook alertmanager(
      String token, AlertIntake intake, BiConsumer<String, String> counted) {
    return new AlertWebhook(
        AlertSource.ALERTMANAGER,
        AlertPayloads::alertmanager,
        token,
        Optional.empty(),
        intake,
        counted);
  }

  public static AlertWebhook grafana(
      String token,
      Optional<String> signingSecret,
      AlertIntake intake,
      BiConsumer<String, String> counted) {
    return new AlertWebhook(
        AlertSource.GRAFANA, AlertPayloads::grafana, token, signingSecret, intake, counted);
  }

  @Override
  public WebReply handle(WebRequest request) {
    Answer answer = answer(request);
    counted.accept(source.code(), answer.outcome());
    return answer.reply();
  }

  /** A reply and the metric's outcome: what the intake did, or why it was refused. */
  private record Answer(WebReply reply, String outcome) {}

  private Answer answer(WebRequest request) {
    if (!Hmac.bearer(token, request.header("Authorization"))) {
      return new Answer(Replies.error(401, "missing or wrong bearer token"), "unauthorized");
    }
    if (signingSecret.isPresent() && !signed(signingSecret.get(), request)) {
      return new Answer(
          Replies.error(401, "missing or wrong " + GRAFANA_SIGNATURE), "unauthorized");
    }
    AlertNotification notification;
    try {
      notification = parser.apply(new String(request.body(), StandardCharsets.UTF_8));
    } catch (InvalidAlertPayload e) {
      log.info("{} notification refused: {}", source.displayName(), e.getMessage());
      return new Answer(Replies.error(400, e.getMessage()), "invalid");
    }
    AlertIntake.Outcome outcome;
    try {
      outcome = intake.receive(notification);
    } catch (RuntimeException e) {
      log.warn(
          "{} notification for a group could not be stored; answering 503 so that it is sent"
              + " again",
          source.displayName(),
          e);
      return new Answer(
          Replies.error(503, "could not store the notification now; send it again"), "unavailable");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("outcome", outcome.result().code());
    outcome.incident().ifPresent(incident -> fields.put("incident", incident.key()));
    return new Answer(Replies.ok(fields), outcome.result().code());
  }

  /**
   * Grafana signs the body, or {@code timestamp:body} when it sends a timestamp header; the
   * signature is hex.
   */
  private static boolean signed(String secret, WebRequest request) {
    String timestamp = request.header(GRAFANA_TIMESTAMP);
    String expected =
        timestamp == null
            ? Hmac.sha256Hex(secret, request.body())
            : Hmac.sha256Hex(
                secret, (timestamp + ":").getBytes(StandardCharsets.UTF_8), request.body());
    String given = request.header(GRAFANA_SIGNATURE);
    return Hmac.same(
        expected, given == null ? null : given.strip().toLowerCase(java.util.Locale.ROOT));
  }
}
