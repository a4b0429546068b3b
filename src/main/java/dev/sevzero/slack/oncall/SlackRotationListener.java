package dev.sevzero.slack.oncall;

import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.rotation.Handoff;
import dev.sevzero.rotation.HandoffContext;
import dev.sevzero.rotation.OncallOverride;
import dev.sevzero.rotation.RotationListener;
import dev.sevzero.slack.delivery.SlackOutbox;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Tells Slack about rotation events (SPEC 6): the handoff in {@code ONCALL_CHANNEL}, DMs to both
 * people, the on-call user group, reminders and escalations. It hears each event inside the
 * transaction that stores it and stores the messages as deliveries, so a handoff and its
 * announcement are stored together and a dying replica leaves them for the next.
 */
public final class SlackRotationListener implements RotationListener {

  /**
   * @param oncallChannel {@code ONCALL_CHANNEL}; without it, handoffs are only told by DM
   * @param usergroup whether {@code ONCALL_USERGROUP} is set
   * @param zone the rotation's zone, named in every time shown
   */
  public record Settings(Optional<String> oncallChannel, boolean usergroup, ZoneId zone) {}

  private final SlackOutbox slack;
  private final HandoffBriefings briefings;
  private final Settings settings;

  public SlackRotationListener(SlackOutbox slack, HandoffBriefings briefings, Settings settings) {
    this.slack = slack;
    this.briefings = briefings;
    this.settings = settings;
  }

  @Override
  public void handedOff(Handoff handoff, HandoffContext context) {
    inOncallChannel(
        RotationNotices.handoffAnnouncement(handoff, context, briefings.at(handoff.at())),
        Optional.of(handoff.to()));
    if (handoff.needsConfirmation()) {
      handoff
          .outgoing()
          .ifPresent(
              out ->
                  dm(out, RotationNotices.outgoingText(handoff), null, Optional.of(handoff.to())));
      String text = RotationNotices.incomingText(handoff, context);
      dm(handoff.to(), text, RotationNotices.withConfirmButton(text, handoff), handoff.outgoing());
    } else {
      dm(handoff.to(), RotationNotices.keepText(context), null, Optional.empty());
    }
    syncUsergroup();
  }

  @Override
  public void overrideStarted(OncallOverride override) {
    inOncallChannel(
        RotationNotices.overrideText(override, settings.zone()), Optional.of(override.by()));
    if (!override.user().equals(override.by())) {
      dm(
          override.user(),
          RotationNotices.coveringText(override, settings.zone()),
          null,
          Optional.of(override.by()));
    }
    syncUsergroup();
  }

  /**
   * The channel hears that the schedule resumed; the person who covered and the one who has the
   * pager again each get a DM (a refusal is told in the channel, or to the other of the two).
   */
  @Override
  public void overrideEnded(OncallOverride override, Optional<String> onCallNow) {
    ZoneId zone = settings.zone();
    inOncallChannel(
        RotationNotices.overrideEndedText(override, onCallNow, zone), Optional.of(override.user()));
    if (onCallNow.equals(Optional.of(override.user()))) {
      return;
    }
    dm(override.user(), RotationNotices.coverEndedText(override, onCallNow, zone), null, onCallNow);
    onCallNow.ifPresent(
        holder ->
            dm(
                holder,
                RotationNotices.pagerBackText(override, zone),
                null,
                Optional.of(override.user())));
    syncUsergroup();
  }

  @Override
  public void handoffReminder(Handoff handoff) {
    String text = RotationNotices.reminderText(handoff, settings.zone());
    dm(handoff.to(), text, RotationNotices.withConfirmButton(text, handoff), handoff.outgoing());
  }

  @Override
  public void handoffUnconfirmed(Handoff handoff) {
    String text = RotationNotices.unconfirmedText(handoff, settings.zone());
    inOncallChannel(text, handoff.outgoing());
    handoff.outgoing().ifPresent(out -> dm(out, text, null, Optional.empty()));
  }

  /**
   * Posts in {@code ONCALL_CHANNEL} when there is one. A refusal is told by DM to {@code
   * otherwiseTell}: the channel itself is what failed.
   */
  private void inOncallChannel(String text, Optional<String> otherwiseTell) {
    settings.oncallChannel().ifPresent(channel -> post(channel, text, otherwiseTell));
  }

  private void post(String channel, String text, Optional<String> otherwiseTell) {
    slack.tellRotation(
        channel,
        null,
        text,
        null,
        "Could not post the on-call rotation's news in <#"
            + channel
            + ">: check ONCALL_CHANNEL and invite the bot",
        Optional.empty(),
        otherwiseTell);
  }

  /**
   * A refusal is told in {@code ONCALL_CHANNEL}, or without one by DM to {@code otherwiseTell}: the
   * person must hear it by hand, at 3 a.m. more than ever.
   */
  private void dm(
      String person, String text, List<LayoutBlock> blocks, Optional<String> otherwiseTell) {
    slack.tellRotation(
        null,
        person,
        text,
        blocks,
        "Could not DM <@" + person + "> about the on-call rotation: tell them by hand",
        settings.oncallChannel(),
        otherwiseTell);
  }

  private void syncUsergroup() {
    if (settings.usergroup()) {
      slack.syncUsergroup();
    }
  }
}
