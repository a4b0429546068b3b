package dev.sevzero.slack.oncall;

import static dev.sevzero.slack.SlackText.user;

import dev.sevzero.rotation.Handoff;
import dev.sevzero.rotation.OnCallStatus;
import dev.sevzero.rotation.OncallOverride;
import dev.sevzero.rotation.Schedule;
import dev.sevzero.rotation.Shift;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wording of {@code /oncall} replies (plain mrkdwn), and how rotation times are written in them
 * and in {@link RotationNotices}.
 */
final class OncallViews {

  static final String EMPTY_ROSTER_HINT = "Add people with `/oncall add @user`.";

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

  private OncallViews() {}

  /** "Mon 30 Nov 12:00 PST": a rotation time in the rotation's zone, naming the zone. */
  static String localTime(Instant instant, ZoneId zone) {
    return LOCAL.format(instant.atZone(zone));
  }

  /**
   * The rotation's local time, then Slack's date token so that each reader also sees it in their
   * own zone (the token falls back to the local time where it cannot be rendered).
   */
  static String when(Instant instant, ZoneId zone) {
    String local = localTime(instant, zone);
    return local
        + " (<!date^"
        + instant.getEpochSecond()
        + "^{date_short_pretty} {time}|"
        + local
        + ">)";
  }

  static String status(OnCallStatus status, ZoneId zone) {
    if (status instanceof OnCallStatus.OnCall onCall) {
      return onCall(onCall, zone);
    }
    OnCallStatus.NobodyOnCall nobody = (OnCallStatus.NobodyOnCall) status;
    return "📭 " + nobody.reason() + "\nNext handoff: " + when(nobody.nextHandoffAt(), zone) + ".";
  }

  private static String onCall(OnCallStatus.OnCall onCall, ZoneId zone) {
    StringBuilder text =
        new StringBuilder("📟 ")
            .append(user(onCall.user()))
            .append(" is on call since ")
            .append(when(onCall.since(), zone))
            .append('.');
    onCall
        .override()
        .ifPresent(
            override ->
                text.append("\nOverride until ")
                    .append(when(override.until(), zone))
                    .append(", set by ")
                    .append(user(override.by()))
                    .append(
                        onCall
                            .rotationHolder()
                            .map(holder -> "; the rotation's on-call is " + user(holder))
                            .orElse(""))
                    .append('.'));
    onCall
        .unconfirmedHandoff()
        .flatMap(Handoff::outgoing)
        .ifPresent(
            backup ->
                text.append("\n")
                    .append(user(backup))
                    .append(" stays backup until ")
                    .append(user(onCall.unconfirmedHandoff().get().to()))
                    .append(" confirms the handoff."));
    text.append("\nNext handoff: ").append(when(onCall.nextHandoffAt(), zone));
    onCall.nextUser().ifPresent(next -> text.append(" → ").append(user(next)));
    return text.append('.').toString();
  }

  static String schedule(Schedule schedule, ZoneId zone) {
    List<String> lines = new ArrayList<>();
    if (schedule.roster().isEmpty()) {
      lines.add("The on-call roster is empty. " + EMPTY_ROSTER_HINT);
    } else {
      lines.add("*On-call roster* (handoffs in " + zone.getId() + ")");
      List<String> members = schedule.roster().members();
      for (int index = 0; index < members.size(); index++) {
        lines.add((index + 1) + ". " + user(members.get(index)));
      }
      lines.add("*Next " + schedule.upcoming().size() + " handoffs*");
      for (Shift shift : schedule.upcoming()) {
        lines.add("• " + when(shift.startsAt(), zone) + " → " + user(shift.user()));
        for (OncallOverride override : shift.overrides()) {
          lines.add("    ↳ covered by " + overrideSpan(override, zone));
        }
      }
    }
    if (!schedule.overrides().isEmpty()) {
      lines.add("*Overrides*");
      for (OncallOverride override : schedule.overrides()) {
        lines.add("• " + overrideSpan(override, zone) + ", set by " + user(override.by()));
      }
    }
    return String.join("\n", lines);
  }

  private static String overrideSpan(OncallOverride override, ZoneId zone) {
    return user(override.user())
        + " from "
        + localTime(override.from(), zone)
        + " until "
        + localTime(override.until(), zone);
  }

  static String confirmedText(Handoff handoff, ZoneId zone) {
    return "✅ You have the on-call pager: confirmed "
        + localTime(handoff.confirmedAt(), zone)
        + ". Nothing more to press.";
  }
}
