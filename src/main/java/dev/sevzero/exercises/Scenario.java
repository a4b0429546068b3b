package dev.sevzero.exercises;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A failure the team rehearses: what it is, the brief read out at the start, and the checklist of
 * steps the drill works through.
 *
 * @param id short and stable ({@code lb-failure}): typed in {@code /incident drill} and stored with
 *     every drill, so that the rotation knows when it was last rehearsed
 * @param kinds the exercises it suits: tabletop, DR, or both
 */
public record Scenario(
    String id, String title, Set<ExerciseKind> kinds, String brief, List<String> checklist) {

  public static final int FEWEST_STEPS = 4;
  public static final int MOST_STEPS = 8;
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

  /**
   * @throws IllegalArgumentException naming what is wrong
   */
  public Scenario {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "id \"" + id + "\" must be lowercase letters, digits and dashes (at most 40)");
    }
    requireText(title, "title");
    requireText(brief, "brief");
    kinds = Set.copyOf(kinds);
    if (kinds.isEmpty()) {
      throw new IllegalArgumentException("kind must be tabletop, dr or both");
    }
    checklist = List.copyOf(checklist);
    if (checklist.size() < FEWEST_STEPS || checklist.size() > MOST_STEPS) {
      throw new IllegalArgumentException(
          "checklist has "
              + checklist.size()
              + " steps; it needs "
              + FEWEST_STEPS
              + " to "
              + MOST_STEPS);
    }
    for (int i = 0; i < checklist.size(); i++) {
      requireText(checklist.get(i), "checklist step " + (i + 1));
    }
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is missing");
    }
  }

  public boolean suits(ExerciseKind kind) {
    return kinds.contains(kind);
  }
}
