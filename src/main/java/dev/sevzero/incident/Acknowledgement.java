package dev.sevzero.incident;

import java.time.Duration;

/** The answer to an acknowledgement: the first one, or who got there before and how fast. */
public record Acknowledgement(Incident incident, boolean first, String by, Duration after) {}
