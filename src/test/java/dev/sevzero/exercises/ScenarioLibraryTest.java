package dev.sevzero.exercises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioLibraryTest {

  private static final List<String> STEPS = List.of("one", "two", "three", "four");
  private static final Instant JANUARY = Instant.parse("2027-01-05T18:00:00Z");

  private static Scenario scenario(String id, ExerciseKind... kinds) {
    return new Scenario(id, "Title of " + id, Set.of(kinds), "What happens in " + id, STEPS);
  }

  private final ScenarioLibrary library =
      new ScenarioLibrary(
          List.of(
              scenario("lb", ExerciseKind.TABLETOP, ExerciseKind.DR),
              scenario("cert", ExerciseKind.TABLETOP),
              scenario("region", ExerciseKind.DR),
              scenario("dns", ExerciseKind.TABLETOP)));

  @Test
  void monthlyRemindersRotateThroughEveryScenarioOfTheirKindLeastRecentlyRehearsedFirst() {
    Map<String, Instant> lastRehearsed = new HashMap<>();
    List<String> picked = new ArrayList<>();
    for (int month = 0; month < 7; month++) {
      Scenario next = library.next(ExerciseKind.TABLETOP, lastRehearsed).orElseThrow();
      picked.add(next.id());
      lastRehearsed.put(next.id(), JANUARY.plus(Duration.ofDays(30L * month)));
    }

    assertThat(picked).containsExactly("lb", "cert", "dns", "lb", "cert", "dns", "lb");
  }

  @Test
  void aDrillOfAnyKindCountsAsRehearsingItsScenario() {
    // The load balancer was just rehearsed in a DR drill: the next tabletop is the certificate.
    Map<String, Instant> lastRehearsed = Map.of("lb", JANUARY);

    assertThat(library.next(ExerciseKind.TABLETOP, lastRehearsed))
        .map(Scenario::id)
        .contains("cert");
    assertThat(library.next(ExerciseKind.DR, lastRehearsed)).map(Scenario::id).contains("region");
  }

  @Test
  void neverRehearsedComesBeforeRehearsedLongAgo() {
    Map<String, Instant> lastRehearsed =
        Map.of("lb", JANUARY.minus(Duration.ofDays(900)), "cert", JANUARY);

    assertThat(library.next(ExerciseKind.TABLETOP, lastRehearsed))
        .map(Scenario::id)
        .contains("dns");
  }

  @Test
  void scenariosAreFoundByIdOrTitleInAnyCase() {
    assertThat(library.find("DNS")).map(Scenario::id).contains("dns");
    assertThat(library.find(" title of region ")).map(Scenario::id).contains("region");
    assertThat(library.find("nothing")).isEmpty();
  }

  @Test
  void aLibraryNeedsScenariosWithDistinctIds() {
    assertThatThrownBy(() -> new ScenarioLibrary(List.of()))
        .hasMessage("the scenario library is empty");
    assertThatThrownBy(
            () ->
                new ScenarioLibrary(
                    List.of(scenario("lb", ExerciseKind.DR), scenario("lb", ExerciseKind.DR))))
        .hasMessage("two scenarios have the id \"lb\"");
  }

  @Test
  void theBuiltInLibraryCoversWhatAManagedCloudTeamRehearses() {
    ScenarioLibrary builtIn = BuiltInScenarios.library();

    assertThat(builtIn.all())
        .extracting(Scenario::id)
        .contains(
            "lb-failure",
            "az-outage",
            "db-failover",
            "expired-cert",
            "leaked-key",
            "deleted-bucket",
            "dns-mistake",
            "region-outage");
    assertThat(builtIn.all())
        .allSatisfy(
            scenario -> {
              assertThat(scenario.checklist()).hasSizeBetween(4, 8).doesNotHaveDuplicates();
              assertThat(scenario.brief()).hasSizeGreaterThan(100);
            });
    assertThat(builtIn.next(ExerciseKind.DR, Map.of())).isPresent();
    assertThat(builtIn.next(ExerciseKind.TABLETOP, Map.of())).isPresent();
  }
}
