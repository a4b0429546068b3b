package dev.sevzero.slack.oncall;

import dev.sevzero.rotation.Handoff;
import dev.sevzero.rotation.HandoffContext;
import dev.sevzero.rotation.OncallOverride;
import dev.sevzero.rotation.RotationListener;
import dev.sevzero.slack.SlackMessenger;
import dev.sevzero.slack.SlackWork;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tells Slack about rotation events (SPEC 6): the handoff in {@code ONCALL_CHANNEL}, DMs to both
 * people, the on-call user group, reminders and escalations. The rotation calls it from commands
 * and jobs alike; nothing here runs on the caller's thread, so a slow Slack never delays a
 * command's acknowledgement.
 */
public final class SlackRotationListener implements RotationListener {

  /**
   * @param oncallChannel {@code ONCALL_CHANNEL}; without it, handoffs are only told by DM
   * @param usergroup {@code ONCALL_USERGROUP}, when set
   * @param zone the rotation's zone, named in every time shown
   */
  public record Settings(
      Optional<String> oncallChannel, Optional<OncallUsergroup> usergroup, ZoneId zone) {}

  private final SlackMessenger slack;
  private final SlackWork work;
  private final HandoffBriefings briefings;
  private final Settings settings;

  /**
   * Rotation events are told in the order they happened: one after the other, never overlapping.
   */
  private CompletableFuture<Void> told = CompletableFuture.completedFuture(null);

  public SlackRotationListener(
      SlackMessenger slack, SlackWork work, HandoffBriefings briefings, Settings settings) {
    this.slack = slack;
    this.work = work;
    this.briefings = briefings;
    this.settings = settings;
  }

  @Override
  public void handedOff(Handoff handoff, HandoffContext context) {
    inOrder(
        "announce handoff " + handoff.id(),
        () -> {
          settings
              .oncallChannel()
              .ifPresent(
                  channel ->
                      slack.post(
                          channel,
                          OncallViews.handoffAnnouncement(
                              handoff, context, briefings.at(handoff.at()))));
          if (handoff.needsConfirmation()) {
            handoff
                .outgoing()
                .ifPresent(
                    out -> slack.directMessage(out, OncallViews.outgoingText(handoff), null));
            String text = OncallViews.incomingText(handoff, context);
            slack.directMessage(handoff.to(), text, OncallViews.withConfirmButton(text, handoff));
          } else {
            slack.directMessage(handoff.to(), OncallViews.keepText(context), null);
          }
          settings.usergroup().ifPresent(OncallUsergroup::sync);
        });
  }

  @Override
  public void overrideStarted(OncallOverride override) {
    inOrder(
        "announce override",
        () -> {
          settings
              .oncallChannel()
              .ifPresent(
                  channel ->
                      slack.post(channel, OncallViews.overrideText(override, settings.zone())));
          settings.usergroup().ifPresent(OncallUsergroup::sync);
        });
  }

  @Override
  public void handoffReminder(Handoff handoff) {
    inOrder(
        "remind " + handoff.to(),
        () -> {
          String text = OncallViews.reminderText(handoff, settings.zone());
          slack.directMessage(handoff.to(), text, OncallViews.withConfirmButton(text, handoff));
        });
  }

  @Override
  public void handoffUnconfirmed(Handoff handoff) {
    inOrder(
        "escalate unconfirmed handoff " + handoff.id(),
        () -> {
          String text = OncallViews.unconfirmedText(handoff, settings.zone());
          settings.oncallChannel().ifPresent(channel -> slack.post(channel, text));
          handoff.outgoing().ifPresent(out -> slack.directMessage(out, text, null));
        });
  }

  /** A failed announcement is logged by {@link SlackWork} and does not hold up the next one. */
  private synchronized void inOrder(String what, Runnable task) {
    told = told.thenCompose(ignored -> work.inParallel(what, task)).exceptionally(failure -> null);
  }
}
