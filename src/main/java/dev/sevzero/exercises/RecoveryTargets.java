package dev.sevzero.exercises;

import java.time.Duration;

/**
 * The recovery time and recovery point objectives a DR drill is held to.
 *
 * @param rto longest acceptable time to recover
 * @param rpo longest acceptable span of lost data
 */
public record RecoveryTargets(Duration rto, Duration rpo) {

  /** What a DR drill is held to when nobody said otherwise (the modal offers these). */
  public static final RecoveryTargets DEFAULT =
      new RecoveryTargets(Duration.ofHours(1), Duration.ofMinutes(15));

  public RecoveryTargets {
    if (rto.isNegative() || rto.isZero() || rpo.isNegative()) {
      throw new IllegalArgumentException("an RTO must be positive and an RPO not negative");
    }
  }
}
