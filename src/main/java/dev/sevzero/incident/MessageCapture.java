package dev.sevzero.incident;

import dev.sevzero.incident.TimelineEntry.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The "Add to incident timeline" shortcut's use case: a message from an incident's channel becomes
 * a timeline entry with its author, text and original time, so the timeline reads in the order
 * things happened. A resolved incident still takes messages: its post-mortem is written after.
 */
public final class MessageCapture {

  /** What capturing did: {@code added} is false when the message was on the timeline already. */
  public record Outcome(Incident incident, boolean added) {}

  /** A message as Slack showed it. */
  public record Message(
      String channelId, String ts, String author, Instant postedAt, String text) {}

  private final IncidentRepository incidents;
  private final CapturedMessageRepository captured;
  private final Transactions transactions;
  private final Clock clock;

  public MessageCapture(
      IncidentRepository incidents,
      CapturedMessageRepository captured,
      Transactions transactions,
      Clock clock) {
    this.incidents = incidents;
    this.captured = captured;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Adds {@code message} to the timeline of the incident whose channel it is in.
   *
   * @return empty when the channel is no incident's
   */
  public Optional<Outcome> capture(Message message, String capturedBy) {
    Optional<Incident> here = incidents.findByChannel(message.channelId());
    if (here.isEmpty()) {
      return Optional.empty();
    }
    long id = here.get().id();
    return Optional.of(
        transactions.inTransaction(
            () -> {
              // Held like every change to an incident, so its timeline numbers stay in order.
              Incident incident = incidents.findForChange(id).orElseThrow();
              boolean added =
                  captured.insertIfNew(
                      new CapturedMessage(
                          id,
                          message.ts(),
                          message.author(),
                          message.postedAt(),
                          message.text(),
                          capturedBy,
                          clock.instant()));
              if (added) {
                incidents.append(
                    new TimelineEntry(
                        id, message.postedAt(), message.author(), Kind.MESSAGE, message.text()));
              }
              return new Outcome(incident, added);
            }));
  }
}
