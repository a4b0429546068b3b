package dev.sevzero.rotation;

import java.time.Instant;
import java.util.List;

/**
 * A week of the schedule: {@code user} takes the pager at {@code startsAt} until {@code endsAt};
 * {@code overrides} cover parts of it (possibly beginning before it or ending after it).
 */
public record Shift(Instant startsAt, Instant endsAt, String user, List<OncallOverride> overrides) {

  public Shift {
    overrides = List.copyOf(overrides);
  }
}
