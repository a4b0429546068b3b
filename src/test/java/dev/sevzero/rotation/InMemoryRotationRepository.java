package dev.sevzero.rotation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The rotation store in memory, with the same claim semantics as the JDBC one. {@link #atomically}
 * restores the state when the work fails, so tests can check "nothing changed".
 */
final class InMemoryRotationRepository implements RotationRepository {

  private Roster roster = new Roster(List.of());
  private final List<Handoff> handoffs = new ArrayList<>();
  private final List<Instant> reminded = new ArrayList<>();
  private final List<Instant> escalated = new ArrayList<>();
  private final List<OncallOverride> overrides = new ArrayList<>();
  private final Set<OncallOverride> endsTold = new HashSet<>();

  @Override
  public synchronized <T> T atomically(Supplier<T> work) {
    Roster rosterBefore = roster;
    List<Handoff> handoffsBefore = List.copyOf(handoffs);
    List<OncallOverride> overridesBefore = List.copyOf(overrides);
    try {
      return work.get();
    } catch (RuntimeException e) {
      roster = rosterBefore;
      handoffs.clear();
      handoffs.addAll(handoffsBefore);
      overrides.clear();
      overrides.addAll(overridesBefore);
      throw e;
    }
  }

  @Override
  public synchronized Roster roster() {
    return roster;
  }

  @Override
  public synchronized void saveRoster(Roster roster, Instant at) {
    this.roster = roster;
  }

  @Override
  public synchronized Optional<Handoff> lastHandoff() {
    return handoffs.stream().max(Comparator.comparing(Handoff::at).thenComparing(Handoff::id));
  }

  synchronized List<Handoff> handoffs() {
    return List.copyOf(handoffs);
  }

  @Override
  public synchronized Optional<Handoff> recordHandoff(NewHandoff handoff) {
    boolean claimed =
        handoff.scheduledFor() != null
            && handoffs.stream().anyMatch(h -> handoff.scheduledFor().equals(h.scheduledFor()));
    if (claimed) {
      return Optional.empty();
    }
    Handoff stored = handoff.withId(handoffs.size() + 1);
    handoffs.add(stored);
    return Optional.of(stored);
  }

  @Override
  public synchronized boolean confirmHandoff(long handoffId, Instant at) {
    Handoff handoff = handoffs.get((int) handoffId - 1);
    if (handoff.isConfirmed()) {
      return false;
    }
    handoffs.set(
        (int) handoffId - 1,
        new Handoff(
            handoff.id(),
            handoff.at(),
            handoff.from(),
            handoff.to(),
            handoff.reason(),
            handoff.scheduledFor(),
            at));
    return true;
  }

  @Override
  public synchronized boolean claimReminder(long handoffId, Instant at) {
    return claimOnce(reminded, handoffId);
  }

  @Override
  public synchronized boolean claimEscalation(long handoffId, Instant at) {
    return claimOnce(escalated, handoffId);
  }

  /** Records the claim as the handoff's time, which is unique per handoff here. */
  private boolean claimOnce(List<Instant> claims, long handoffId) {
    Instant key = handoffs.get((int) handoffId - 1).at();
    if (claims.contains(key)) {
      return false;
    }
    claims.add(key);
    return true;
  }

  @Override
  public synchronized void addOverride(OncallOverride override) {
    overrides.add(override);
  }

  @Override
  public synchronized List<OncallOverride> overridesEndedUntold(Instant after, Instant until) {
    return overrides.stream()
        .filter(override -> override.until().isAfter(after) && !override.until().isAfter(until))
        .filter(override -> !endsTold.contains(override))
        .sorted(Comparator.comparing(OncallOverride::until))
        .toList();
  }

  @Override
  public synchronized boolean claimOverrideEnd(OncallOverride override, Instant at) {
    return endsTold.add(override);
  }

  @Override
  public synchronized List<OncallOverride> overridesEndingAfter(Instant t) {
    return overrides.stream()
        .filter(override -> override.until().isAfter(t))
        .sorted(Comparator.comparing(OncallOverride::from))
        .toList();
  }
}
