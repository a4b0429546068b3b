package dev.sevzero.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.app.Sevzero;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GET /metrics of a running bot, every line of the Prometheus text format parsed. */
final class MetricsScrape {

  /** A comment line: HELP or TYPE of a metric name. */
  private static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) [a-zA-Z_:][\\w:]* .*");

  /** A sample: name, optional labels, value, optional timestamp. */
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][\\w:]*)(\\{(?:[a-zA-Z_]\\w*=\"(?:[^\"\\\\]|\\\\.)*\",?)*\\})?"
              + " (-?[0-9.eE+-]+|NaN|\\+Inf|-Inf)( -?\\d+)?");

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private MetricsScrape() {}

  /**
   * @param authorization the Authorization header, or {@code null} for none
   */
  static HttpResponse<String> get(Sevzero bot, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bot.port() + "/metrics"));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Samples by name and labels ({@code name{a="x",b="y"}} as exposed); fails on any bad line. */
  static Map<String, Double> samples(Sevzero bot, String authorization) throws Exception {
    HttpResponse<String> response = get(bot, authorization);
    assertThat(response.statusCode()).isEqualTo(200);
    Map<String, Double> samples = new HashMap<>();
    for (String line : response.body().split("\n")) {
      if (line.isEmpty() || COMMENT.matcher(line).matches()) {
        continue;
      }
      Matcher sample = SAMPLE.matcher(line);
      assertThat(sample.matches()).as("a Prometheus sample line: %s", line).isTrue();
      String key = sample.group(1) + (sample.group(2) == null ? "" : sample.group(2));
      assertThat(samples).as("one sample per series: %s", key).doesNotContainKey(key);
      samples.put(key, value(sample.group(3)));
    }
    assertThat(samples).as("samples in the scrape").isNotEmpty();
    return samples;
  }

  private static double value(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }
}
