package dev.sevzero.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.exercises.ExerciseKind;
import dev.sevzero.exercises.Scenario;
import dev.sevzero.exercises.ScenarioLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScenarioFileTest {

  private static final String YAML =
      """
      # our own library
      scenarios:
        - id: kafka-lag
          title: Kafka consumer lag
          kind: tabletop
          brief: >
            Orders stop flowing to the warehouse; the consumer group is 2 hours behind.
          checklist:
            - Find the stuck partition
            - Check the consumer's logs
            - Restart or scale the consumers
            - Watch the lag drain
        - id: vault-sealed
          title: Vault sealed
          kind: both
          brief: Vault restarted sealed and nothing can read its secrets.
          checklist: [Unseal with three keys, Check the audit log, Restart the agents, Verify]
      """;

  @TempDir Path directory;

  @Test
  void readsAYamlLibrary() {
    ScenarioLibrary library = ScenarioFile.parse(YAML);

    assertThat(library.all()).extracting(Scenario::id).containsExactly("kafka-lag", "vault-sealed");
    Scenario kafka = library.all().get(0);
    assertThat(kafka.title()).isEqualTo("Kafka consumer lag");
    assertThat(kafka.kinds()).containsExactly(ExerciseKind.TABLETOP);
    assertThat(kafka.brief()).startsWith("Orders stop flowing").doesNotEndWith("\n");
    assertThat(kafka.checklist()).hasSize(4).startsWith("Find the stuck partition");
    assertThat(library.all().get(1).kinds())
        .isEqualTo(Set.of(ExerciseKind.TABLETOP, ExerciseKind.DR));
  }

  @Test
  void readsAJsonLibrary() {
    ScenarioLibrary library =
        ScenarioFile.parse(
            """
            {"scenarios": [{"id": "dr-restore", "title": "Restore from backup", "kind": "dr",
              "brief": "Staging's database is dropped.",
              "checklist": ["Find the backup", "Restore it", "Point staging at it", "Time it"]}]}
            """);

    assertThat(library.all())
        .singleElement()
        .satisfies(s -> assertThat(s.suits(ExerciseKind.DR)).isTrue());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          'scenarios: [{id: a, title: A, kind: dr, brief: B, checklist: [1, 2]}]'                 | scenario 1 ("a"): checklist has 2 steps; it needs 4 to 8
          'scenarios: [{id: a, title: A, kind: drill, brief: B, checklist: [1, 2, 3, 4]}]'        | scenario 1 ("a"): kind "drill" must be tabletop, dr or both
          'scenarios: [{id: a, title: A, kind: dr, checklist: [1, 2, 3, 4]}]'                     | scenario 1 ("a"): brief is missing
          'scenarios: [{id: a, title: A, kind: dr, brief: B, checklst: [1, 2, 3, 4]}]'            | scenario 1 ("a"): unknown field "checklst" (known: id, title, kind, brief, checklist)
          'scenarios: [{id: A B, title: A, kind: dr, brief: B, checklist: [1, 2, 3, 4]}]'         | scenario 1 ("A B"): id "A B" must be lowercase letters, digits and dashes (at most 40)
          'scenarios: [{id: a, title: A, kind: dr, brief: B, checklist: step}]'                   | scenario 1 ("a"): checklist must be a list of steps
          'scenarios: [just text]'                                                                 | scenario 1: expected id, title, kind, brief, checklist
          'scenario: []'                                                                           | expected a top-level `scenarios` list
          'scenarios: []'                                                                          | the scenario library is empty
          """)
  void namesWhatIsWrongAndWhere(String text, String problem) {
    assertThatThrownBy(() -> ScenarioFile.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(problem);
  }

  @Test
  void aSyntaxErrorNamesItsLine() {
    assertThatThrownBy(() -> ScenarioFile.parse("scenarios:\n  - id: a\n  title: [unclosed\n"))
        .hasMessageStartingWith("not valid YAML or JSON: ")
        .hasMessageContaining("line 3");
  }

  @Test
  void twoScenariosWithOneIdAreRefused() {
    String twice =
        "scenarios:\n"
            + "  - {id: a, title: A, kind: dr, brief: B, checklist: [1, 2, 3, 4]}\n"
            + "  - {id: a, title: C, kind: dr, brief: D, checklist: [1, 2, 3, 4]}\n";
    assertThatThrownBy(() -> ScenarioFile.parse(twice))
        .hasMessage("two scenarios have the id \"a\"");
  }

  @Test
  void theConfigurationReadsTheFileAndStopsOnOneLineWhenItIsMalformed() throws IOException {
    Path good = Files.writeString(directory.resolve("scenarios.yaml"), YAML);
    Path bad =
        Files.writeString(
            directory.resolve("bad.json"),
            "{\"scenarios\": [{\"id\": \"x\", \"title\": \"X\", \"kind\": \"dr\","
                + " \"brief\": \"B\", \"checklist\": [\"only one\"]}]}");
    Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1");

    assertThat(
            Config.fromEnvironment(with(env, "EXERCISE_SCENARIOS_FILE", good.toString()))
                .exercises()
                .scenarios())
        .hasValueSatisfying(library -> assertThat(library.all()).hasSize(2));
    assertThat(Config.fromEnvironment(env).exercises().scenarios()).isEmpty();
    assertThatThrownBy(
            () -> Config.fromEnvironment(with(env, "EXERCISE_SCENARIOS_FILE", bad.toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "EXERCISE_SCENARIOS_FILE: \""
                + bad
                + "\": scenario 1 (\"x\"): checklist has 1 steps; it needs 4 to 8");
    assertThatThrownBy(
            () ->
                Config.fromEnvironment(
                    with(
                        env, "EXERCISE_SCENARIOS_FILE", directory.resolve("none.yaml").toString())))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith("none.yaml\": cannot read the file (NoSuchFileException)");
  }

  @Test
  void aScheduleIsTurnedOffWithNone() {
    Map<String, String> env = Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1");

    Config defaults = Config.fromEnvironment(env);
    assertThat(defaults.exercises().tabletopCron()).contains("0 0 10 ? * TUE#1");
    assertThat(defaults.exercises().drDrillCron()).contains("0 0 10 ? 1,4,7,10 TUE#2");
    Config off = Config.fromEnvironment(with(env, "TABLETOP_CRON", "none"));
    assertThat(off.exercises().tabletopCron()).isEmpty();
    assertThatThrownBy(() -> Config.fromEnvironment(with(env, "DR_DRILL_CRON", "quarterly")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("DR_DRILL_CRON: \"quarterly\" is not a Quartz cron expression");
  }

  private static Map<String, String> with(Map<String, String> env, String name, String value) {
    Map<String, String> more = new java.util.HashMap<>(env);
    more.put(name, value);
    return more;
  }
}
