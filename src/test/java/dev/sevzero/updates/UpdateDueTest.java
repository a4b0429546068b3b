package dev.sevzero.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpdateDueTest {

  private static final Instant DUE = Instant.parse("2026-11-24T10:30:00Z");
  private static final Duration GRACE = Duration.ofMinutes(5);

  @Test
  void anUpdatePromptedOnTimeIsMissedGraceAfterItsDueTime() {
    assertThat(new UpdateDue(1, DUE, DUE, null).missedAt(GRACE)).isEqualTo(DUE.plus(GRACE));
  }

  @Test
  void anUpdatePromptedLateIsMissedGraceAfterThePrompt() {
    Instant prompted = DUE.plus(Duration.ofMinutes(12));
    assertThat(new UpdateDue(1, DUE, prompted, null).missedAt(GRACE))
        .isEqualTo(prompted.plus(GRACE));
  }
}
