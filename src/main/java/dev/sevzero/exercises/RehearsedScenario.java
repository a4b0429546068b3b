package dev.sevzero.exercises;

import java.time.Instant;
import java.util.Optional;

/** A scenario of the library and when it was last rehearsed, if ever. */
public record RehearsedScenario(Scenario scenario, Optional<Instant> lastRehearsed) {}
