package dev.sevzero.slack.transport;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.util.QueryStringParser;
import dev.sevzero.http.WebRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A slash command's form body ({@code token=…&command=%2Fincident&text=…}) read in one pass.
 *
 * <p>Bolt reads the same body three times (looking for an interaction's {@code payload=}, looking
 * for {@code command=}, then parsing it), and compiles a regular expression for every field each
 * time: about a third of the CPU that a {@code /incident list} costs under load (bench/README,
 * "Peer"). This fills the same {@link SlashCommandPayload} Bolt would, field for field, including
 * Bolt's rule that a field with an empty value stays unset.
 */
final class SlashCommandForm {

  private SlashCommandForm() {}

  /**
   * The request Bolt's parser would make of {@code request} when it is a slash command (the same
   * payload, context, query and client address); empty otherwise.
   */
  static Optional<SlashCommandRequest> request(WebRequest request, String body, AppConfig config) {
    Optional<SlashCommandPayload> payload = parse(body);
    if (payload.isEmpty()) {
      return Optional.empty();
    }
    RequestHeaders headers = new RequestHeaders(request.headers());
    SlashCommandRequest command = new SlashCommandRequest(body, payload.get(), headers);
    command.updateContext(config);
    if (request.rawQuery() != null) {
      command.getQueryString().putAll(QueryStringParser.toMap(request.rawQuery()));
    }
    String forwardedFor = headers.getFirstValue("X-Forwarded-For");
    command.setClientIpAddress(forwardedFor != null ? forwardedFor : request.remoteAddress());
    return Optional.of(command);
  }

  /**
   * The slash command in {@code body}; empty when it is not one (JSON, an interaction's {@code
   * payload=}, no {@code command=}) or cannot be decoded, for Bolt's own parser to handle.
   */
  static Optional<SlashCommandPayload> parse(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    char first = body.stripLeading().charAt(0);
    if (first == '{' || first == '[') {
      return Optional.empty();
    }
    SlashCommandPayload payload = new SlashCommandPayload();
    boolean command = false;
    int start = 0;
    while (start <= body.length()) {
      int end = body.indexOf('&', start);
      if (end < 0) {
        end = body.length();
      }
      int equals = body.indexOf('=', start);
      if (equals > start && equals < end - 1) {
        String name;
        String value;
        try {
          name = URLDecoder.decode(body.substring(start, equals).strip(), StandardCharsets.UTF_8);
          value = URLDecoder.decode(body.substring(equals + 1, end), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
          return Optional.empty();
        }
        if (name.equals("payload")) {
          return Optional.empty();
        }
        command |= name.equals("command");
        set(payload, name, value);
      }
      start = end + 1;
    }
    return command ? Optional.of(payload) : Optional.empty();
  }

  private static void set(SlashCommandPayload payload, String name, String value) {
    switch (name) {
      case "token" -> payload.setToken(value);
      case "team_id" -> payload.setTeamId(value);
      case "team_domain" -> payload.setTeamDomain(value);
      case "enterprise_id" -> payload.setEnterpriseId(value);
      case "enterprise_name" -> payload.setEnterpriseName(value);
      case "api_app_id" -> payload.setApiAppId(value);
      case "channel_id" -> payload.setChannelId(value);
      case "channel_name" -> payload.setChannelName(value);
      case "user_id" -> payload.setUserId(value);
      case "user_name" -> payload.setUserName(value);
      case "command" -> payload.setCommand(value);
      case "text" -> payload.setText(value);
      case "response_url" -> payload.setResponseUrl(value);
      case "trigger_id" -> payload.setTriggerId(value);
      case "is_enterprise_install" ->
          payload.setEnterpriseInstall(value.strip().equalsIgnoreCase("true"));
      default -> {
        // Fields Slack may add later: Bolt ignores them too.
      }
    }
  }
}
