package dev.sevzero.slack.transport;

import dev.sevzero.metrics.Metrics;
import java.io.IOException;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts every Web API call the SDK makes, by method and outcome: {@code ok}, {@code error} (HTTP
 * 200 with {@code "ok":false}), {@code rate_limited} (429), {@code server_error} (5xx), {@code
 * client_error} (other 4xx) or {@code io_error} (no answer).
 */
final class SlackCallMetrics implements Interceptor {

  /** Slack's method names: a label with a small fixed set of values. */
  private static final Pattern METHOD = Pattern.compile("[a-z]+(\\.[a-zA-Z]+)+");

  /** Slack puts {@code ok} first in every answer: this many bytes say whether it is false. */
  private static final long OK_PREFIX_BYTES = 16;

  private final Metrics metrics;

  SlackCallMetrics(Metrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    String method = method(chain.request().url().pathSegments());
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      metrics.externalCall(Metrics.Target.SLACK, method, "io_error");
      throw e;
    }
    metrics.externalCall(Metrics.Target.SLACK, method, outcome(response));
    return response;
  }

  private static String method(java.util.List<String> segments) {
    String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    return METHOD.matcher(last).matches() ? last : "other";
  }

  private static String outcome(Response response) throws IOException {
    int status = response.code();
    if (status == 429) {
      return "rate_limited";
    }
    if (status >= 500) {
      return "server_error";
    }
    if (status >= 400) {
      return "client_error";
    }
    String start = response.peekBody(OK_PREFIX_BYTES).string().replace(" ", "");
    return start.startsWith("{\"ok\":false") ? "error" : "ok";
  }
}
