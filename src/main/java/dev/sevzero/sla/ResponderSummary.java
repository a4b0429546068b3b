package dev.sevzero.sla;

import java.time.Duration;

/** A first responder's month: how many incidents they answered first, and how fast on average. */
public record ResponderSummary(String userId, int responses, Duration averageResponse) {}
