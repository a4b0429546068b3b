package dev.sevzero.metrics;

import dev.sevzero.rotation.Handoff;
import dev.sevzero.rotation.HandoffContext;
import dev.sevzero.rotation.OncallOverride;
import dev.sevzero.rotation.RotationListener;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts handoffs on their way to the listener that announces them, and reports how late a
 * scheduled one ran (a handoff caught up at start-up is days late).
 */
public final class CountingRotationListener implements RotationListener {

  private final RotationListener listener;
  private final Metrics metrics;

  public CountingRotationListener(RotationListener listener, Metrics metrics) {
    this.listener = listener;
    this.metrics = metrics;
  }

  @Override
  public void handedOff(Handoff handoff, HandoffContext context) {
    metrics.handedOff();
    if (handoff.scheduledFor() != null) {
      metrics.scheduledWorkRan(Duration.between(handoff.scheduledFor(), handoff.at()));
    }
    listener.handedOff(handoff, context);
  }

  @Override
  public void overrideStarted(OncallOverride override) {
    listener.overrideStarted(override);
  }

  @Override
  public void overrideEnded(OncallOverride override, Optional<String> onCallNow) {
    listener.overrideEnded(override, onCallNow);
  }

  @Override
  public void handoffReminder(Handoff handoff) {
    listener.handoffReminder(handoff);
  }

  @Override
  public void handoffUnconfirmed(Handoff handoff) {
    listener.handoffUnconfirmed(handoff);
  }
}
