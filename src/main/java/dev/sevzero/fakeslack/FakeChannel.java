package dev.sevzero.fakeslack;

import java.util.List;
import java.util.Set;

/** Immutable snapshot of a channel (public channel or bot DM) at the time it was read. */
public record FakeChannel(
    String id,
    String name,
    boolean isIm,
    String topic,
    Set<String> members,
    List<String> pinnedTs,
    String createdBy) {}
