package dev.sevzero.slack.transport;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.sevzero.http.WebHandler;
import dev.sevzero.http.WebReply;
import dev.sevzero.http.WebRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP mode's {@code POST /slack/events}: Slack's slash commands, interactions and events. A
 * request runs the Bolt app only after its signature and timestamp pass {@link SlackSignature};
 * otherwise it gets 401.
 */
public final class SlackEvents implements WebHandler {

  public static final String PATH = "/slack/events";

  private static final Logger log = LoggerFactory.getLogger(SlackEvents.class);

  private final App app;
  private final SlackSignature signature;
  private final SlackRequestParser parser;

  /** {@code app} must be started (Bolt's auth.test) before requests come in. */
  public SlackEvents(App app, String signingSecret, Clock clock) {
    this.app = app;
    this.signature = new SlackSignature(signingSecret, clock);
    this.parser = new SlackRequestParser(app.config());
  }

  @Override
  public WebReply handle(WebRequest request) {
    if (!signature.verify(
        request.header("X-Slack-Request-Timestamp"),
        request.header("X-Slack-Signature"),
        request.body())) {
      // Says nothing about which check failed: that would help whoever is probing.
      log.warn("Rejected a request to {} with a bad signature or stale timestamp", PATH);
      return WebReply.text(401, "invalid request signature");
    }
    Request<?> boltRequest =
        parse(request, request.headers(), new String(request.body(), StandardCharsets.UTF_8));
    if (boltRequest == null) {
      return WebReply.text(400, "unsupported request");
    }
    Response response = run(boltRequest);
    return new WebReply(
        response.getStatusCode(),
        response.getContentType(),
        response.getHeaders() == null ? Map.of() : response.getHeaders(),
        response.getBody() == null ? null : response.getBody().getBytes(StandardCharsets.UTF_8));
  }

  private Request<?> parse(WebRequest request, Map<String, List<String>> headers, String body) {
    Optional<SlashCommandRequest> command = SlashCommandForm.request(request, body, app.config());
    if (command.isPresent()) {
      return command.get();
    }
    return parser.parse(
        SlackRequestParser.HttpRequest.builder()
            .requestUri(request.path())
            .queryString(QueryStringParser.toMap(request.rawQuery()))
            .headers(new RequestHeaders(headers))
            .requestBody(body)
            .remoteAddress(request.remoteAddress())
            .build());
  }

  private Response run(Request<?> request) {
    try {
      return app.run(request);
    } catch (Exception e) {
      // Bolt turns handler exceptions into responses itself; this is a failure around them.
      log.error("Bolt app failed on a {} request", request.getRequestType(), e);
      return Response.builder().statusCode(500).body("").build();
    }
  }
}
