package dev.sevzero.http;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The probes an orchestrator asks: {@code /livez} (the process answers at all) and {@code /readyz}
 * (every readiness check passes; the first failing one's reason otherwise). {@code /healthz} is the
 * older name of {@code /readyz}. As in Kubernetes' own {@code /readyz}, {@code ?exclude=<name>}
 * leaves a check out: a probe that must not take every replica out of a Service at once (HTTP mode
 * during a long Slack rate limit) can leave out the one that all replicas share.
 */
public final class Probes {

  private final Map<String, Supplier<Health>> readinessChecks;

  /**
   * @param readinessChecks by name, asked in iteration order (pass a {@link LinkedHashMap})
   */
  public Probes(Map<String, Supplier<Health>> readinessChecks) {
    this.readinessChecks = new LinkedHashMap<>(readinessChecks);
  }

  /** Adds the three probe routes to {@code router}. */
  public Router routes(Router router) {
    return router
        .get("/livez", request -> WebReply.text(200, "ok"))
        .get("/readyz", this::readiness)
        .get("/healthz", this::readiness);
  }

  /** The first failing check not excluded, or healthy. */
  private Health ready(Set<String> excluded) {
    for (Map.Entry<String, Supplier<Health>> check : readinessChecks.entrySet()) {
      if (excluded.contains(check.getKey())) {
        continue;
      }
      Health health = check.getValue().get();
      if (!health.healthy()) {
        return health;
      }
    }
    return Health.ok();
  }

  private WebReply readiness(WebRequest request) {
    Set<String> excluded = excluded(request.rawQuery());
    Set<String> unknown = new TreeSet<>(excluded);
    unknown.removeAll(readinessChecks.keySet());
    if (!unknown.isEmpty()) {
      // A typo in a probe's path must not silently leave every check in.
      return WebReply.text(
          400,
          "unknown check "
              + String.join(", ", unknown)
              + "; the checks are "
              + String.join(", ", readinessChecks.keySet()));
    }
    Health health = ready(excluded);
    return health.healthy()
        ? WebReply.text(200, "ok")
        : WebReply.text(503, "unhealthy: " + health.reason());
  }

  /** The names of {@code exclude=a&exclude=b} (also {@code exclude=a,b}). */
  private static Set<String> excluded(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Set.of();
    }
    return Arrays.stream(rawQuery.split("&"))
        .filter(parameter -> parameter.startsWith("exclude="))
        .flatMap(parameter -> Arrays.stream(parameter.substring("exclude=".length()).split(",")))
        .filter(name -> !name.isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
