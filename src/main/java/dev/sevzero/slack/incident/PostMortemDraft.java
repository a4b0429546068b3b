package dev.sevzero.slack.incident;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.incident.TimelineEntry;
import dev.sevzero.text.Durations;
import dev.sevzero.updates.UpdateCompliance;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The post-mortem draft uploaded when an incident is resolved: what is known for certain (timeline,
 * roles, metrics) filled in, and the questions only people can answer left as headings.
 */
final class PostMortemDraft {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final Pattern MENTION = Pattern.compile("<@([A-Z0-9]+)(\\|[^>]*)?>");

  private PostMortemDraft() {}

  static String fileName(Incident incident) {
    return incident.key().toLowerCase(java.util.Locale.ROOT) + "-post-mortem.md";
  }

  static String markdown(
      Incident incident,
      List<TimelineEntry> timeline,
      List<StatusUpdate> updates,
      UpdateCompliance compliance) {
    Incident.Resolution resolution = incident.resolution().orElseThrow();
    StringBuilder md = new StringBuilder();
    md.append("# Post-mortem: ").append(IncidentViews.headline(incident)).append("\n\n");
    md.append(
            "_Draft written by Sevzero when the incident was resolved. Fill in the sections below.")
        .append("_\n\n");
    md.append("## Summary\n\n");
    md.append(
            resolution.summary() == null
                ? "_What happened, in two sentences._"
                : resolution.summary())
        .append("\n\n");
    md.append("## Metrics\n\n");
    md.append("| | |\n|---|---|\n");
    row(md, "Declared", at(incident.declared().at()) + " by " + person(incident.declared().by()));
    row(md, "Resolved", at(resolution.at()) + " by " + person(resolution.by()));
    row(md, "Duration", Durations.format(incident.age(resolution.at())));
    row(
        md,
        "Time to acknowledge",
        incident
            .acknowledgement()
            .map(ack -> Durations.format(Duration.between(incident.startedAt(), ack.at())))
            .orElse("never acknowledged"));
    row(
        md,
        "Response time (SLA)",
        incident
            .response()
            .map(
                r ->
                    Durations.format(r.time())
                        + " ("
                        + r.kind().code()
                        + " by "
                        + person(r.by())
                        + ")")
            .orElse("no response recorded"));
    row(
        md,
        "Stakeholder updates",
        updates.size()
            + " posted; "
            + compliance.onTime()
            + " on time, "
            + compliance.late()
            + " late, "
            + compliance.missed()
            + " missed");
    row(md, "Severity", incident.severity().label() + (incident.isDrill() ? " (drill)" : ""));
    md.append("\n## Roles\n\n");
    md.append("- Incident Commander: ")
        .append(incident.commander().map(PostMortemDraft::person).orElse("—"))
        .append('\n');
    md.append("- Scribe / comms: ")
        .append(incident.scribe().map(PostMortemDraft::person).orElse("—"))
        .append('\n');
    md.append("- Engineers: ")
        .append(
            incident.engineers().isEmpty()
                ? "—"
                : String.join(
                    ", ", incident.engineers().stream().map(PostMortemDraft::person).toList()))
        .append("\n\n");
    md.append("## Timeline\n\n");
    for (TimelineEntry entry : timeline) {
      md.append("- ")
          .append(at(entry.at()))
          .append(" — ")
          .append(readable(entry.text()))
          .append(
              entry.actor().equals(TimelineEntry.SEVZERO) ? "" : " (" + person(entry.actor()) + ")")
          .append('\n');
    }
    md.append("\n## Root cause\n\n_Why did it happen? Keep asking why._\n\n");
    md.append("## What went well\n\n- \n\n## What could have gone better\n\n- \n\n");
    md.append("## Action items\n\n| action | owner | due |\n|---|---|---|\n| | | |\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String label, String value) {
    md.append("| ").append(label).append(" | ").append(value).append(" |\n");
  }

  private static String at(Instant instant) {
    return UTC.format(instant);
  }

  /** Slack user IDs mean nothing in a document read outside Slack; keep them recognisable. */
  private static String person(String userId) {
    return "@" + userId;
  }

  private static String readable(String text) {
    return MENTION.matcher(text).replaceAll("@$1");
  }
}
