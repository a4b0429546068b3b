package dev.sevzero.deliveries;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored delivery, claimed for one attempt.
 *
 * @param attempt 1 for the first attempt
 * @param resumed an earlier attempt may have reached its target (its replica died, the connection
 *     broke, the server failed after the fact): the handler checks before doing it again
 */
public record Delivery(
    long id,
    String kind,
    Optional<String> sequence,
    Optional<Long> incidentId,
    String payload,
    Instant createdAt,
    int attempt,
    boolean resumed) {}
