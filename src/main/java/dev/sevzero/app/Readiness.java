package dev.sevzero.app;

import dev.sevzero.deliveries.DeliveryBacklog;
import dev.sevzero.http.Health;
import dev.sevzero.persistence.Database;
import dev.sevzero.slack.transport.SocketModeRunner;
import dev.sevzero.text.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What {@code /readyz} checks (SPEC §13), by the names {@code ?exclude=} takes. */
final class Readiness {

  /** A probe must be answered within a second. */
  private static final Duration DATABASE_PATIENCE = Duration.ofMillis(800);

  /** A delivery pending this long is stuck, not waiting out a 429. */
  static final Duration STUCK_DELIVERY = Duration.ofMinutes(5);

  private Readiness() {}

  static Map<String, Supplier<Health>> checks(
      Database database, Optional<SocketModeRunner> socketMode, DeliveryBacklog deliveries) {
    Map<String, Supplier<Health>> checks = new LinkedHashMap<>();
    checks.put(
        "database",
        () ->
            database.reachable(DATABASE_PATIENCE)
                ? Health.ok()
                : Health.unhealthy("the database does not answer"));
    // A bot whose socket the SDK gave up on hears nothing: say so, so that it gets restarted.
    checks.put(
        "socket",
        () ->
            socketMode.map(SocketModeRunner::connected).orElse(true)
                ? Health.ok()
                : Health.unhealthy("the Socket Mode connection is not up"));
    // Shared by every replica (one outbox): during a long Slack rate limit all turn unready at
    // once, which is why a Service's readiness probe may leave it out (README, deploy/kubernetes).
    checks.put(
        "deliveries",
        () ->
            deliveries
                .oldestPendingAge()
                .filter(age -> age.compareTo(STUCK_DELIVERY) > 0)
                .map(
                    age ->
                        Health.unhealthy(
                            "a delivery has been pending for " + Durations.format(age)))
                .orElse(Health.ok()));
    return checks;
  }
}
