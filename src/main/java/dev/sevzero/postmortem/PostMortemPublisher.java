package dev.sevzero.postmortem;

import java.util.Optional;

/** Where post-mortems are published for the team to edit (Notion). */
public interface PostMortemPublisher {

  /**
   * One idempotent attempt: creates the page when there is none, else makes {@code page} show
   * exactly {@code postMortem} (its earlier content replaced). Running it again after any outcome
   * converges on the same single page.
   */
  PublishStep publish(PostMortem postMortem, Optional<PublishedPage> page);
}
