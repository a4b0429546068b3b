package dev.sevzero.rotation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Remembers every rotation event, as a line per event, in order. */
class RecordingListener implements RotationListener {

  final List<String> events = new ArrayList<>();
  final List<Handoff> handoffs = new ArrayList<>();
  final List<HandoffContext> contexts = new ArrayList<>();

  @Override
  public void handedOff(Handoff handoff, HandoffContext context) {
    handoffs.add(handoff);
    contexts.add(context);
    events.add("handoff " + handoff.from() + "->" + handoff.to() + " " + handoff.reason().code());
  }

  @Override
  public void overrideStarted(OncallOverride override) {
    events.add("override " + override.user() + " until " + override.until());
  }

  @Override
  public void overrideEnded(OncallOverride override, Optional<String> onCallNow) {
    events.add("override " + override.user() + " ended, now " + onCallNow.orElse("nobody"));
  }

  @Override
  public void handoffReminder(Handoff handoff) {
    events.add("reminder " + handoff.to());
  }

  @Override
  public void handoffUnconfirmed(Handoff handoff) {
    events.add("unconfirmed " + handoff.from() + "->" + handoff.to());
  }
}
