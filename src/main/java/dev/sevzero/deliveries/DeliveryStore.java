package dev.sevzero.deliveries;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stored deliveries, as the {@link Dispatcher} needs them. Claims are leases: a claim taken by
 * a replica that dies runs out, and the delivery is claimed again (as resumed).
 */
public interface DeliveryStore extends DeliveryBacklog {

  /**
   * Claims up to {@code limit} deliveries ready at {@code now}: pending, due, not claimed (or their
   * lease ran out), first of their sequence, and not waiting for another pending delivery. Only
   * {@code kinds} are claimed: others are left for a replica that can carry them out (a newer
   * version, during a rolling upgrade).
   */
  List<Delivery> claimReady(
      Set<String> kinds, String owner, Instant now, Instant leaseUntil, int limit);

  /**
   * {@link #claimReady}, among the deliveries stored by the transaction under way on this thread
   * only: what a change just stored, without looking through everything else still pending.
   */
  List<Delivery> claimStoredHere(
      Set<String> kinds, String owner, Instant now, Instant leaseUntil, int limit);

  /** Claims the next delivery of {@code sequence}, if it is ready and of one of {@code kinds}. */
  Optional<Delivery> claimNext(
      Set<String> kinds, String sequence, String owner, Instant now, Instant leaseUntil);

  void delivered(long id, Optional<String> result, Instant at);

  /** Gives the delivery back, to be tried again from {@code notBefore}. */
  void retryAt(long id, Instant notBefore, String reason, boolean mayHaveReached);

  void failed(long id, String reason, Instant at);

  /** Extends the leases of this owner's claims. */
  void renewLeases(String owner, Instant leaseUntil);

  /**
   * Gives back this owner's claims (shutting down with attempts still running): they are claimed
   * again at once, as resumed.
   */
  void releaseClaims(String owner);

  /** When the earliest pending delivery not yet due falls due, to sleep until then. */
  Optional<Instant> nextDue(Instant now);

  /** Forgets deliveries finished before {@code before}. */
  int prune(Instant before);
}
