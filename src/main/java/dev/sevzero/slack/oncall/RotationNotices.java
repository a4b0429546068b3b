package dev.sevzero.slack.oncall;

import static dev.sevzero.slack.SlackText.channel;
import static dev.sevzero.slack.SlackText.escape;
import static dev.sevzero.slack.SlackText.user;
import static dev.sevzero.slack.oncall.OncallViews.localTime;
import static dev.sevzero.slack.oncall.OncallViews.when;

import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.incident.Incident;
import dev.sevzero.rotation.Handoff;
import dev.sevzero.rotation.HandoffContext;
import dev.sevzero.rotation.OncallOverride;
import dev.sevzero.sla.SlaReport;
import dev.sevzero.sla.Verdict;
import dev.sevzero.slack.SlackBlocks;
import dev.sevzero.slack.sla.PunctualityText;
import dev.sevzero.text.Durations;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The wording of what the rotation tells on its own (plain mrkdwn): handoff announcements with
 * their briefing, the DMs to the people handing over, reminders and escalations, and the start and
 * end of overrides.
 */
final class RotationNotices {

  static final String CONFIRM_ACTION = "oncall_confirm_handoff";

  private RotationNotices() {}

  /** SPEC 6: "On-call handoff: @out → @in, until …" with what the incoming person inherits. */
  static String handoffAnnouncement(
      Handoff handoff, HandoffContext context, HandoffBriefing briefing) {
    return "🔁 On-call handoff: "
        + handoff.outgoing().map(out -> user(out)).orElse("nobody")
        + " → "
        + user(handoff.to())
        + ", until "
        + when(context.nextHandoffAt(), context.zone())
        + "."
        + why(handoff)
        + "\n"
        + briefing(briefing);
  }

  private static String why(Handoff handoff) {
    return switch (handoff.reason()) {
      case SCHEDULED -> "";
      case STARTUP_CATCH_UP -> " _(late: Sevzero was down at the scheduled time)_";
      case MANUAL -> " _(handed over by an admin)_";
      case REMOVAL -> " _(" + user(handoff.from()) + " left the roster)_";
      case FIRST_MEMBER -> " _(first person on the roster)_";
    };
  }

  static String briefing(HandoffBriefing briefing) {
    String open =
        briefing.open().isEmpty()
            ? "none"
            : briefing.open().stream()
                .map(RotationNotices::incident)
                .collect(Collectors.joining(", "));
    String sla =
        briefing
            .slaAverage()
            .map(
                average ->
                    "average response "
                        + Durations.format(average)
                        + briefing.verdict().map(v -> " (" + verdict(v) + ")").orElse(""))
            .orElse("no incidents yet");
    return "• Open incidents: "
        + open
        + "\n• Incidents last week: "
        + briefing.lastWeek()
        + "\n• SLA "
        + SlaReport.monthName(briefing.month())
        + " so far: "
        + sla
        + (briefing.punctuality().onTime()
            ? ""
            : "\n• " + PunctualityText.line(briefing.punctuality()));
  }

  private static String incident(Incident incident) {
    return incident.key()
        + " ("
        + incident.severity().label()
        + ") "
        + escape(incident.title())
        + incident.channelId().map(id -> " " + channel(id)).orElse("");
  }

  private static String verdict(Verdict verdict) {
    return switch (verdict) {
      case MET -> "met";
      case WITHIN_TOLERANCE -> "within tolerance";
      case BREACHED -> "breached";
    };
  }

  /** The incoming person's DM: the pager is theirs, please confirm. */
  static String incomingText(Handoff handoff, HandoffContext context) {
    return "📟 You have the on-call pager"
        + handoff.outgoing().map(out -> " from " + user(out)).orElse("")
        + " until "
        + when(context.nextHandoffAt(), context.zone())
        + ".";
  }

  static List<LayoutBlock> withConfirmButton(String text, Handoff handoff) {
    return SlackBlocks.textWithButton(
        text, CONFIRM_ACTION, "I have the pager", Long.toString(handoff.id()));
  }

  /** A roster of one: the same person holds the pager for another week. */
  static String keepText(HandoffContext context) {
    return "📟 You keep the on-call pager until "
        + when(context.nextHandoffAt(), context.zone())
        + ": nobody else is on the roster.";
  }

  static String outgoingText(Handoff handoff) {
    return "👋 You handed the on-call pager to "
        + user(handoff.to())
        + ". Until they confirm, you are their backup.";
  }

  static String reminderText(Handoff handoff, ZoneId zone) {
    return "⏰ Reminder: the on-call pager passed to you at "
        + localTime(handoff.at(), zone)
        + ". Please confirm you have it.";
  }

  static String unconfirmedText(Handoff handoff, ZoneId zone) {
    return "⚠️ "
        + user(handoff.to())
        + " has not confirmed the on-call handoff of "
        + localTime(handoff.at(), zone)
        + handoff.outgoing().map(out -> "; " + user(out) + " stays backup until they do").orElse("")
        + ".";
  }

  static String overrideText(OncallOverride override, ZoneId zone) {
    return "🔀 "
        + user(override.user())
        + " is on call from now until "
        + when(override.until(), zone)
        + " (override set by "
        + user(override.by())
        + "); then the schedule resumes.";
  }

  /** The DM to the person who now covers: pages come to them from this moment. */
  static String coveringText(OncallOverride override, ZoneId zone) {
    return "📟 "
        + user(override.by())
        + " asked you to cover: you are on call from now until "
        + when(override.until(), zone)
        + ", and new incidents page you. Then the schedule resumes.";
  }

  /** In {@code ONCALL_CHANNEL}: the override ran out and who has the pager now. */
  static String overrideEndedText(
      OncallOverride override, Optional<String> onCallNow, ZoneId zone) {
    return "🔀 The override is over: "
        + user(override.user())
        + " covered until "
        + when(override.until(), zone)
        + ". "
        + onCallNow
            .map(
                holder ->
                    holder.equals(override.user())
                        ? user(holder) + " is still on call (another override)."
                        : user(holder) + " is on call now, as the schedule says.")
            .orElse("Nobody is on call now: the on-call roster is empty.");
  }

  /** The DM to the person who covered, when someone else has the pager again. */
  static String coverEndedText(OncallOverride override, Optional<String> onCallNow, ZoneId zone) {
    return "📟 Your cover ended at "
        + when(override.until(), zone)
        + ": "
        + onCallNow
            .map(holder -> user(holder) + " is on call again, and new incidents page them.")
            .orElse("nobody is on call now (the on-call roster is empty).");
  }

  /** The DM to the person who has the pager again when a cover ends. */
  static String pagerBackText(OncallOverride override, ZoneId zone) {
    return "📟 "
        + user(override.user())
        + "'s cover ended at "
        + when(override.until(), zone)
        + ": you are on call again, and new incidents page you.";
  }
}
