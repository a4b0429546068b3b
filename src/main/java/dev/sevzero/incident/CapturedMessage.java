package dev.sevzero.incident;

import java.time.Instant;

/**
 * A message from an incident's channel that someone added to its timeline (SPEC §12).
 *
 * @param messageTs Slack's id of the message in the channel: capturing it twice stores it once
 * @param author who wrote the message
 * @param postedAt when it was written: its place on the timeline
 */
public record CapturedMessage(
    long incidentId,
    String messageTs,
    String author,
    Instant postedAt,
    String text,
    String capturedBy,
    Instant capturedAt) {}
