package dev.sevzero.followups;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where follow-ups and the claims on their weekly reminders are kept. */
public interface FollowupRepository {

  /** Stores a new follow-up under the next number. */
  Followup insert(NewFollowup followup, Instant at);

  Optional<Followup> find(long id);

  /**
   * Marks the follow-up done unless it is already.
   *
   * @return true when this call marked it
   */
  boolean markDone(long id, String by, Instant at);

  /** The incident's follow-ups, done ones too, in the order they were recorded. */
  List<Followup> ofIncident(long incidentId);

  /** Every follow-up not done yet, in the order they were recorded. */
  List<Followup> open();

  /** Follow-ups not done whose due day is before {@code today}, in the order they were recorded. */
  List<Followup> overdueOn(LocalDate today);

  /** Follow-ups recorded in [from, to), in the order they were recorded. */
  List<Followup> createdBetween(Instant from, Instant to);

  /**
   * Claims the weekly reminder of {@code owner} for the week starting {@code weekOf}.
   *
   * @return true for the one caller (replica, restart) that gets to send it
   */
  boolean claimReminder(String owner, LocalDate weekOf, Instant at);
}
