package dev.sevzero.fakeslack;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers to an HTTP-mode app the way Slack does: slash commands as a form, interactions as {@code
 * payload=<json>}, signed with v0 HMAC-SHA256; the response body is the ack.
 */
final class HttpDelivery implements Delivery {
  private final URI endpoint;
  private final String signingSecret;
  private final Clock clock;
  private final HttpClient http = HttpClient.newHttpClient();

  HttpDelivery(URI endpoint, String signingSecret, Clock clock) {
    this.endpoint = endpoint;
    this.signingSecret = signingSecret;
    this.clock = clock;
  }

  @Override
  public Ack deliver(String type, JsonObject payload, Duration timeout) {
    String body =
        type.equals("slash_commands") ? form(payload) : form(Map.of("payload", payload.toString()));
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Slack-Request-Timestamp", timestamp)
            .header("X-Slack-Signature", sign(signingSecret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Ack.NONE;
      }
      String text = response.body().trim();
      return new Ack(true, text.startsWith("{") ? Json.parse(text).getAsJsonObject() : null);
    } catch (IOException e) {
      return Ack.NONE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Ack.NONE;
    }
  }

  /** {@code v0=hex(HMAC-SHA256(secret, "v0:" + timestamp + ":" + body))}. */
  static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String form(JsonObject fields) {
    StringJoiner out = new StringJoiner("&");
    for (Map.Entry<String, JsonElement> e : fields.entrySet()) {
      String v =
          e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString();
      out.add(encode(e.getKey()) + "=" + encode(v));
    }
    return out.toString();
  }

  private static String form(Map<String, String> fields) {
    StringJoiner out = new StringJoiner("&");
    fields.forEach((k, v) -> out.add(encode(k) + "=" + encode(v)));
    return out.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
