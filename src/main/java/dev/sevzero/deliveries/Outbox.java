package dev.sevzero.deliveries;

import java.util.List;
import java.util.Optional;

/**
 * Where a change stores the effects it promises. Call it inside the change's transaction: the
 * deliveries are stored with the change or not at all, and the dispatcher carries them out after
 * the commit.
 */
public interface Outbox {

  /** Stores {@code delivery}; returns its id, for a later delivery to wait for. */
  long enqueue(NewDelivery delivery);

  /** Stores {@code deliveries} in that order; returns their ids, in the same order. */
  List<Long> enqueueAll(List<NewDelivery> deliveries);

  /**
   * The id of the earliest delivery of {@code kind} about {@code incidentId} that is still pending,
   * if any: what a delivery needing its result waits for.
   */
  Optional<Long> pending(String kind, long incidentId);
}
