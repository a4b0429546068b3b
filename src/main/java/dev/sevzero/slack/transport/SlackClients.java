package dev.sevzero.slack.transport;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.util.http.SlackHttpClient;
import dev.sevzero.metrics.Metrics;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;

/** Builds the SDK entry point that every Slack call of the process goes through. */
public final class SlackClients {

  private SlackClients() {}

  /** OkHttp's default: idle connections beyond this many are closed after each burst. */
  private static final int OKHTTP_DEFAULT_IDLE = 5;

  /**
   * A {@link Slack} whose Web API calls, {@code apps.connections.open} (hence Socket Mode)
   * included, go to {@code apiUrl} (e.g. {@code https://slack.com/api/} or a fake Slack's).
   */
  public static Slack create(String apiUrl) {
    return create(apiUrl, OKHTTP_DEFAULT_IDLE);
  }

  /**
   * As {@link #create(String)}, keeping up to {@code idleConnections} connections to Slack open
   * between calls: as many as calls run at once, or every burst of Slack work closes the extra ones
   * and opens (and TLS-handshakes) them again on the next.
   */
  public static Slack create(String apiUrl, int idleConnections) {
    return create(apiUrl, idleConnections, Metrics.NONE);
  }

  /** As {@link #create(String, int)}, counting every call in {@code metrics}. */
  public static Slack create(String apiUrl, int idleConnections, Metrics metrics) {
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
    SlackHttpClient http =
        new SlackHttpClient(
            SlackHttpClient.buildOkHttpClient(config)
                .newBuilder()
                .connectionPool(new ConnectionPool(idleConnections, 5, TimeUnit.MINUTES))
                .addInterceptor(new SlackCallMetrics(metrics))
                .eventListener(new RequestSent())
                .build());
    return Slack.getInstance(config, http);
  }

  /** The bot's Web API client on {@code slack}, parsing answers without per-call overhead. */
  public static MethodsClient methods(Slack slack, String botToken) {
    return new SharedGsonMethodsClient(slack.getHttpClient(), botToken);
  }
}
