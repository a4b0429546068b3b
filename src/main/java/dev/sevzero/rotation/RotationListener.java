package dev.sevzero.rotation;

/**
 * Told about rotation events after they are stored, to announce them (Slack layer). Called at most
 * once per event; a failure here does not undo the event.
 */
public interface RotationListener {

  void handedOff(Handoff handoff, HandoffContext context);

  void overrideStarted(OncallOverride override);

  /** The incoming person has not confirmed 15 minutes after the handoff. */
  void handoffReminder(Handoff handoff);

  /** Still unconfirmed 30 minutes after the handoff: tell the channel and the outgoing person. */
  void handoffUnconfirmed(Handoff handoff);
}
