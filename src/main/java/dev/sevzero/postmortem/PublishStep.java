package dev.sevzero.postmortem;

import java.time.Duration;
import java.util.Optional;

/**
 * What one publication attempt came to. Every outcome carries the page if one exists by now, so an
 * attempt that created the page and then failed is retried as an update of that page, never as a
 * second page.
 */
public sealed interface PublishStep {

  Optional<PublishedPage> page();

  /** The page now shows the whole post-mortem. */
  record Delivered(PublishedPage published) implements PublishStep {
    @Override
    public Optional<PublishedPage> page() {
      return Optional.of(published);
    }
  }

  /**
   * Worth trying again: rate-limited (after the wait it asked for), unreachable or a server error
   * (after a backoff of the caller's choosing).
   */
  record RetryLater(Optional<PublishedPage> page, Optional<Duration> after, String reason)
      implements PublishStep {}

  /**
   * Refused for good (a bad token, a parent the integration cannot see…); {@code reason} says why.
   */
  record Failed(Optional<PublishedPage> page, String reason) implements PublishStep {}
}
