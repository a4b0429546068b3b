package dev.sevzero.sla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.incident.UpdateCompliance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DetectionDelayTest {

  private static final Instant DECLARED = Instant.parse("2026-11-24T10:00:00Z");

  private static IncidentFacts incident(long id, Duration detectedBefore, boolean drill) {
    return new IncidentFacts(
        id,
        "t",
        "sev0",
        drill,
        DECLARED,
        DECLARED.minus(detectedBefore),
        null,
        null,
        null,
        null,
        null,
        new UpdateCompliance(0, 0, 0));
  }

  @Test
  void averagesAlertBornIncidentsOnly() {
    DetectionDelay delay =
        DetectionDelay.of(
                List.of(
                    incident(1, Duration.ZERO, false),
                    incident(2, Duration.ofMinutes(2), false),
                    incident(3, Duration.ofMinutes(4), false),
                    incident(4, Duration.ofMinutes(30), true)))
            .orElseThrow();

    assertThat(delay.incidents()).isEqualTo(2);
    assertThat(delay.average()).isEqualTo(Duration.ofMinutes(3));
    assertThat(delay.max()).isEqualTo(Duration.ofMinutes(4));
  }

  @Test
  void noneWhenEveryIncidentWasTyped() {
    assertThat(DetectionDelay.of(List.of(incident(1, Duration.ZERO, false)))).isEmpty();
  }
}
