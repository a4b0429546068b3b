package dev.sevzero.rotation;

import java.util.List;

/**
 * What {@code /oncall list} shows: the roster order, the coming handoffs (each as the shift it
 * starts), and every override not yet over.
 */
public record Schedule(Roster roster, List<Shift> upcoming, List<OncallOverride> overrides) {

  public Schedule {
    upcoming = List.copyOf(upcoming);
    overrides = List.copyOf(overrides);
  }
}
