package dev.sevzero.postmortem;

import dev.sevzero.followups.Followup;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.incident.TimelineEntry;
import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.text.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a resolved incident's post-mortem says for certain: its metrics, roles, timeline (captured
 * messages in place), stakeholder updates and follow-ups, worded once for every format it is
 * written in (the Markdown draft, the Notion page). Slack user IDs mean nothing outside Slack, so
 * people appear as {@code @U123}, recognisable and searchable.
 */
public record PostMortem(
    Incident incident,
    List<TimelineEntry> timeline,
    List<StatusUpdate> updates,
    UpdateCompliance compliance,
    List<Followup> followups) {

  /** One labelled fact: a metric or a role. */
  public record Fact(String label, String value) {}

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final Pattern MENTION = Pattern.compile("<@([A-Z0-9]+)(\\|[^>]*)?>");

  public PostMortem {
    timeline = List.copyOf(timeline);
    updates = List.copyOf(updates);
    followups = List.copyOf(followups);
  }

  /** {@code Post-mortem: INC-3 (SEV1) checkout failing}. */
  public String title() {
    return "Post-mortem: "
        + incident.key()
        + " ("
        + incident.severity().label()
        + ") "
        + incident.title();
  }

  /**
   * Whether {@code title} is this incident's post-mortem's, whatever its severity was when it was
   * published.
   */
  public boolean isTitleOf(String title) {
    return title.startsWith("Post-mortem: " + incident.key() + " (");
  }

  /** The resolution's summary, if the resolver gave one. */
  public Optional<String> summary() {
    return resolution().map(Incident.Resolution::summary).map(PostMortem::readable);
  }

  public List<Fact> metrics() {
    Incident.Resolution resolution = resolution().orElseThrow();
    return List.of(
        new Fact(
            "Declared", at(incident.declared().at()) + " by " + person(incident.declared().by())),
        new Fact("Resolved", at(resolution.at()) + " by " + person(resolution.by())),
        new Fact("Duration", Durations.format(incident.age(resolution.at()))),
        new Fact(
            "Time to acknowledge",
            incident
                .acknowledgement()
                .map(ack -> Durations.format(Duration.between(incident.startedAt(), ack.at())))
                .orElse("never acknowledged")),
        new Fact(
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
                .orElse("no response recorded")),
        new Fact(
            "Stakeholder updates",
            updates.size()
                + " posted; "
                + compliance.onTime()
                + " on time, "
                + compliance.late()
                + " late, "
                + compliance.missed()
                + " missed"),
        new Fact("Severity", incident.severity().label() + (incident.isDrill() ? " (drill)" : "")),
        new Fact(
            "Follow-ups",
            followups.size()
                + " recorded, "
                + followups.stream().filter(Followup::isDone).count()
                + " done"));
  }

  public List<Fact> roles() {
    return List.of(
        new Fact("Incident Commander", incident.commander().map(PostMortem::person).orElse("—")),
        new Fact("Scribe / comms", incident.scribe().map(PostMortem::person).orElse("—")),
        new Fact(
            "Engineers",
            incident.engineers().isEmpty()
                ? "—"
                : String.join(
                    ", ", incident.engineers().stream().map(PostMortem::person).toList())));
  }

  /** Each timeline entry as one line; a captured message reads as who said what. */
  public List<String> timelineLines() {
    return timeline.stream().map(PostMortem::timelineLine).toList();
  }

  private static String timelineLine(TimelineEntry entry) {
    String when = at(entry.at()) + " — ";
    if (entry.kind() == TimelineEntry.Kind.MESSAGE) {
      return when + "💬 " + person(entry.actor()) + ": " + readable(entry.text());
    }
    boolean bySevzero = entry.actor().equals(TimelineEntry.SEVZERO);
    return when + readable(entry.text()) + (bySevzero ? "" : " (" + person(entry.actor()) + ")");
  }

  public List<String> updateLines() {
    return updates.stream()
        .map(
            update ->
                "Update #"
                    + update.number()
                    + " ("
                    + update.status().label()
                    + "), "
                    + at(update.postedAt())
                    + " by "
                    + person(update.postedBy())
                    + ": "
                    + readable(update.text()))
        .toList();
  }

  /**
   * {@code #4 Add an alert on replication lag — owner @U1, due 2026-12-01}; whether it is done is
   * {@link Followup#isDone()}, shown as a checkbox.
   */
  public static String followupLine(Followup followup) {
    return "#"
        + followup.id()
        + " "
        + readable(followup.text())
        + " — owner "
        + followup.owner().map(PostMortem::person).orElse("nobody yet")
        + followup.due().map(due -> ", due " + due).orElse("")
        + followup.done().map(done -> ", done by " + person(done.by())).orElse("");
  }

  private Optional<Incident.Resolution> resolution() {
    return incident.resolution();
  }

  static String at(Instant instant) {
    return UTC.format(instant);
  }

  static String person(String userId) {
    return "@" + userId;
  }

  /** Mentions as people read them outside Slack. */
  static String readable(String text) {
    return text == null ? null : MENTION.matcher(text).replaceAll("@$1");
  }
}
