package dev.sevzero.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.rotation.Handoff;
import dev.sevzero.rotation.HandoffContext;
import dev.sevzero.rotation.OncallOverride;
import dev.sevzero.rotation.OncallService;
import dev.sevzero.rotation.RotationListener;
import dev.sevzero.scheduling.quartz.QuartzCronCalendar;
import dev.sevzero.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two bot replicas (or a bot before and after a restart) sharing one SQLite file. */
class RotationReplicasIT {

  @TempDir Path dir;

  private final MutableClock clock = MutableClock.at("2026-11-25T18:00:00Z");
  private final List<String> announced = new CopyOnWriteArrayList<>();

  @Test
  void aHandoffDueWhileDownIsPerformedOnceAcrossReplicasAndRestarts() {
    String url = "jdbc:sqlite:" + dir.resolve("sevzero.db");
    try (Database first = Database.open(url)) {
      OncallService replica = service(first);
      replica.add("UADMIN", "UA", OptionalInt.empty());
      replica.add("UADMIN", "UB", OptionalInt.empty());
    }

    clock.set(Instant.parse("2026-12-16T21:00:00Z"));
    // SQLite serves one replica at a time (PostgresIT covers two at once): here, restarts.
    for (int start = 0; start < 3; start++) {
      try (Database restarted = Database.open(url)) {
        service(restarted).handoffIfDue();
        service(restarted).handoffIfDue();
        assertThat(service(restarted).onCallNow()).contains("UB");
      }
    }
    assertThat(announced).containsExactly("UA->UB");
  }

  private OncallService service(Database database) {
    return new OncallService(
        new JdbcRotationRepository(database),
        new QuartzCronCalendar("0 0 12 ? * MON", ZoneId.of("America/Los_Angeles")),
        clock,
        new AnnouncedHandoffs(),
        List.of());
  }

  private final class AnnouncedHandoffs implements RotationListener {
    @Override
    public void handedOff(Handoff handoff, HandoffContext context) {
      if (handoff.from() != null) {
        announced.add(handoff.from() + "->" + handoff.to());
      }
    }

    @Override
    public void overrideStarted(OncallOverride override) {}

    @Override
    public void overrideEnded(OncallOverride override, Optional<String> onCallNow) {}

    @Override
    public void handoffReminder(Handoff handoff) {}

    @Override
    public void handoffUnconfirmed(Handoff handoff) {}
  }
}
