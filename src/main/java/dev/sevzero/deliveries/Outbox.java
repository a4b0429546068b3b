package dev.sevzero.deliveries;

/**
 * Where a change stores the effects it promises. Call it inside the change's transaction: the
 * deliveries are stored with the change or not at all, and the dispatcher carries them out after
 * the commit.
 */
public interface Outbox {

  /** Stores {@code delivery}; returns its id, for a later delivery to wait for. */
  long enqueue(NewDelivery delivery);

  /**
   * The id of the earliest delivery of {@code kind} about {@code incidentId} that is still pending,
   * if any: what a delivery needing its result waits for.
   */
  java.util.Optional<Long> pending(String kind, long incidentId);
}
