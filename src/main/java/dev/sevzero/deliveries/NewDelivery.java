package dev.sevzero.deliveries;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An external effect a change promises, to be stored in the change's transaction by {@link
 * Outbox#enqueue} and carried out after the commit.
 *
 * @param kind which {@link DeliveryHandler} carries it out
 * @param sequence deliveries sharing a sequence are carried out one at a time, in the order they
 *     were stored (create the channel → post the header → pin it); empty: independent
 * @param after waits until that delivery is no longer pending (an invite needs the channel),
 *     without joining its sequence
 * @param waitAtMost how long at most to wait for {@code after} (a page waits for the channel it
 *     links, but not for long); empty: for as long as it takes
 * @param incidentId the incident it is about, if any: for {@code /incident status} and for telling
 *     people in the incident's channel when it fails for good
 * @param payload what the handler needs, opaque here (JSON in practice)
 */
public record NewDelivery(
    String kind,
    Optional<String> sequence,
    Optional<Long> after,
    Optional<Duration> waitAtMost,
    Optional<Long> incidentId,
    String payload) {

  public NewDelivery {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(sequence);
    Objects.requireNonNull(after);
    Objects.requireNonNull(waitAtMost);
    Objects.requireNonNull(incidentId);
    Objects.requireNonNull(payload);
  }

  /** An independent delivery. */
  public static NewDelivery of(String kind, String payload) {
    return new NewDelivery(
        kind, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), payload);
  }

  public NewDelivery inSequence(String key) {
    return new NewDelivery(kind, Optional.of(key), after, waitAtMost, incidentId, payload);
  }

  public NewDelivery after(long deliveryId) {
    return new NewDelivery(
        kind, sequence, Optional.of(deliveryId), waitAtMost, incidentId, payload);
  }

  public NewDelivery after(Optional<Long> deliveryId) {
    return new NewDelivery(kind, sequence, deliveryId, waitAtMost, incidentId, payload);
  }

  /** Waits for {@code deliveryId}, if any, but no longer than {@code atMost}. */
  public NewDelivery after(Optional<Long> deliveryId, Duration atMost) {
    return new NewDelivery(kind, sequence, deliveryId, Optional.of(atMost), incidentId, payload);
  }

  public NewDelivery about(long incident) {
    return new NewDelivery(kind, sequence, after, waitAtMost, Optional.of(incident), payload);
  }
}
