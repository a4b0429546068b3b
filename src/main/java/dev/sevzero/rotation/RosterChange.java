package dev.sevzero.rotation;

import java.util.Optional;

/** The roster after an edit, and the handoff the edit caused, if any (already announced). */
public record RosterChange(Roster roster, Optional<Handoff> handoff) {}
