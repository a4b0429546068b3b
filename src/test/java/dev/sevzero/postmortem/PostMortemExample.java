package dev.sevzero.postmortem;

import dev.sevzero.followups.Followup;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentStatus;
import dev.sevzero.incident.ResponseKind;
import dev.sevzero.incident.Severity;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.incident.TimelineEntry;
import dev.sevzero.incident.TimelineEntry.Kind;
import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.incident.UpdateStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A resolved incident's post-mortem with a captured message, an update and two follow-ups. */
public final class PostMortemExample {

  public static final Instant DECLARED = Instant.parse("2026-11-24T10:00:00Z");

  private PostMortemExample() {}

  /** {@code said} is the captured message's text; {@code followup} the first follow-up's. */
  public static PostMortem with(String said, String followup) {
    Incident incident =
        Incident.builder()
            .id(7)
            .title("db | primary <down> & *out*")
            .severity(Severity.SEV1)
            .status(IncidentStatus.RESOLVED)
            .declared(new Incident.Stamp("UALICE", DECLARED))
            .startedAt(DECLARED)
            .commander("UBOB")
            .engineers(List.of("UCAROL", "UDAVE"))
            .acknowledgement(new Incident.Stamp("UBOB", DECLARED.plusSeconds(240)))
            .response(
                new Incident.Response(
                    "UBOB", DECLARED.plusSeconds(240), ResponseKind.ACK, Duration.ofMinutes(4)))
            .resolution(
                new Incident.Resolution("UBOB", DECLARED.plusSeconds(3600), "failed over\nto db-3"))
            .channel("C1", "inc-7-db")
            .build();
    List<TimelineEntry> timeline =
        List.of(
            new TimelineEntry(7, DECLARED, "UALICE", Kind.DECLARED, "Incident declared (SEV1)"),
            new TimelineEntry(7, DECLARED.plusSeconds(60), "UCAROL", Kind.MESSAGE, said),
            new TimelineEntry(
                7, DECLARED.plusSeconds(240), "UBOB", Kind.ROLE, "<@UBOB> took Incident Commander"),
            new TimelineEntry(7, DECLARED.plusSeconds(3600), "UBOB", Kind.RESOLVED, "Resolved"));
    List<StatusUpdate> updates =
        List.of(
            new StatusUpdate(
                7, 1, DECLARED.plusSeconds(900), "UBOB", UpdateStatus.IDENTIFIED, "lag found"));
    List<Followup> followups =
        List.of(
            new Followup(
                1,
                7,
                followup,
                Optional.of("UBOB"),
                Optional.of(LocalDate.of(2026, 12, 1)),
                new Incident.Stamp("UALICE", DECLARED.plusSeconds(3700)),
                Optional.empty()),
            new Followup(
                2,
                7,
                "Write the runbook",
                Optional.empty(),
                Optional.empty(),
                new Incident.Stamp("UALICE", DECLARED.plusSeconds(3800)),
                Optional.of(new Incident.Stamp("UDAVE", DECLARED.plusSeconds(7200)))));
    return new PostMortem(incident, timeline, updates, new UpdateCompliance(1, 0, 1), followups);
  }
}
