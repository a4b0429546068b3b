package dev.sevzero.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sevzero.config.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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

  /** A name in PromQL (not a number: those start with a digit or a dot). */
  private static final Pattern NAME = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][\\w:]*)");

  /** The PromQL functions and aggregations the files may call. */
  private static final Set<String> PROMQL_FUNCTIONS =
      Set.of("sum", "max", "min", "count", "avg", "rate", "increase", "histogram_quantile");

  private static final Set<String> PROMQL_KEYWORDS = Set.of("and", "or", "unless", "bool");

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
    // The stuck-delivery check is shared by every replica: it must not empty the Service.
    assertThat(map(map(container.get("readinessProbe")).get("httpGet")).get("path"))
        .isEqualTo("/readyz?exclude=deliveries");
    Map<String, Object> resources = map(container.get("resources"));
    assertThat(mebibytes(map(resources.get("requests")).get("memory")))
        .as("memory request above the highest peak RSS measured (129 MiB, bench/README.md)")
        .isGreaterThan(129);
    assertThat(mebibytes(map(resources.get("limits")).get("memory")))
        .isGreaterThan(mebibytes(map(resources.get("requests")).get("memory")));
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

  @Test
  void theImageRunsBinSevzeroWithRuntimeOptionsAndAsksTheProbes() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"));
    String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
    // Everything the image copies from the repository exists.
    Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(dockerfile);
    int copies = 0;
    while (copy.find()) {
      copies++;
      assertThat(Path.of(copy.group(1))).as("COPY source").exists();
    }
    assertThat(copies).isGreaterThanOrEqualTo(3);
    assertThat(runtime)
        .contains("ENTRYPOINT [\"/app/bin/sevzero\"]")
        .contains("COPY bin/sevzero /app/bin/sevzero")
        .contains("USER sevzero")
        .contains("chown sevzero:sevzero /data")
        // The bind-mount advice: a host directory must belong to the image's user.
        .contains("chown 10001:10001");
    assertThat(Pattern.compile("HEALTHCHECK .*\\n.*GET /readyz ").matcher(runtime).find())
        .as("HEALTHCHECK asks /readyz")
        .isTrue();
    // Its ENV lines set only what the bot or bin/sevzero reads, the JVM options among them.
    Set<String> set = new TreeSet<>();
    Matcher env = Pattern.compile("(?:ENV |\\\\\\n)\\s*([A-Z][A-Z0-9_]+)=").matcher(runtime);
    while (env.find()) {
      set.add(env.group(1));
    }
    assertThat(set).contains("SEVZERO_JAVA_OPTS", "DATABASE_URL", "PORT");
    assertThat(botVariables()).containsAll(set);
  }

  @Test
  void theReadmeDockerRunHasEverythingAStartNeeds() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    int run = readme.indexOf("docker run -d");
    assertThat(run).as("README shows docker run").isPositive();
    String command = readme.substring(run, readme.indexOf("```", run));
    Map<String, String> environment = new HashMap<>();
    Matcher variable = Pattern.compile("-e ([A-Z][A-Z0-9_]*)=(\\S*)").matcher(command);
    while (variable.find()) {
      environment.put(variable.group(1), variable.group(2).replace("…", "0123ABC"));
    }
    assertThat(botVariables()).containsAll(environment.keySet());
    assertThat(environment)
        .containsKeys(
            "SLACK_BOT_TOKEN",
            "SLACK_APP_TOKEN",
            "INCIDENTS_CHANNEL",
            "ONCALL_CHANNEL",
            "METRICS_TOKEN");
    // With what the image sets itself, that is a configuration the bot starts with.
    Matcher imageEnv =
        Pattern.compile("(?:ENV |\\\\\\n)\\s*(DATABASE_URL|PORT)=(\\S+)")
            .matcher(Files.readString(Path.of("Dockerfile")));
    while (imageEnv.find()) {
      environment.putIfAbsent(imageEnv.group(1), imageEnv.group(2));
    }
    Config config = Config.fromEnvironment(environment);
    assertThat(config.databaseUrl()).isEqualTo("jdbc:sqlite:/data/sevzero.db");
    assertThat(command).contains("-v sevzero-data:/data").contains("-p 3000:3000");
  }

  /**
   * Every name in each expression is a PromQL function, keyword or aggregation, or an exported
   * metric (or Prometheus's own {@code up}): label matchers, grouping labels, ranges, strings and
   * Grafana's variables are taken out first.
   */
  private static void assertNamesExportedMetricsOnly(List<String> expressions) throws IOException {
    Set<String> exported = new TreeSet<>(exportedMetrics());
    exported.add("up");
    for (String expression : expressions) {
      String bare =
          expression
              .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
              .replaceAll("\\{[^}]*\\}", "")
              .replaceAll("\\[[^\\]]*\\]", "")
              .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "")
              .replaceAll("\\$\\w+", "");
      Matcher name = NAME.matcher(bare);
      int metrics = 0;
      while (name.find()) {
        String word = name.group(1);
        boolean call = bare.substring(name.end()).stripLeading().startsWith("(");
        if (call) {
          assertThat(PROMQL_FUNCTIONS).as("function in %s", expression).contains(word);
        } else if (!PROMQL_KEYWORDS.contains(word)) {
          assertThat(exported).as("metric in %s", expression).contains(word);
          metrics++;
        }
      }
      assertThat(metrics).as("names a metric: %s", expression).isPositive();
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

  private static int mebibytes(Object quantity) {
    assertThat(quantity).asString().matches("\\d+Mi");
    return Integer.parseInt(quantity.toString().replace("Mi", ""));
  }

  private static Map<String, Object> yaml(Path file) throws IOException {
    LoaderOptions options = new LoaderOptions();
    // A key given twice is a mistake the orchestrator would settle silently, one way or the other.
    options.setAllowDuplicateKeys(false);
    return new Yaml(options).load(Files.readString(file));
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
