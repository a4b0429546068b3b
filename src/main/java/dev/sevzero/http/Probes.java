package dev.sevzero.http;

import java.util.List;
import java.util.function.Supplier;

/**
 * The probes an orchestrator asks: {@code /livez} (the process answers at all) and {@code /readyz}
 * (every readiness check passes; the first failing one's reason otherwise). {@code /healthz} is the
 * older name of {@code /readyz}.
 */
public final class Probes {

  private final List<Supplier<Health>> readinessChecks;

  public Probes(List<Supplier<Health>> readinessChecks) {
    this.readinessChecks = List.copyOf(readinessChecks);
  }

  /** Adds the three probe routes to {@code router}. */
  public Router routes(Router router) {
    return router
        .get("/livez", request -> WebReply.text(200, "ok"))
        .get("/readyz", request -> readiness())
        .get("/healthz", request -> readiness());
  }

  /** The first failing check, or healthy. */
  public Health ready() {
    for (Supplier<Health> check : readinessChecks) {
      Health health = check.get();
      if (!health.healthy()) {
        return health;
      }
    }
    return Health.ok();
  }

  private WebReply readiness() {
    Health health = ready();
    return health.healthy()
        ? WebReply.text(200, "ok")
        : WebReply.text(503, "unhealthy: " + health.reason());
  }
}
