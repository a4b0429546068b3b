package dev.sevzero.incident;

import java.time.Instant;
import java.util.Optional;

/** Who holds the pager at an instant; answered by the on-call rotation. */
@FunctionalInterface
public interface OnCall {
  Optional<String> at(Instant instant);

  OnCall NOBODY = instant -> Optional.empty();
}
