package dev.sevzero.incident;

import java.time.Instant;

/** "Update #k on INC-n": what stakeholders were told, by whom and when. */
public record StatusUpdate(
    long incidentId,
    int number,
    Instant postedAt,
    String postedBy,
    UpdateStatus status,
    String text) {}
