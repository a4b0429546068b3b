package dev.sevzero.rotation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What an announcement of a handoff needs besides the handoff itself: until when the incoming
 * person holds the pager and who is next. Incident figures are the incident domain's; the Slack
 * layer asks it directly.
 */
public record HandoffContext(Instant nextHandoffAt, Optional<String> nextUser, ZoneId zone) {}
