package dev.sevzero.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RecentWorstTest {

  private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
  private final RecentWorst lag = new RecentWorst(clock, Duration.ofMinutes(5));

  @Test
  void showsTheLatestValueWhenNothingWorseRanRecently() {
    lag.record(0.2);
    clock.advance(Duration.ofSeconds(30));
    lag.record(0.4);

    assertThat(lag.value()).isEqualTo(0.4);
  }

  @Test
  void aLateRunIsNotHiddenByTheOnTimeRunsThatFollowIt() {
    lag.record(120);
    clock.advance(Duration.ofSeconds(20));
    lag.record(0.002);
    clock.advance(Duration.ofMinutes(4));

    assertThat(lag.value()).isEqualTo(120);
  }

  @Test
  void aLateRunGivesWayToTheLatestOnceItsTimeIsOver() {
    lag.record(120);
    clock.advance(Duration.ofMinutes(3));
    lag.record(0.3);
    clock.advance(Duration.ofMinutes(3));

    assertThat(lag.value()).isEqualTo(0.3);
  }

  @Test
  void startsAtZero() {
    assertThat(lag.value()).isZero();
  }
}
