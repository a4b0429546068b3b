package dev.sevzero.deliveries;

/**
 * Carries out one kind of delivery. A handler is given each delivery until it answers delivered or
 * failed; it must be safe to call again for a delivery whose earlier attempt may have reached the
 * target ({@link Delivery#resumed()}): check, then adopt what is there instead of doing it twice.
 */
public interface DeliveryHandler {

  /** One attempt. Throwing counts as a retry that may have reached the target. */
  Outcome deliver(Delivery delivery);

  /**
   * The delivery failed for good: tell people (typically by enqueuing a notice). Runs in the
   * transaction that records the failure, so the notice is stored with it.
   */
  default void failedForGood(Delivery delivery, String reason, Outbox outbox) {}
}
