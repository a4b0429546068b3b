package dev.sevzero.postmortem;

import dev.sevzero.followups.FollowupService;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.UpdateCompliance;
import java.time.Clock;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Drafts a resolved incident's post-mortem from what is stored, and publishes it to one page per
 * incident, one attempt at a time: the outbox retries (a delivery of the Slack adapter's).
 */
public final class PostMortems {

  private final IncidentService incidents;
  private final FollowupService followups;
  private final LongFunction<UpdateCompliance> compliance;
  private final Optional<PostMortemPublisher> publisher;
  private final PublishedPages pages;
  private final Clock clock;

  public PostMortems(
      IncidentService incidents,
      FollowupService followups,
      LongFunction<UpdateCompliance> compliance,
      Optional<PostMortemPublisher> publisher,
      PublishedPages pages,
      Clock clock) {
    this.incidents = incidents;
    this.followups = followups;
    this.compliance = compliance;
    this.publisher = publisher;
    this.pages = pages;
    this.clock = clock;
  }

  /** The post-mortem of a resolved incident as it stands now. */
  public PostMortem draft(long incidentId) {
    Incident incident = incidents.find(incidentId).orElseThrow();
    incident.resolution().orElseThrow(() -> new IllegalStateException(incident.key() + " is open"));
    return new PostMortem(
        incident,
        incidents.timeline(incidentId),
        incidents.updates(incidentId),
        compliance.apply(incidentId),
        followups.ofIncident(incidentId));
  }

  /** Whether post-mortems are published anywhere (Notion is configured). */
  public boolean publishing() {
    return publisher.isPresent();
  }

  /** Whether the incident's post-mortem has a page already (publishing again updates it). */
  public boolean hasPage(long incidentId) {
    return pages.find(incidentId).isPresent();
  }

  /**
   * One attempt at publishing the post-mortem as it stands now: to the incident's page if it has
   * one, else to a new one, which is remembered as soon as it exists, so a retry (the outbox's)
   * updates it instead of making a second.
   */
  public PublishStep publishOnce(long incidentId) {
    PublishStep step = publisher.orElseThrow().publish(draft(incidentId), pages.find(incidentId));
    step.page()
        .ifPresent(
            page ->
                pages.save(
                    incidentId,
                    page,
                    step instanceof PublishStep.Delivered
                        ? Optional.of(clock.instant())
                        : Optional.empty()));
    return step;
  }
}
