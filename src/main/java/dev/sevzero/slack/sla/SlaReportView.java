package dev.sevzero.slack.sla;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static dev.sevzero.slack.SlackText.channel;
import static dev.sevzero.slack.SlackText.date;
import static dev.sevzero.slack.SlackText.escape;
import static dev.sevzero.slack.SlackText.shorten;
import static dev.sevzero.slack.SlackText.user;
import static dev.sevzero.text.Durations.format;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.sla.DetectionDelay;
import dev.sevzero.sla.IncidentFacts;
import dev.sevzero.sla.MeasuredResponse;
import dev.sevzero.sla.MonthFigures;
import dev.sevzero.sla.MonthFigures.FiguresChange;
import dev.sevzero.sla.ResponderSummary;
import dev.sevzero.sla.SlaPolicy;
import dev.sevzero.sla.SlaReport;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The monthly SLA report as Block Kit: the verdict first, then the why (SPEC §7). */
public final class SlaReportView {

  // Long lists are cut so that every section stays under Slack's 3,000 characters; the CSV has
  // every incident.
  private static final int MOST_LISTED = 10;
  private static final int LONGEST_TITLE = 80;

  private SlaReportView() {}

  public static List<LayoutBlock> blocks(SlaReport report) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("SLA — " + report.monthName()))));
    if (report.isEmpty()) {
      blocks.add(
          mrkdwnSection(
              "No incidents were declared in "
                  + report.monthName()
                  + " ("
                  + report.policy().zone().getId()
                  + "): nothing to measure."));
    } else {
      blocks.add(mrkdwnSection(verdictLine(report)));
      blocks.add(section(s -> s.fields(figureFields(report))));
      DetectionDelay.of(report.incidents())
          .ifPresent(delay -> blocks.add(mrkdwnSection(detectionLine(delay))));
      blocks.add(divider());
      addList(blocks, aboveTarget(report));
      addList(blocks, neverResponded(report));
      addList(blocks, responders(report));
    }
    addList(blocks, drills(report));
    blocks.add(context(c -> c.elements(List.of(markdownText(footnote(report))))));
    return blocks;
  }

  /** The message's plain {@code text}: what notifications and screen readers get. */
  /** Where the report's files went: privately to the requester, not to the channel. */
  public static LayoutBlock privateFilesNote(List<String> filenames) {
    String files =
        filenames.stream().map(name -> "`" + name + "`").collect(Collectors.joining(" and "));
    return context(
        c ->
            c.elements(
                List.of(
                    markdownText(
                        "📎 "
                            + files
                            + (filenames.size() == 1 ? " is" : " are")
                            + " on the way to you privately, in your DM with Sevzero"
                            + " (not in this channel)."))));
  }

  public static String fallbackText(SlaReport report) {
    if (report.isEmpty()) {
      return "SLA — " + report.monthName() + ": no incidents";
    }
    return "SLA — "
        + report.monthName()
        + ": "
        + verdictName(report)
        + ", average "
        + format(report.figures().average());
  }

  private static String verdictLine(SlaReport report) {
    SlaPolicy policy = report.policy();
    MonthFigures figures = report.figures();
    FiguresChange change = report.changeFromPreviousMonth();
    return verdictEmoji(report)
        + " *"
        + verdictName(report)
        + "* — average *"
        + format(figures.average())
        + "*"
        + changeOf(change, FiguresChange::average)
        + " against target "
        + format(policy.target())
        + " (ceiling "
        + format(policy.ceiling())
        + ")";
  }

  private static String verdictEmoji(SlaReport report) {
    return switch (report.verdict()) {
      case MET -> "✅";
      case WITHIN_TOLERANCE -> "⚠️";
      case BREACHED -> "🚨";
    };
  }

  private static String verdictName(SlaReport report) {
    return switch (report.verdict()) {
      case MET -> "Met";
      case WITHIN_TOLERANCE -> "Within tolerance";
      case BREACHED -> "Breached";
    };
  }

  private static List<TextObject> figureFields(SlaReport report) {
    MonthFigures figures = report.figures();
    FiguresChange change = report.changeFromPreviousMonth();
    return List.of(
        field("Median", format(figures.median()) + changeOf(change, FiguresChange::median)),
        field(
            "90th percentile",
            format(figures.percentile90()) + changeOf(change, FiguresChange::percentile90)),
        field("Max", format(figures.max()) + changeOf(change, FiguresChange::max)),
        field("Mean time to resolve", meanTimeToResolve(figures, change)),
        field("Incidents", incidents(report)),
        field("Update compliance", updateCompliance(report.updateCompliance())));
  }

  private static String meanTimeToResolve(MonthFigures figures, FiguresChange change) {
    return figures.meanTimeToResolve() == null
        ? "none resolved yet"
        : format(figures.meanTimeToResolve()) + changeOf(change, FiguresChange::meanTimeToResolve);
  }

  private static String incidents(SlaReport report) {
    FiguresChange change = report.changeFromPreviousMonth();
    String total =
        report.figures().incidents() + (change == null ? "" : " " + arrow(change.incidents()));
    String bySeverity =
        report.incidentsBySeverity().entrySet().stream()
            .map(entry -> entry.getKey() + " " + entry.getValue())
            .collect(Collectors.joining(" · "));
    return total + "\n" + bySeverity;
  }

  private static String updateCompliance(UpdateCompliance updates) {
    if (updates.total() == 0) {
      return "none recorded";
    }
    return updates.onTime()
        + " on time · "
        + updates.late()
        + " late · "
        + updates.missed()
        + " missed";
  }

  private static ListSection aboveTarget(SlaReport report) {
    return new ListSection(
        "*Above target (" + report.aboveTarget().size() + ")*",
        report.aboveTarget().stream().map(SlaReportView::aboveTargetLine).toList());
  }

  private static String aboveTargetLine(MeasuredResponse response) {
    return incident(response.incident())
        + " — *"
        + format(response.time())
        + "*, first response "
        + user(response.incident().respondedBy())
        + ", "
        + channel(response.incident().channelId());
  }

  private static ListSection neverResponded(SlaReport report) {
    ZoneId zone = report.policy().zone();
    return new ListSection(
        "🚩 *Never responded ("
            + report.neverResponded().size()
            + ")* — counted with their open time",
        report.neverResponded().stream()
            .map(response -> neverRespondedLine(response, zone))
            .toList());
  }

  private static String neverRespondedLine(MeasuredResponse response, ZoneId zone) {
    IncidentFacts incident = response.incident();
    return incident(incident)
        + " — open *"
        + format(response.time())
        + "*"
        + (incident.resolved() ? " until resolved" : " so far, still open")
        + ", declared "
        + date(incident.declaredAt(), zone)
        + ", "
        + channel(incident.channelId());
  }

  private static ListSection responders(SlaReport report) {
    return new ListSection(
        "*Responders*", report.responders().stream().map(SlaReportView::responderLine).toList());
  }

  private static String responderLine(ResponderSummary responder) {
    return user(responder.userId())
        + " — "
        + responder.responses()
        + (responder.responses() == 1 ? " incident" : " incidents")
        + ", average "
        + format(responder.averageResponse());
  }

  /** Alert-born incidents count from detection: how far ahead of the declaration that was. */
  private static String detectionLine(DetectionDelay delay) {
    return "*Declared from alerts: "
        + delay.incidents()
        + (delay.incidents() == 1 ? " incident" : " incidents")
        + "* — detection → declaration average "
        + format(delay.average())
        + ", max "
        + format(delay.max())
        + " (their response time counts from detection)";
  }

  private static ListSection drills(SlaReport report) {
    ZoneId zone = report.policy().zone();
    return new ListSection(
        "*Drills held (" + report.drills().size() + ")* — excluded from every figure",
        report.drills().stream()
            .map(drill -> incident(drill) + ", " + date(drill.declaredAt(), zone))
            .toList());
  }

  private static String incident(IncidentFacts incident) {
    return incident.key() + " " + escape(shorten(incident.title(), LONGEST_TITLE));
  }

  private static String footnote(SlaReport report) {
    SlaPolicy.MonthRange range = report.policy().rangeOf(report.month());
    ZoneId zone = report.policy().zone();
    String comparison =
        report.changeFromPreviousMonth() == null
            ? "No previous month to compare with."
            : "▲/▼: change against " + SlaReport.monthName(report.month().minusMonths(1)) + ".";
    return "Month in "
        + zone.getId()
        + ": "
        + date(range.start(), zone)
        + " to "
        + date(range.end(), zone)
        + ". Drills excluded; incidents never responded to count with their open time;"
        + " 90th percentile by nearest rank. "
        + comparison
        + " Generated "
        + date(report.generatedAt(), zone)
        + ".";
  }

  private static String changeOf(FiguresChange change, Function<FiguresChange, Duration> figure) {
    if (change == null || figure.apply(change) == null) {
      return "";
    }
    Duration difference = figure.apply(change);
    if (difference.isZero()) {
      return " (no change)";
    }
    return " (" + (difference.isNegative() ? "▼ " : "▲ ") + format(difference.abs()) + ")";
  }

  private static String arrow(int difference) {
    if (difference == 0) {
      return "(no change)";
    }
    return "(" + (difference < 0 ? "▼ " : "▲ ") + Math.abs(difference) + ")";
  }

  private static TextObject field(String name, String value) {
    return markdownText("*" + name + "*\n" + value);
  }

  private static LayoutBlock mrkdwnSection(String text) {
    return section(s -> s.text(markdownText(text)));
  }

  private static void addList(List<LayoutBlock> blocks, ListSection list) {
    if (!list.lines().isEmpty()) {
      blocks.add(mrkdwnSection(list.text()));
    }
  }

  /** A titled bullet list, cut after {@value #MOST_LISTED} lines. */
  private record ListSection(String title, List<String> lines) {

    String text() {
      StringBuilder text = new StringBuilder(title);
      lines.stream().limit(MOST_LISTED).forEach(line -> text.append("\n• ").append(line));
      if (lines.size() > MOST_LISTED) {
        text.append("\n…and ").append(lines.size() - MOST_LISTED).append(" more in the CSV.");
      }
      return text.toString();
    }
  }
}
