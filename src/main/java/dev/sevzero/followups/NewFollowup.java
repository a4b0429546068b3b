package dev.sevzero.followups;

import java.time.LocalDate;
import java.util.Optional;

/** A follow-up as someone asked for it: for which incident, what, who and by when. */
public record NewFollowup(
    long incidentId, String text, Optional<String> owner, Optional<LocalDate> due, String by) {}
