package dev.sevzero.followups;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * The follow-up use cases: record one, mark it done, list them, count a month's. Due days are days
 * in the team's zone: a follow-up due on the 3rd is overdue from the 4th there.
 */
public final class FollowupService {

  /** What pressing Done did: {@code now} is false when someone had pressed it already. */
  public record Done(Followup followup, boolean now) {}

  private final FollowupRepository followups;
  private final Clock clock;
  private final ZoneId zone;

  public FollowupService(FollowupRepository followups, Clock clock, ZoneId zone) {
    this.followups = followups;
    this.clock = clock;
    this.zone = zone;
  }

  /** Today in the team's zone. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), zone);
  }

  /**
   * Records a follow-up; a resolved incident takes them too.
   *
   * @throws FollowupRefused when the due day is already past
   */
  public Followup add(NewFollowup followup) {
    LocalDate today = today();
    if (followup.due().isPresent() && followup.due().get().isBefore(today)) {
      throw new FollowupRefused(
          followup.due().get() + " is in the past: give a due date from " + today + " on.");
    }
    return followups.insert(followup, clock.instant());
  }

  /**
   * Marks a follow-up done; anyone may.
   *
   * @throws FollowupRefused when there is no such follow-up
   */
  public Done done(long id, String by) {
    boolean now = followups.markDone(id, by, clock.instant());
    Followup followup =
        followups
            .find(id)
            .orElseThrow(() -> new FollowupRefused("There is no follow-up #" + id + "."));
    return new Done(followup, now);
  }

  public List<Followup> ofIncident(long incidentId) {
    return followups.ofIncident(incidentId);
  }

  public List<Followup> open() {
    return followups.open();
  }

  /** The follow-ups recorded in [from, to): how many, how many done and overdue now. */
  public FollowupFigures figures(Instant from, Instant to) {
    LocalDate today = today();
    List<Followup> opened = followups.createdBetween(from, to);
    return new FollowupFigures(
        opened.size(),
        (int) opened.stream().filter(Followup::isDone).count(),
        (int) opened.stream().filter(f -> f.isOverdue(today)).count(),
        followups.overdueOn(today).size());
  }
}
