package dev.sevzero.slack.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.postmortem.PostMortemExample;
import org.junit.jupiter.api.Test;

class PostMortemDraftTest {

  @Test
  void theDraftHasMetricsRolesTheTimelineWithCapturedMessagesUpdatesAndFollowUps() {
    String md = PostMortemDraft.markdown(PostMortemExample.with("lag is 40s", "Alert on lag"));

    assertThat(md)
        .startsWith("# Post-mortem: INC-7 (SEV1) db | primary <down> & *out*\n")
        .contains("## Summary\n\nfailed over to db-3\n")
        .contains("| Time to acknowledge | 4m 00s |")
        .contains("| Stakeholder updates | 1 posted; 1 on time, 0 late, 1 missed |")
        .contains("- Incident Commander: @UBOB\n")
        .contains("- Engineers: @UCAROL, @UDAVE\n")
        .containsSubsequence(
            "## Timeline",
            "- 2026-11-24 10:00:00 UTC — Incident declared (SEV1) (@UALICE)",
            "- 2026-11-24 10:01:00 UTC — 💬 @UCAROL: lag is 40s",
            "- 2026-11-24 10:04:00 UTC — @UBOB took Incident Commander (@UBOB)",
            "## Stakeholder updates",
            "- Update #1 (Identified), 2026-11-24 10:15:00 UTC by @UBOB: lag found",
            "## Follow-ups",
            "- [ ] #1 Alert on lag — owner @UBOB, due 2026-12-01\n",
            "- [x] #2 Write the runbook — owner nobody yet, done by @UDAVE\n",
            "## Root cause");
  }

  @Test
  void lineBreaksAndPipesInPeoplesTextCannotBreakTheDocument() {
    String md =
        PostMortemDraft.markdown(
            PostMortemExample.with("first line\n\n## not a heading\r\n| nor | a row", "a\nb | c"));

    assertThat(md)
        .contains(
            "- 2026-11-24 10:01:00 UTC — 💬 @UCAROL: first line ## not a heading | nor | a row\n")
        .contains("- [ ] #1 a b | c — owner @UBOB")
        .doesNotContain("\n## not a heading");
    assertThat(md.lines().filter(line -> line.startsWith("| Severity")))
        .containsExactly("| Severity | SEV1 |");
  }
}
