package dev.sevzero.metrics;

import java.time.Duration;
import java.util.Optional;

/**
 * Effects stored but not yet delivered (SPEC §14): what {@code sevzero_deliveries_pending}, {@code
 * sevzero_delivery_oldest_pending_seconds} and {@code /readyz} report.
 */
public interface DeliveryBacklog {

  long pending();

  /** How long the oldest pending delivery has waited; empty when none is pending. */
  Optional<Duration> oldestPendingAge();

  /** Until deliveries are stored apart from the change that made them, none is ever pending. */
  DeliveryBacklog NONE =
      new DeliveryBacklog() {
        @Override
        public long pending() {
          return 0;
        }

        @Override
        public Optional<Duration> oldestPendingAge() {
          return Optional.empty();
        }
      };
}
