package dev.sevzero.slack.incident;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static dev.sevzero.slack.SlackText.escapeKeepingMentions;
import static dev.sevzero.slack.SlackText.user;

import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.followups.Followup;
import dev.sevzero.followups.FollowupFigures;
import dev.sevzero.slack.SlackBlocks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Follow-ups in Slack: the list with a Done button on each open one, the weekly reminder, and the
 * SLA report's line. A Done button's value says which follow-up and which list to show again.
 */
final class FollowupViews {

  static final String DONE = "followup_done";

  /** Slack takes 50 blocks a message; a header and a footer leave room for this many. */
  static final int MOST_LISTED = 45;

  private FollowupViews() {}

  /**
   * @param list which list this is, carried in every Done button so the press shows it again
   * @param keyOf an incident's key ({@code INC-3}) by its id
   */
  static List<LayoutBlock> list(
      String title,
      List<Followup> followups,
      String list,
      LocalDate today,
      LongFunction<String> keyOf) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText(title + " (" + followups.size() + ")"))));
    if (followups.isEmpty()) {
      blocks.add(
          section(
              s ->
                  s.text(
                      markdownText(
                          "Nothing here. Record one with `/incident followup <text> [@owner] [by"
                              + " YYYY-MM-DD]`."))));
    }
    for (Followup followup : followups.subList(0, Math.min(MOST_LISTED, followups.size()))) {
      String line = line(followup, today, keyOf);
      if (followup.isDone()) {
        blocks.add(section(s -> s.text(markdownText(line))));
      } else {
        blocks.add(
            section(
                s ->
                    s.text(markdownText(line))
                        .accessory(
                            button(
                                b ->
                                    b.actionId(DONE)
                                        .text(plainText("Done"))
                                        .value(followup.id() + " " + list)))));
      }
    }
    if (followups.size() > MOST_LISTED) {
      int more = followups.size() - MOST_LISTED;
      blocks.add(SlackBlocks.andMore(more));
    }
    return blocks;
  }

  /** {@code ☐ *#3* Add a lag alert · INC-2 · owner @bob · due 2026-12-01 ⚠️ overdue}. */
  static String line(Followup followup, LocalDate today, LongFunction<String> keyOf) {
    StringBuilder line = new StringBuilder();
    line.append(followup.isDone() ? "✅ ~" : "☐ ")
        .append("*#")
        .append(followup.id())
        .append("* ")
        .append(escapeKeepingMentions(followup.text()))
        .append(followup.isDone() ? "~" : "")
        .append(" · ")
        .append(keyOf.apply(followup.incidentId()))
        .append(" · owner ")
        .append(followup.owner().map(owner -> user(owner)).orElse("_nobody yet_"));
    followup.due().ifPresent(due -> line.append(" · due ").append(due));
    if (followup.isOverdue(today)) {
      line.append(" ⚠️ overdue");
    }
    followup.done().ifPresent(done -> line.append(" · done by ").append(user(done.by())));
    return line.toString();
  }

  /** Posted in the incident channel, so everyone there sees what was decided. */
  static String recorded(Followup followup, String key) {
    return "📌 "
        + user(followup.created().by())
        + " recorded follow-up *#"
        + followup.id()
        + "* on "
        + key
        + ": "
        + escapeKeepingMentions(followup.text())
        + followup.owner().map(owner -> " — owner " + user(owner)).orElse("")
        + followup.due().map(due -> ", due " + due).orElse("");
  }

  static String doneNotice(Followup followup, String by) {
    return "✅ "
        + user(by)
        + " marked follow-up *#"
        + followup.id()
        + "* done: "
        + escapeKeepingMentions(followup.text());
  }

  /** The weekly reminder's text; the blocks list the follow-ups with Done buttons. */
  static String reminderText(int overdue) {
    return "⏰ You own "
        + overdue
        + (overdue == 1 ? " follow-up that is" : " follow-ups that are")
        + " overdue. Press *Done* on what is done, or agree a new date with the incident's IC.";
  }

  /** The {@code /sla month} line. */
  static String slaLine(FollowupFigures figures) {
    return "*Follow-ups* opened this month: "
        + figures.opened()
        + " · done: "
        + figures.done()
        + " · overdue now: "
        + figures.overdue()
        + " (all months: "
        + figures.overdueAllMonths()
        + " overdue)";
  }
}
