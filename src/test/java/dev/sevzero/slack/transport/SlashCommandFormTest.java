package dev.sevzero.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import dev.sevzero.http.WebRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Our one-pass reading of a slash command must give Bolt's handlers exactly what Bolt's would. */
class SlashCommandFormTest {

  private final AppConfig config =
      AppConfig.builder().singleTeamBotToken("xoxb-test").signingSecret("secret").build();
  private final SlackRequestParser bolt = new SlackRequestParser(config);

  @Test
  void readsASlashCommandAsBoltDoes() {
    for (String text :
        List.of(
            "list",
            "declare sev1 Database down: 50% of writes fail & retries pile up",
            "update «café» — naïve 🔥 text with + and = signs",
            "note line one\nline two",
            "   spaced   out   ")) {
      assertSameAsBolt(body(Map.of("text", text)), "a=1&b=2", Map.of());
    }
  }

  @Test
  void leavesAnEmptyFieldUnsetAsBoltDoes() {
    String body = body(Map.of()).replace("text=list", "text=");

    SlashCommandRequest ours = assertSameAsBolt(body, null, Map.of());

    assertThat(ours.getPayload().getText()).isNull();
  }

  @Test
  void readsEnterpriseFieldsAndTheForwardedAddress() {
    String body =
        body(
            Map.of(
                "enterprise_id", "E123",
                "enterprise_name", "Acme",
                "is_enterprise_install", "TRUE"));

    SlashCommandRequest ours =
        assertSameAsBolt(body, null, Map.of("X-Forwarded-For", List.of("203.0.113.9")));

    assertThat(ours.getPayload().isEnterpriseInstall()).isTrue();
    assertThat(ours.getClientIpAddress()).isEqualTo("203.0.113.9");
  }

  @Test
  void leavesEverythingElseToBolt() {
    for (String body :
        List.of(
            "",
            "   ",
            "{\"type\":\"url_verification\",\"challenge\":\"x\"}",
            " {\"type\":\"event_callback\"}",
            "payload=" + encode("{\"type\":\"block_actions\"}"),
            "payload=" + encode("{\"type\":\"block_actions\"}") + "&command=%2Fincident",
            "ssl_check=1&token=abc",
            "token=abc&command=",
            "command=%2Fincident&text=%E2%28%ZZ")) {
      assertThat(SlashCommandForm.parse(body)).as(body).isEmpty();
    }
  }

  private SlashCommandRequest assertSameAsBolt(
      String body, String rawQuery, Map<String, List<String>> extraHeaders) {
    Map<String, List<String>> headers = new LinkedHashMap<>(extraHeaders);
    headers.put("Content-Type", List.of("application/x-www-form-urlencoded"));
    WebRequest request =
        new WebRequest(
            "POST",
            "/slack/events",
            rawQuery,
            headers,
            body.getBytes(StandardCharsets.UTF_8),
            "127.0.0.1");

    SlashCommandRequest ours = SlashCommandForm.request(request, body, config).orElseThrow();
    Request<?> theirs =
        bolt.parse(
            SlackRequestParser.HttpRequest.builder()
                .requestUri(request.path())
                .queryString(QueryStringParser.toMap(rawQuery))
                .headers(new RequestHeaders(headers))
                .requestBody(body)
                .remoteAddress(request.remoteAddress())
                .build());

    assertThat(theirs).isInstanceOf(SlashCommandRequest.class);
    assertThat(ours.getPayload()).isEqualTo(((SlashCommandRequest) theirs).getPayload());
    assertThat(ours.getContext()).usingRecursiveComparison().isEqualTo(theirs.getContext());
    assertThat(ours.getQueryString()).isEqualTo(theirs.getQueryString());
    assertThat(ours.getClientIpAddress()).isEqualTo(theirs.getClientIpAddress());
    assertThat(ours.getRequestBodyAsString()).isEqualTo(theirs.getRequestBodyAsString());
    return ours;
  }

  /** A slash command body as Slack sends it, with {@code overrides} replacing or adding fields. */
  private static String body(Map<String, String> overrides) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("token", "verification-token");
    fields.put("team_id", "T0FAKE");
    fields.put("team_domain", "sevzero");
    fields.put("channel_id", "C0GENERAL");
    fields.put("channel_name", "general");
    fields.put("user_id", "UALICE");
    fields.put("user_name", "alice");
    fields.put("command", "/incident");
    fields.put("text", "list");
    fields.put("api_app_id", "A0FAKE");
    fields.put("is_enterprise_install", "false");
    fields.put("response_url", "https://hooks.slack.com/commands/T0FAKE/1/abc");
    fields.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
    fields.putAll(overrides);
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
