package dev.sevzero.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The files under deploy/ parse, set only variables the bot reads, and query only metrics it
 * exports: a typo there would show up only in someone's cluster.
 */
class DeployFilesTest {

  private static final Path DEPLOY = Path.of("deploy");

  /** A variable name passed to the configuration reader: {@code in.port("PORT", …)}. */
  private static final Pattern READ_VARIABLE = Pattern.compile("\\(\\s*\"([A-Z][A-Z0-9_]+)\"");

  /** What bin/sevzero (the image's entrypoint) reads: {@code ${SEVZERO_JAVA_OPTS:-}}. */
  private static final Pattern SCRIPT_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)");

  /** A metric named in PromQL. */
  private static final Pattern METRIC = Pattern.compile("\\b((?:sevzero|jvm|process)_\\w+|up)\\b");

  @Test
  void theComposeFileSetsOnlyVariablesTheBotReads() throws IOException {
    Map<String, Object> compose = yaml(DEPLOY.resolve("docker-compose.yml"));
    Map<String, Object> services = map(compose.get("services"));
    assertThat(services).containsKeys("postgres", "sevzero-1", "sevzero-2", "prometheus");
    for (String replica : List.of("sevzero-1", "sevzero-2")) {
      Map<String, Object> environment = map(map(services.get(replica)).get("environment"));
      assertThat(botVariables()).as(replica).containsAll(environment.keySet());
      assertThat(environment).containsKeys("SLACK_BOT_TOKEN", "DATABASE_URL", "METRICS_TOKEN");
    }
  }

  @Test
  void theKubernetesManifestsParseAndUseOnlyVariablesTheBotReads() throws IOException {
    Map<String, Object> secret = yaml(DEPLOY.resolve("kubernetes/secret.yaml"));
    Set<String> secretKeys = map(secret.get("stringData")).keySet();
    Map<String, Object> deployment = yaml(DEPLOY.resolve("kubernetes/deployment.yaml"));
    Map<String, Object> spec = map(deployment.get("spec"));
    assertThat(spec.get("replicas")).isEqualTo(2);
    Map<String, Object> container =
        map(list(map(map(spec.get("template")).get("spec")).get("containers")).get(0));
    List<String> names = new ArrayList<>();
    for (Object variable : list(container.get("env"))) {
      Map<String, Object> env = map(variable);
      names.add((String) env.get("name"));
      if (env.containsKey("valueFrom")) {
        Map<String, Object> ref = map(map(env.get("valueFrom")).get("secretKeyRef"));
        assertThat(secretKeys).as("Secret keys").contains((String) ref.get("key"));
      }
    }
    assertThat(botVariables()).containsAll(names);
    assertThat(secretKeys).as("tokens come from the Secret").allMatch(names::contains);
    assertThat(map(map(container.get("livenessProbe")).get("httpGet")).get("path"))
        .isEqualTo("/livez");
    assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path"))
        .isEqualTo("/readyz");
    assertThat(map(map(container.get("resources")).get("requests"))).containsKey("memory");
    Map<String, Object> service = yaml(DEPLOY.resolve("kubernetes/service.yaml"));
    assertThat(service.get("kind")).isEqualTo("Service");
  }

  @Test
  void theAlertRulesParseAndNameExportedMetrics() throws IOException {
    Map<String, Object> rules = yaml(DEPLOY.resolve("prometheus/alerts.yml"));
    List<String> expressions = new ArrayList<>();
    Set<String> alerts = new TreeSet<>();
    for (Object group : list(rules.get("groups"))) {
      for (Object rule : list(map(group).get("rules"))) {
        alerts.add((String) map(rule).get("alert"));
        expressions.add((String) map(rule).get("expr"));
      }
    }
    assertThat(alerts)
        .contains(
            "SevzeroDown", "SevzeroDeliveriesStuck", "SevzeroSchedulerLag", "SevzeroSlackErrors");
    assertNamesExportedMetricsOnly(expressions);
    Map<String, Object> prometheus = yaml(DEPLOY.resolve("prometheus/prometheus.yml"));
    assertThat(list(prometheus.get("scrape_configs"))).hasSize(1);
  }

  @Test
  void theDashboardParsesAndQueriesExportedMetrics() throws IOException {
    JsonObject dashboard =
        JsonParser.parseString(Files.readString(DEPLOY.resolve("grafana/sevzero-dashboard.json")))
            .getAsJsonObject();
    List<String> expressions = new ArrayList<>();
    for (JsonElement panel : dashboard.getAsJsonArray("panels")) {
      for (JsonElement target : panel.getAsJsonObject().getAsJsonArray("targets")) {
        expressions.add(target.getAsJsonObject().get("expr").getAsString());
      }
    }
    assertThat(expressions).hasSizeGreaterThan(10);
    assertNamesExportedMetricsOnly(expressions);
  }

  private static void assertNamesExportedMetricsOnly(List<String> expressions) throws IOException {
    Set<String> exported = new TreeSet<>(exportedMetrics());
    exported.add("up");
    for (String expression : expressions) {
      Matcher metric = METRIC.matcher(expression);
      boolean any = false;
      while (metric.find()) {
        any = true;
        assertThat(exported).as("metric in %s", expression).contains(metric.group(1));
      }
      assertThat(any).as("names a metric: %s", expression).isTrue();
    }
  }

  /** deploy/exported-metrics.txt, which MetricsIT checks against a real scrape. */
  public static List<String> exportedMetrics() throws IOException {
    return Files.readAllLines(DEPLOY.resolve("exported-metrics.txt")).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /** What config/ reads from the environment, and what the image's entrypoint script reads. */
  private static Set<String> botVariables() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> sources = Files.list(Path.of("src/main/java/dev/sevzero/config"))) {
      for (Path source : sources.toList()) {
        Matcher read = READ_VARIABLE.matcher(Files.readString(source));
        while (read.find()) {
          names.add(read.group(1));
        }
      }
    }
    Matcher script = SCRIPT_VARIABLE.matcher(Files.readString(Path.of("bin/sevzero")));
    while (script.find()) {
      names.add(script.group(1));
    }
    assertThat(names).contains("SLACK_BOT_TOKEN", "METRICS_TOKEN", "LOG_FORMAT", "PORT");
    return names;
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    return new Yaml(new LoaderOptions()).load(Files.readString(file));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Object>) value;
  }
}
