package dev.sevzero.slack.incident;

import dev.sevzero.followups.Followup;
import dev.sevzero.postmortem.PostMortem;
import java.util.List;
import java.util.Locale;

/**
 * The post-mortem draft uploaded to the incident channel as Markdown: what is known for certain
 * (metrics, roles, timeline with the captured messages, updates, follow-ups) filled in, and the
 * questions only people can answer left as headings.
 */
final class PostMortemDraft {

  private PostMortemDraft() {}

  static String fileName(PostMortem postMortem) {
    return postMortem.incident().key().toLowerCase(Locale.ROOT) + "-post-mortem.md";
  }

  static String markdown(PostMortem postMortem) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(inline(postMortem.title())).append("\n\n");
    md.append("_Draft written by Sevzero from what was recorded in Slack. Fill in the sections")
        .append(" below._\n\n");
    md.append("## Summary\n\n");
    md.append(
            postMortem
                .summary()
                .map(PostMortemDraft::inline)
                .orElse("_What happened, in two sentences._"))
        .append("\n\n");
    md.append("## Metrics\n\n| | |\n|---|---|\n");
    postMortem.metrics().forEach(fact -> row(md, fact.label(), fact.value()));
    md.append("\n## Roles\n\n");
    postMortem.roles().forEach(fact -> bullet(md, fact.label() + ": " + fact.value()));
    md.append("\n## Timeline\n\n");
    postMortem.timelineLines().forEach(line -> bullet(md, line));
    md.append("\n## Stakeholder updates\n\n");
    list(md, postMortem.updateLines(), "_None posted._");
    md.append("\n## Follow-ups\n\n");
    List<Followup> followups = postMortem.followups();
    if (followups.isEmpty()) {
      md.append("_None recorded yet: `/incident followup <text> [@owner] [by YYYY-MM-DD]`._\n");
    }
    for (Followup followup : followups) {
      md.append(followup.isDone() ? "- [x] " : "- [ ] ")
          .append(inline(PostMortem.followupLine(followup)))
          .append('\n');
    }
    md.append("\n## Root cause\n\n_Why did it happen? Keep asking why._\n\n");
    md.append("## What went well\n\n- \n\n## What could have gone better\n\n- \n");
    return md.toString();
  }

  private static void list(StringBuilder md, List<String> lines, String none) {
    if (lines.isEmpty()) {
      md.append(none).append('\n');
    }
    lines.forEach(line -> bullet(md, line));
  }

  private static void bullet(StringBuilder md, String line) {
    md.append("- ").append(inline(line)).append('\n');
  }

  private static void row(StringBuilder md, String label, String value) {
    md.append("| ").append(cell(label)).append(" | ").append(cell(value)).append(" |\n");
  }

  /** One line of Markdown: a line break in someone's text would end the list item or heading. */
  static String inline(String text) {
    return text.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /** A table cell: also a pipe would end it. */
  private static String cell(String text) {
    return inline(text).replace("|", "\\|");
  }
}
