package dev.sevzero.slack.incident;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static dev.sevzero.slack.SlackText.date;
import static dev.sevzero.slack.SlackText.escapeKeepingMentions;
import static dev.sevzero.slack.SlackText.user;

import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.incident.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The end of an incident's timeline in {@code /incident status}, in the order things happened. */
final class TimelineView {

  /** Enough to see where things stand; the post-mortem has all of it. */
  static final int LATEST = 10;

  /** Slack's limit for a section's text, with room to spare. */
  private static final int MAX_SECTION = 2_900;

  private TimelineView() {}

  static List<LayoutBlock> latest(List<TimelineEntry> timeline) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (timeline.isEmpty()) {
      return blocks;
    }
    List<TimelineEntry> shown =
        timeline.subList(Math.max(0, timeline.size() - LATEST), timeline.size());
    String lines = shown.stream().map(TimelineView::line).collect(Collectors.joining("\n"));
    String text =
        "*Timeline*"
            + (shown.size() < timeline.size() ? " (latest " + LATEST + ")" : "")
            + "\n"
            + lines;
    blocks.add(
        section(
            s ->
                s.text(
                    markdownText(
                        text.length() > MAX_SECTION
                            ? text.substring(0, MAX_SECTION) + "…"
                            : text))));
    if (shown.size() < timeline.size()) {
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(
                          markdownText(
                              (timeline.size() - shown.size())
                                  + " earlier entries are in the post-mortem.")))));
    }
    return blocks;
  }

  private static String line(TimelineEntry entry) {
    String text = entry.text().length() > 200 ? entry.text().substring(0, 200) + "…" : entry.text();
    if (entry.kind() == TimelineEntry.Kind.MESSAGE) {
      return "• "
          + date(entry.at())
          + " 💬 "
          + user(entry.actor())
          + ": "
          + escapeKeepingMentions(text);
    }
    boolean bySevzero = entry.actor().equals(TimelineEntry.SEVZERO);
    return "• "
        + date(entry.at())
        + " "
        + escapeKeepingMentions(text)
        + (bySevzero ? "" : " — " + user(entry.actor()));
  }
}
