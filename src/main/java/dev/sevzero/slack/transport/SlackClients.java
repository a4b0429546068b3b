package dev.sevzero.slack.transport;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import java.util.ArrayList;

/** Builds the SDK entry point that every Slack call of the process goes through. */
public final class SlackClients {

  private SlackClients() {}

  /**
   * A {@link Slack} whose Web API calls, {@code apps.connections.open} (hence Socket Mode)
   * included, go to {@code apiUrl} (e.g. {@code https://slack.com/api/} or a fake Slack's).
   */
  public static Slack create(String apiUrl) {
    // SlackConfig.DEFAULT is immutable, so start from a fresh one.
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl.endsWith("/") ? apiUrl : apiUrl + "/");
    // The default listeners log request bodies at DEBUG, and a request body carries the token
    // (token=xoxb-…); without them nothing the SDK sends or receives is written to the log.
    config.setHttpClientResponseHandlers(new ArrayList<>());
    config.setPrettyResponseLoggingEnabled(false);
    // Per-call statistics for the SDK's async client's rate limiter, which we do not use; keeping
    // them copies a list on every call.
    config.getMethodsConfig().setStatsEnabled(false);
    return Slack.getInstance(config);
  }

  /** The bot's Web API client on {@code slack}, parsing answers without per-call overhead. */
  public static MethodsClient methods(Slack slack, String botToken) {
    return new SharedGsonMethodsClient(slack.getHttpClient(), botToken);
  }
}
