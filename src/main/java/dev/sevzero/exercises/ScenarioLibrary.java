package dev.sevzero.exercises;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The scenarios the team rehearses, in the order they were written. */
public final class ScenarioLibrary {

  private final List<Scenario> scenarios;

  /**
   * @throws IllegalArgumentException when it is empty or two scenarios share an id
   */
  public ScenarioLibrary(List<Scenario> scenarios) {
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("the scenario library is empty");
    }
    Set<String> ids = new HashSet<>();
    for (Scenario scenario : scenarios) {
      if (!ids.add(scenario.id())) {
        throw new IllegalArgumentException("two scenarios have the id \"" + scenario.id() + "\"");
      }
    }
    this.scenarios = List.copyOf(scenarios);
  }

  public List<Scenario> all() {
    return scenarios;
  }

  /** The scenario {@code typed} names: its id, or its title in any case. */
  public Optional<Scenario> find(String typed) {
    String wanted = typed.strip().toLowerCase(Locale.ROOT);
    return scenarios.stream()
        .filter(s -> s.id().equals(wanted) || s.title().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }

  /**
   * The scenario to rehearse next in a {@code kind} exercise: one never rehearsed first, else the
   * one rehearsed longest ago; ties go to the library's order. A drill of any kind counts as
   * rehearsing its scenario.
   */
  public Optional<Scenario> next(ExerciseKind kind, Map<String, Instant> lastRehearsed) {
    return scenarios.stream()
        .filter(scenario -> scenario.suits(kind))
        .min(
            Comparator.comparing(
                (Scenario scenario) -> lastRehearsed.getOrDefault(scenario.id(), Instant.MIN)));
  }
}
