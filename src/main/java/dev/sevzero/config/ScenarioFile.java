package dev.sevzero.config;

import dev.sevzero.exercises.ExerciseKind;
import dev.sevzero.exercises.Scenario;
import dev.sevzero.exercises.ScenarioLibrary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@code EXERCISE_SCENARIOS_FILE}: the team's own scenario library, replacing the built-in one.
 * YAML, or JSON (which YAML reads as it is):
 *
 * <pre>
 * scenarios:
 *   - id: lb-failure
 *     title: Load balancer failure
 *     kind: both            # tabletop | dr | both
 *     brief: What the responders find.
 *     checklist: [step one, step two, step three, step four]   # 4 to 8 steps
 * </pre>
 *
 * Any problem is one line naming where it is, so that start-up stops with it; unknown fields are
 * refused too, since a misspelt {@code checklist} would otherwise just vanish.
 */
final class ScenarioFile {

  private static final Set<String> FIELDS = Set.of("id", "title", "kind", "brief", "checklist");

  private ScenarioFile() {}

  /**
   * @throws IllegalArgumentException naming the problem and where it is
   */
  static ScenarioLibrary read(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the file (" + e.getClass().getSimpleName() + ")", e);
    }
    return parse(text);
  }

  static ScenarioLibrary parse(String text) {
    Object document;
    try {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark();
      throw new IllegalArgumentException(
          "not valid YAML or JSON: "
              + e.getProblem()
              + (mark == null
                  ? ""
                  : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1)),
          e);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("not valid YAML or JSON: " + e.getMessage(), e);
    }
    if (!(document instanceof Map<?, ?> top) || !(top.get("scenarios") instanceof List<?> list)) {
      throw new IllegalArgumentException("expected a top-level `scenarios` list");
    }
    List<Scenario> scenarios = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      scenarios.add(scenario(i + 1, list.get(i)));
    }
    return new ScenarioLibrary(scenarios);
  }

  private static Scenario scenario(int number, Object entry) {
    String where = "scenario " + number;
    if (!(entry instanceof Map<?, ?> fields)) {
      throw new IllegalArgumentException(where + ": expected id, title, kind, brief, checklist");
    }
    if (fields.get("id") instanceof String id) {
      where += " (\"" + id + "\")";
    }
    for (Object field : fields.keySet()) {
      if (!FIELDS.contains(String.valueOf(field))) {
        throw new IllegalArgumentException(
            where + ": unknown field \"" + field + "\" (known: id, title, kind, brief, checklist)");
      }
    }
    try {
      return new Scenario(
          text(fields, "id"),
          text(fields, "title"),
          kinds(text(fields, "kind")),
          text(fields, "brief"),
          checklist(fields.get("checklist")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static String text(Map<?, ?> fields, String name) {
    Object value = fields.get(name);
    if (value == null) {
      throw new IllegalArgumentException(name + " is missing");
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new IllegalArgumentException(name + " must be text");
    }
    return String.valueOf(value).strip();
  }

  private static Set<ExerciseKind> kinds(String kind) {
    if (kind.equalsIgnoreCase("both")) {
      return EnumSet.allOf(ExerciseKind.class);
    }
    return Set.of(
        ExerciseKind.parse(kind)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "kind \"" + kind + "\" must be tabletop, dr or both")));
  }

  private static List<String> checklist(Object value) {
    if (value == null) {
      throw new IllegalArgumentException("checklist is missing");
    }
    if (!(value instanceof List<?> steps)) {
      throw new IllegalArgumentException("checklist must be a list of steps");
    }
    List<String> checklist = new ArrayList<>();
    for (Object step : steps) {
      if (step == null || step instanceof Map<?, ?> || step instanceof List<?>) {
        throw new IllegalArgumentException(
            "checklist step " + (checklist.size() + 1) + " must be text");
      }
      checklist.add(String.valueOf(step).strip());
    }
    return checklist;
  }
}
