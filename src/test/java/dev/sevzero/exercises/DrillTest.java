package dev.sevzero.exercises;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DrillTest {

  private static final Instant START = Instant.parse("2027-01-12T18:00:00Z");
  private static final RecoveryTargets TARGETS =
      new RecoveryTargets(Duration.ofHours(1), Duration.ofMinutes(15));

  private static Drill dr(Optional<Drill.Achieved> achieved) {
    return new Drill(
        7,
        ExerciseKind.DR,
        Optional.of("db-failover"),
        "Database primary failover",
        Optional.of("brief"),
        List.of(ChecklistStep.open(1, "promote")),
        Optional.of(TARGETS),
        achieved,
        START,
        Optional.empty());
  }

  private static Optional<Drill.Achieved> achieved(Duration rto, Duration rpo) {
    return Optional.of(new Drill.Achieved(rto, rpo, "UBOB", START.plusSeconds(3600)));
  }

  @Test
  void anObjectiveIsMetAtOrUnderItsTarget() {
    assertThat(new Objective("RTO", Duration.ofHours(1), Duration.ofMinutes(59)).met()).isTrue();
    assertThat(new Objective("RTO", Duration.ofHours(1), Duration.ofHours(1)).met()).isTrue();
    assertThat(new Objective("RTO", Duration.ofHours(1), Duration.ofMinutes(61)).met()).isFalse();
    assertThat(new Objective("RPO", Duration.ZERO, Duration.ZERO).met()).isTrue();
  }

  @Test
  void aDrDrillComparesWhatItAchievedWithItsTargets() {
    Drill drill = dr(achieved(Duration.ofMinutes(45), Duration.ofMinutes(20)));

    assertThat(drill.objectives())
        .containsExactly(
            new Objective("RTO", Duration.ofHours(1), Duration.ofMinutes(45)),
            new Objective("RPO", Duration.ofMinutes(15), Duration.ofMinutes(20)));
    assertThat(drill.objectivesMet()).contains(false);
    assertThat(ExerciseService.describe(drill.objectives()))
        .isEqualTo("RTO 45m 00s (target 1h 00m): met; RPO 20m 00s (target 15m 00s): missed");
    assertThat(dr(achieved(Duration.ofMinutes(45), Duration.ofMinutes(5))).objectivesMet())
        .contains(true);
  }

  @Test
  void aDrDrillAwaitsItsResultsUntilTheyAreRecorded() {
    assertThat(dr(Optional.empty()).awaitsResults()).isTrue();
    assertThat(dr(Optional.empty()).objectives()).isEmpty();
    assertThat(dr(Optional.empty()).objectivesMet()).isEmpty();
    assertThat(dr(achieved(Duration.ofMinutes(1), Duration.ZERO)).awaitsResults()).isFalse();
  }
}
