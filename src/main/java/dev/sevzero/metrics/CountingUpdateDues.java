package dev.sevzero.metrics;

import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.updates.UpdateDue;
import dev.sevzero.updates.UpdateDueRepository;
import dev.sevzero.updates.UpdateOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counts due updates by outcome where they are decided: the one caller whose claim to record an
 * outcome succeeds, so two replicas never count one update twice. A claimed prompt also reports how
 * long after its due time it goes out (the scheduler's lag as people feel it).
 */
public final class CountingUpdateDues implements UpdateDueRepository {

  private final UpdateDueRepository dues;
  private final Metrics metrics;

  public CountingUpdateDues(UpdateDueRepository dues, Metrics metrics) {
    this.dues = dues;
    this.metrics = metrics;
  }

  @Override
  public Optional<UpdateDue> pending(long incidentId) {
    return dues.pending(incidentId);
  }

  @Override
  public List<UpdateDue> pendingDueBy(Instant instant) {
    return dues.pendingDueBy(instant);
  }

  @Override
  public Optional<Instant> nextAttention(Duration grace) {
    return dues.nextAttention(grace);
  }

  @Override
  public void start(long incidentId, Instant dueAt) {
    dues.start(incidentId, dueAt);
  }

  @Override
  public void stop(long incidentId) {
    dues.stop(incidentId);
  }

  @Override
  public boolean claimPrompt(long incidentId, Instant dueAt, Instant at) {
    boolean claimed = dues.claimPrompt(incidentId, dueAt, at);
    if (claimed) {
      metrics.scheduledWorkRan(Duration.between(dueAt, at));
    }
    return claimed;
  }

  @Override
  public void releasePrompt(long incidentId, Instant dueAt) {
    dues.releasePrompt(incidentId, dueAt);
  }

  @Override
  public boolean recordMissed(
      long incidentId, Instant dueAt, Instant escalatedAt, Instant nextDue) {
    boolean recorded = dues.recordMissed(incidentId, dueAt, escalatedAt, nextDue);
    if (recorded) {
      metrics.updateOutcome(UpdateOutcome.MISSED.code());
    }
    return recorded;
  }

  @Override
  public boolean recordAnswered(
      long incidentId, Instant dueAt, UpdateOutcome outcome, int number, Instant nextDue) {
    boolean recorded = dues.recordAnswered(incidentId, dueAt, outcome, number, nextDue);
    if (recorded) {
      metrics.updateOutcome(outcome.code());
    }
    return recorded;
  }

  @Override
  public UpdateCompliance compliance(long incidentId) {
    return dues.compliance(incidentId);
  }
}
