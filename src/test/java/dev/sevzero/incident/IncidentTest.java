package dev.sevzero.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The response-time rules of SPEC §4. */
class IncidentTest {

  private final Instant declaredAt = Instant.parse("2026-11-24T03:00:00Z");

  private Incident incident() {
    return Incident.declare(
        1, new Incident.Declaration("db down", null, Severity.SEV0, false, "UDECL", declaredAt));
  }

  @Test
  void theFirstAcknowledgementIsTheResponse() {
    Incident incident = incident();
    incident.acknowledge("UALICE", declaredAt.plus(Duration.ofMinutes(4)).plusSeconds(12));
    assertThat(incident.response())
        .hasValueSatisfying(
            response -> {
              assertThat(response.by()).isEqualTo("UALICE");
              assertThat(response.kind()).isEqualTo(ResponseKind.ACK);
              assertThat(response.time()).isEqualTo(Duration.ofSeconds(252));
            });
  }

  @Test
  void takingARoleBeforeAnyAckIsTheResponse() {
    Incident incident = incident();
    incident.assign(Role.COMMANDER, "UBOB", declaredAt.plusSeconds(60));
    incident.acknowledge("UALICE", declaredAt.plusSeconds(120));
    assertThat(incident.response().orElseThrow().kind()).isEqualTo(ResponseKind.ROLE);
    assertThat(incident.response().orElseThrow().time()).isEqualTo(Duration.ofMinutes(1));
    assertThat(incident.acknowledgement().orElseThrow().by()).isEqualTo("UALICE");
  }

  @Test
  void anUpdateCanBeTheFirstResponse() {
    Incident incident = incident();
    incident.recordUpdate("USCRIBE", declaredAt.plusSeconds(30));
    assertThat(incident.response().orElseThrow().kind()).isEqualTo(ResponseKind.UPDATE);
  }

  @Test
  void laterAcknowledgementsDoNotChangeTheResponseOrTheFirstAck() {
    Incident incident = incident();
    incident.acknowledge("UALICE", declaredAt.plusSeconds(60));
    incident.acknowledge("UBOB", declaredAt.plusSeconds(600));
    assertThat(incident.response().orElseThrow().by()).isEqualTo("UALICE");
    assertThat(incident.acknowledgement().orElseThrow().by()).isEqualTo("UALICE");
  }

  @Test
  void retakingARoleYouHoldChangesNothing() {
    Incident incident = incident();
    assertThat(incident.assign(Role.SCRIBE, "UBOB", declaredAt.plusSeconds(5))).isTrue();
    assertThat(incident.assign(Role.SCRIBE, "UBOB", declaredAt.plusSeconds(9))).isFalse();
    assertThat(incident.assign(Role.ENGINEER, "UC", declaredAt.plusSeconds(9))).isTrue();
    assertThat(incident.assign(Role.ENGINEER, "UC", declaredAt.plusSeconds(9))).isFalse();
  }

  @Test
  void aResolvedIncidentRefusesChangesUntilReopened() {
    Incident incident = incident();
    incident.resolve("UALICE", declaredAt.plusSeconds(900), "failover done");
    assertThatThrownBy(() -> incident.acknowledge("UBOB", declaredAt.plusSeconds(901)))
        .isInstanceOf(IncidentException.class)
        .hasMessageContaining("INC-1 is resolved");
    incident.reopen();
    incident.acknowledge("UBOB", declaredAt.plusSeconds(902));
    assertThat(incident.isOpen()).isTrue();
  }

  @Test
  void reopeningAnOpenIncidentIsRefused() {
    assertThatThrownBy(() -> incident().reopen()).hasMessageContaining("still open");
  }
}
