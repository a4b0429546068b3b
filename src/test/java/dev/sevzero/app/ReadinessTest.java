package dev.sevzero.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.deliveries.DeliveryBacklog;
import dev.sevzero.http.Health;
import dev.sevzero.persistence.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * /readyz's checks (SPEC §13). The stuck-delivery one runs on the wall clock the outbox uses, so it
 * is checked here with the backlog's answer chosen, rather than by waiting five minutes.
 */
class ReadinessTest {

  @TempDir Path directory;
  Database database;
  final AtomicReference<Optional<Duration>> oldestPending = new AtomicReference<>(Optional.empty());
  Map<String, Supplier<Health>> checks;

  @BeforeEach
  void open() {
    database = Database.open("jdbc:sqlite:" + directory.resolve("sevzero.db"));
    checks = Readiness.checks(database, Optional.empty(), new Backlog());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void namedInTheOrderTheyAreAsked() {
    assertThat(checks.keySet()).containsExactly("database", "socket", "deliveries");
    assertThat(checks.values()).allMatch(check -> check.get().healthy());
  }

  @Test
  void aDeliveryPendingForOverFiveMinutesIsStuck() {
    oldestPending.set(Optional.of(Duration.ofMinutes(5)));
    assertThat(checks.get("deliveries").get().healthy()).isTrue();

    oldestPending.set(Optional.of(Duration.ofMinutes(6)));
    assertThat(checks.get("deliveries").get())
        .isEqualTo(Health.unhealthy("a delivery has been pending for 6m 00s"));
  }

  @Test
  void aDatabaseThatDoesNotAnswerIsReported() {
    database.close();

    assertThat(checks.get("database").get())
        .isEqualTo(Health.unhealthy("the database does not answer"));
  }

  private final class Backlog implements DeliveryBacklog {
    @Override
    public long pending() {
      return oldestPending.get().isPresent() ? 1 : 0;
    }

    @Override
    public Optional<Duration> oldestPendingAge() {
      return oldestPending.get();
    }

    @Override
    public IncidentDeliveries ofIncident(long incidentId) {
      return new IncidentDeliveries(0, 0, Optional.empty());
    }
  }
}
