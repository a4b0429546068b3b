package dev.sevzero.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.rotation.Handoff;
import dev.sevzero.rotation.HandoffReason;
import dev.sevzero.rotation.NewHandoff;
import dev.sevzero.rotation.OncallOverride;
import dev.sevzero.rotation.Roster;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcRotationRepositoryIT {

  private static final Instant MONDAY_NOON = Instant.parse("2026-11-30T20:00:00Z");

  @TempDir Path dir;
  private Database database;
  private JdbcRotationRepository repository;

  @BeforeEach
  void open() {
    database = Database.open("jdbc:sqlite:" + dir.resolve("sevzero.db"));
    repository = new JdbcRotationRepository(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void rosterKeepsItsOrderThroughEdits() {
    repository.saveRoster(new Roster(List.of("UA", "UB", "UC")), MONDAY_NOON);
    repository.saveRoster(new Roster(List.of("UC", "UD", "UA")), MONDAY_NOON.plusSeconds(60));

    assertThat(repository.roster().members()).containsExactly("UC", "UD", "UA");
  }

  @Test
  void handoffsAreStoredWithTheirTimesAndTheLatestIsFound() {
    Handoff first =
        repository
            .recordHandoff(
                new NewHandoff(
                    MONDAY_NOON.minus(Duration.ofDays(5)),
                    null,
                    "UA",
                    HandoffReason.FIRST_MEMBER,
                    null))
            .orElseThrow();
    Handoff second =
        repository
            .recordHandoff(
                new NewHandoff(
                    MONDAY_NOON.plusMillis(12), "UA", "UB", HandoffReason.SCHEDULED, MONDAY_NOON))
            .orElseThrow();

    assertThat(second.id()).isEqualTo(first.id() + 1);
    assertThat(repository.lastHandoff()).contains(second);
  }

  @Test
  void aScheduledInstantIsClaimedExactlyOnce() {
    NewHandoff handoff =
        new NewHandoff(MONDAY_NOON, "UA", "UB", HandoffReason.SCHEDULED, MONDAY_NOON);

    Optional<Handoff> first = repository.recordHandoff(handoff);
    Optional<Handoff> second =
        repository.recordHandoff(
            new NewHandoff(
                MONDAY_NOON.plusSeconds(1), "UA", "UB", HandoffReason.SCHEDULED, MONDAY_NOON));

    assertThat(first).isPresent();
    assertThat(second).isEmpty();
    assertThat(repository.lastHandoff()).isEqualTo(first);
  }

  @Test
  void confirmationReminderAndEscalationAreEachClaimedOnce() {
    Handoff handoff =
        repository
            .recordHandoff(new NewHandoff(MONDAY_NOON, "UA", "UB", HandoffReason.MANUAL, null))
            .orElseThrow();
    Instant later = MONDAY_NOON.plus(Duration.ofMinutes(15));

    assertThat(repository.claimReminder(handoff.id(), later)).isTrue();
    assertThat(repository.claimReminder(handoff.id(), later)).isFalse();
    assertThat(repository.claimEscalation(handoff.id(), later)).isTrue();
    assertThat(repository.claimEscalation(handoff.id(), later)).isFalse();
    assertThat(repository.confirmHandoff(handoff.id(), later)).isTrue();
    assertThat(repository.confirmHandoff(handoff.id(), later.plusSeconds(5))).isFalse();
    assertThat(repository.lastHandoff().orElseThrow().confirmedAt()).isEqualTo(later);
  }

  @Test
  void overridesNotYetOverAreListedByStart() {
    OncallOverride past =
        new OncallOverride("UX", MONDAY_NOON.minusSeconds(7200), MONDAY_NOON, "UA");
    OncallOverride running =
        new OncallOverride("UY", MONDAY_NOON.minusSeconds(60), MONDAY_NOON.plusSeconds(60), "UA");
    OncallOverride coming =
        new OncallOverride("UZ", MONDAY_NOON.plusSeconds(30), MONDAY_NOON.plusSeconds(90), "UB");
    repository.addOverride(coming);
    repository.addOverride(past);
    repository.addOverride(running);

    assertThat(repository.overridesEndingAfter(MONDAY_NOON)).containsExactly(running, coming);
  }

  @Test
  void anOverridesEndIsListedUntilItsClaimAndClaimedOnce() {
    OncallOverride old =
        new OncallOverride("UX", MONDAY_NOON.minusSeconds(7200), MONDAY_NOON, "UA");
    OncallOverride ended =
        new OncallOverride("UY", MONDAY_NOON.minusSeconds(60), MONDAY_NOON.plusSeconds(60), "UA");
    OncallOverride running =
        new OncallOverride("UZ", MONDAY_NOON, MONDAY_NOON.plusSeconds(600), "UB");
    repository.addOverride(old);
    repository.addOverride(ended);
    repository.addOverride(running);
    Instant now = MONDAY_NOON.plusSeconds(120);

    assertThat(repository.overridesEndedUntold(MONDAY_NOON, now)).containsExactly(ended);
    assertThat(repository.claimOverrideEnd(ended, now)).isTrue();
    assertThat(repository.claimOverrideEnd(ended, now)).isFalse();
    assertThat(repository.overridesEndedUntold(MONDAY_NOON, now)).isEmpty();
  }

  @Test
  void workThatFailsInsideAtomicallyChangesNothing() {
    repository.saveRoster(new Roster(List.of("UA")), MONDAY_NOON);

    assertThatThrownBy(
            () ->
                repository.atomically(
                    () -> {
                      repository.saveRoster(new Roster(List.of("UA", "UB")), MONDAY_NOON);
                      repository.recordHandoff(
                          new NewHandoff(MONDAY_NOON, "UA", "UB", HandoffReason.MANUAL, null));
                      throw new IllegalStateException("refused");
                    }))
        .hasMessage("refused");

    assertThat(repository.roster().members()).containsExactly("UA");
    assertThat(repository.lastHandoff()).isEmpty();
  }
}
