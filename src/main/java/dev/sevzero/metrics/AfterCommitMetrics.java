package dev.sevzero.metrics;

import dev.sevzero.incident.Transactions;
import java.time.Duration;

/**
 * Counts what a change stored only once its transaction has committed: a declaration, response,
 * update outcome or handoff rolled back (the database failed, a second press lost its claim) is not
 * counted. Counts of what happened outside the database (calls out, acknowledgements, webhooks)
 * pass straight through.
 */
public final class AfterCommitMetrics implements Metrics {

  private final Metrics metrics;
  private final Transactions transactions;

  public AfterCommitMetrics(Metrics metrics, Transactions transactions) {
    this.metrics = metrics;
    this.transactions = transactions;
  }

  @Override
  public void incidentDeclared(String severity, boolean drill) {
    transactions.afterCommit(() -> metrics.incidentDeclared(severity, drill));
  }

  @Override
  public void responded(Duration time) {
    transactions.afterCommit(() -> metrics.responded(time));
  }

  @Override
  public void updateOutcome(String outcome) {
    transactions.afterCommit(() -> metrics.updateOutcome(outcome));
  }

  @Override
  public void handedOff() {
    transactions.afterCommit(metrics::handedOff);
  }

  @Override
  public void scheduledWorkRan(Duration lag) {
    transactions.afterCommit(() -> metrics.scheduledWorkRan(lag));
  }

  @Override
  public void externalCall(Target target, String method, String outcome) {
    metrics.externalCall(target, method, outcome);
  }

  @Override
  public void alertReceived(String source, String outcome) {
    metrics.alertReceived(source, outcome);
  }

  @Override
  public void acknowledged(Duration time) {
    metrics.acknowledged(time);
  }
}
