package dev.sevzero.incident;

import java.util.function.Supplier;

/** Runs a use case's reads and writes as one atomic unit. */
public interface Transactions {
  <T> T inTransaction(Supplier<T> work);

  /**
   * Runs {@code action} once the transaction under way has committed, never if it rolls back; at
   * once outside a transaction. For effects that must only follow what was stored, such as counts.
   */
  void afterCommit(Runnable action);
}
