package dev.sevzero.followups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.incident.Incident.Stamp;
import dev.sevzero.incident.Transactions;
import dev.sevzero.testing.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Due dates and the weekly reminder, over an in-memory store and a clock the test moves. */
class FollowupRulesTest {

  static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  /** Tuesday 2026-11-24, 02:00 Pacific. */
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));

  final InMemoryFollowups store = new InMemoryFollowups();
  final List<String> reminded = new ArrayList<>();
  final FollowupService service = new FollowupService(store, clock, PACIFIC);
  final FollowupNudges nudges =
      new FollowupNudges(
          store,
          (owner, overdue) -> reminded.add(owner + overdue.size()),
          new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
              return work.get();
            }

            @Override
            public void afterCommit(Runnable action) {
              action.run();
            }
          },
          clock,
          PACIFIC);

  @Test
  void aDueDateInThePastIsRefusedTodayIsFine() {
    assertThatThrownBy(() -> add("late", "UBOB", "2026-11-23"))
        .isInstanceOf(FollowupRefused.class)
        .hasMessage("2026-11-23 is in the past: give a due date from 2026-11-24 on.");
    assertThat(add("today", "UBOB", "2026-11-24").due()).contains(LocalDate.of(2026, 11, 24));
    assertThat(store.open()).hasSize(1);
  }

  @Test
  void todayIsTheTeamsDayNotUtcs() {
    // 2026-11-25T05:00Z is still the 24th in Pacific time.
    clock.set(Instant.parse("2026-11-25T05:00:00Z"));
    assertThat(service.today()).isEqualTo(LocalDate.of(2026, 11, 24));
  }

  @Test
  void anOwnerIsRemindedOnceAWeekOfEverythingOverdue() {
    add("alert on lag", "UBOB", "2026-11-24");
    add("runbook", "UBOB", "2026-11-24");
    add("not yet", "UBOB", "2026-12-24");
    add("nobody's", null, "2026-11-24");
    add("carol's", "UCAROL", "2026-11-24");
    nudges.remindDue();
    assertThat(reminded).as("nothing is overdue on its due day").isEmpty();

    clock.set(Instant.parse("2026-11-25T17:00:00Z"));
    nudges.remindDue();
    nudges.remindDue();
    assertThat(reminded).containsExactly("UBOB2", "UCAROL1");

    service.done(5, "UCAROL");
    clock.set(Instant.parse("2026-11-30T16:59:00Z"));
    nudges.remindDue();
    assertThat(reminded).as("the week starts Monday 09:00 Pacific").hasSize(2);

    clock.set(Instant.parse("2026-11-30T17:00:00Z"));
    nudges.remindDue();
    assertThat(reminded).containsExactly("UBOB2", "UCAROL1", "UBOB2");
  }

  @Test
  void theReminderWeekRunsFromMonday9InTheTeamsZoneAcrossDaylightSaving() {
    assertThat(FollowupNudges.reminderWeek(Instant.parse("2026-03-09T15:59:00Z"), PACIFIC))
        .isEqualTo(LocalDate.of(2026, 3, 2));
    // 2026-03-09 09:00 PDT is 16:00Z (the clocks went forward on the 8th).
    assertThat(FollowupNudges.reminderWeek(Instant.parse("2026-03-09T16:00:00Z"), PACIFIC))
        .isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(FollowupNudges.reminderWeek(Instant.parse("2026-03-15T23:00:00Z"), PACIFIC))
        .isEqualTo(LocalDate.of(2026, 3, 9));
  }

  @Test
  void doneOnceByTheFirstToPress() {
    Followup followup = add("alert", "UBOB", null);
    assertThat(service.done(followup.id(), "UCAROL").now()).isTrue();
    FollowupService.Done again = service.done(followup.id(), "UBOB");
    assertThat(again.now()).isFalse();
    assertThat(again.followup().done().orElseThrow().by()).isEqualTo("UCAROL");
    assertThatThrownBy(() -> service.done(99, "UBOB")).hasMessage("There is no follow-up #99.");
  }

  @Test
  void aMonthsFiguresCountWhatWasOpenedThenDoneAndOverdue() {
    add("one", "UBOB", "2026-11-24");
    add("two", "UBOB", "2026-11-30");
    add("three", "UBOB", null);
    service.done(2, "UBOB");
    clock.set(Instant.parse("2026-12-02T17:00:00Z"));
    add("december", "UBOB", "2026-12-02");
    FollowupFigures november =
        service.figures(
            Instant.parse("2026-11-01T07:00:00Z"), Instant.parse("2026-12-01T08:00:00Z"));
    assertThat(november).isEqualTo(new FollowupFigures(3, 1, 1, 1));
  }

  private Followup add(String text, String owner, String due) {
    return service.add(
        new NewFollowup(
            1,
            text,
            Optional.ofNullable(owner),
            Optional.ofNullable(due).map(LocalDate::parse),
            "UALICE"));
  }

  /** The repository's contract, in memory. */
  static final class InMemoryFollowups implements FollowupRepository {
    private final List<Followup> followups = new ArrayList<>();
    private final Set<String> claims = new HashSet<>();

    @Override
    public Followup insert(NewFollowup f, Instant at) {
      Followup stored =
          new Followup(
              followups.size() + 1,
              f.incidentId(),
              f.text(),
              f.owner(),
              f.due(),
              new Stamp(f.by(), at),
              Optional.empty());
      followups.add(stored);
      return stored;
    }

    @Override
    public Optional<Followup> find(long id) {
      return followups.stream().filter(f -> f.id() == id).findFirst();
    }

    @Override
    public boolean markDone(long id, String by, Instant at) {
      Optional<Followup> found = find(id).filter(f -> !f.isDone());
      found.ifPresent(
          f ->
              followups.set(
                  (int) id - 1,
                  new Followup(
                      f.id(),
                      f.incidentId(),
                      f.text(),
                      f.owner(),
                      f.due(),
                      f.created(),
                      Optional.of(new Stamp(by, at)))));
      return found.isPresent();
    }

    @Override
    public List<Followup> ofIncident(long incidentId) {
      return followups.stream().filter(f -> f.incidentId() == incidentId).toList();
    }

    @Override
    public List<Followup> open() {
      return followups.stream().filter(f -> !f.isDone()).toList();
    }

    @Override
    public List<Followup> overdueOn(LocalDate today) {
      return followups.stream().filter(f -> f.isOverdue(today)).toList();
    }

    @Override
    public List<Followup> createdBetween(Instant from, Instant to) {
      return followups.stream()
          .filter(f -> !f.created().at().isBefore(from) && f.created().at().isBefore(to))
          .toList();
    }

    @Override
    public boolean claimReminder(String owner, LocalDate weekOf, Instant at) {
      return claims.add(owner + "@" + weekOf);
    }
  }
}
