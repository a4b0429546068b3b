package dev.sevzero.postmortem;

import java.time.Instant;
import java.util.Optional;

/** Which page each incident's post-mortem went to, so publishing again updates that page. */
public interface PublishedPages {

  Optional<PublishedPage> find(long incidentId);

  /** Records the incident's page; {@code completedAt} is empty while its content is incomplete. */
  void save(long incidentId, PublishedPage page, Optional<Instant> completedAt);
}
