package dev.sevzero.postmortem;

import dev.sevzero.followups.FollowupService;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.updates.UpdateCompliance;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Drafts a resolved incident's post-mortem from what is stored, and publishes it to one page per
 * incident. Until publication becomes an outbox delivery, a step asked to retry is retried here, a
 * few times with the wait the publisher asked for or a doubling backoff.
 */
public final class PostMortems {

  static final int ATTEMPTS = 5;
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

  private final IncidentService incidents;
  private final FollowupService followups;
  private final LongFunction<UpdateCompliance> compliance;
  private final Optional<PostMortemPublisher> publisher;
  private final PublishedPages pages;
  private final Pause pause;
  private final Clock clock;

  public PostMortems(
      IncidentService incidents,
      FollowupService followups,
      LongFunction<UpdateCompliance> compliance,
      Optional<PostMortemPublisher> publisher,
      PublishedPages pages,
      Pause pause,
      Clock clock) {
    this.incidents = incidents;
    this.followups = followups;
    this.compliance = compliance;
    this.publisher = publisher;
    this.pages = pages;
    this.pause = pause;
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

  /**
   * Publishes the post-mortem as it stands now: the incident's page if it has one, else a new one.
   */
  public Publication publish(long incidentId) {
    PostMortemPublisher to = publisher.orElseThrow();
    PostMortem postMortem = draft(incidentId);
    boolean existed = pages.find(incidentId).isPresent();
    Duration backoff = FIRST_BACKOFF;
    for (int attempt = 1; ; attempt++) {
      PublishStep step = to.publish(postMortem, pages.find(incidentId));
      step.page()
          .ifPresent(
              page ->
                  pages.save(
                      incidentId,
                      page,
                      step instanceof PublishStep.Delivered
                          ? Optional.of(clock.instant())
                          : Optional.empty()));
      if (step instanceof PublishStep.Delivered delivered) {
        return new Publication.Published(delivered.published(), existed);
      }
      if (step instanceof PublishStep.Failed failed) {
        return new Publication.NotPublished(failed.reason());
      }
      PublishStep.RetryLater retry = (PublishStep.RetryLater) step;
      if (attempt == ATTEMPTS) {
        return new Publication.NotPublished(
            retry.reason() + " (gave up after " + ATTEMPTS + " tries)");
      }
      Duration wait = retry.after().orElse(backoff);
      backoff = min(backoff.multipliedBy(2), LONGEST_WAIT);
      try {
        pause.pause(min(wait, LONGEST_WAIT));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Publication.NotPublished(
            "interrupted while waiting to retry: " + retry.reason());
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
