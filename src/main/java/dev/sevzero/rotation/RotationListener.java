package dev.sevzero.rotation;

import java.util.Optional;

/**
 * Told about rotation events inside the transaction that stores them, to announce them (the Slack
 * layer stores deliveries): the announcement is stored with the event or not at all. Only database
 * work belongs here.
 */
public interface RotationListener {

  void handedOff(Handoff handoff, HandoffContext context);

  void overrideStarted(OncallOverride override);

  /** {@code override} ran out; {@code onCallNow} holds the pager now (empty: nobody). */
  void overrideEnded(OncallOverride override, Optional<String> onCallNow);

  /** The incoming person has not confirmed 15 minutes after the handoff. */
  void handoffReminder(Handoff handoff);

  /** Still unconfirmed 30 minutes after the handoff: tell the channel and the outgoing person. */
  void handoffUnconfirmed(Handoff handoff);
}
