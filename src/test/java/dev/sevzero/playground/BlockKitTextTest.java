package dev.sevzero.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockKitTextTest {

  private final BlockKitText text =
      new BlockKitText(
          id -> Optional.ofNullable(Map.of("UALICE", "alice", "UBOB", "bob").get(id)),
          id -> Optional.ofNullable(Map.of("C123", "inc-1-db-down").get(id)),
          ZoneId.of("America/Los_Angeles"));

  @Test
  void mentionsAndChannelLinksReadAsNames() {
    assertThat(text.mrkdwn("<@UALICE> and <@UBOB|bob> in <#C123>"))
        .isEqualTo("@alice and @bob in #inc-1-db-down");
  }

  @Test
  void unknownIdsFallBackToTheirLabelOrTheId() {
    assertThat(text.mrkdwn("<@UZED|zed> <@UNONE> <#C999|ops> <#C998>"))
        .isEqualTo("@zed @UNONE #ops #C998");
  }

  @Test
  void aTimeInTheRotationsZoneIsNotRepeatedForAReaderInThatZone() {
    assertThat(
            text.mrkdwn(
                "until Tue 24 Nov 02:00 PST (<!date^1795514400^{date_short_pretty} {time}|x>)."))
        .isEqualTo("until Tue 24 Nov 02:00 PST.");
    assertThat(
            text.mrkdwn(
                "until Tue 24 Nov 11:00 CET (<!date^1795514400^{date_short_pretty} {time}|x>)."))
        .isEqualTo("until Tue 24 Nov 11:00 CET (Tue 24 Nov 02:00 PST).");
  }

  @Test
  void datesShowInTheReadersZone() {
    // 2026-11-24T10:00:00Z is 02:00 in Los Angeles (PST).
    assertThat(text.mrkdwn("at <!date^1795514400^{date_short_pretty} {time}|2026-11-24 10:00 UTC>"))
        .isEqualTo("at Tue 24 Nov 02:00 PST");
  }

  @Test
  void aMalformedDateShowsItsFallback() {
    assertThat(text.mrkdwn("<!date^soon^{time}|later>")).isEqualTo("later");
  }

  @Test
  void linksSpecialMentionsAndEscapesReadAsInTheClient() {
    assertThat(text.mrkdwn("<!here> see <https://x.io/r|the runbook> &lt;p99&gt; &amp; *bold*"))
        .isEqualTo("@here see the runbook (https://x.io/r) <p99> & *bold*");
  }

  @Test
  void aHeaderSectionWithFieldsContextAndButtons() {
    JsonArray blocks =
        json("""
                {"b": [
                  {"type": "header", "text": {"type": "plain_text", "text": "INC-1 (SEV0) db down"}},
                  {"type": "section", "fields": [
                    {"type": "mrkdwn", "text": "*Status*\\nOpen"},
                    {"type": "mrkdwn", "text": "*Declared*\\nby <@UALICE>\\nsoon"}]},
                  {"type": "section", "text": {"type": "mrkdwn", "text": "line one\\nline two"}},
                  {"type": "divider"},
                  {"type": "context", "elements": [
                    {"type": "mrkdwn", "text": "in <#C123>"}, {"type": "plain_text", "text": "2m"}]},
                  {"type": "actions", "elements": [
                    {"type": "button", "action_id": "ack", "text": {"type": "plain_text", "text": "Acknowledge"}},
                    {"type": "button", "action_id": "ic", "text": {"type": "plain_text", "text": "I'm IC"}}]}
                ]}
                """)
            .getAsJsonArray("b");

    assertThat(text.message("fallback", blocks))
        .containsExactly(
            "== INC-1 (SEV0) db down ==",
            "Status: Open",
            "Declared: by @alice, soon",
            "line one",
            "line two",
            "----",
            "  in #inc-1-db-down · 2m",
            "[Acknowledge] [I'm IC]");
  }

  @Test
  void aMessageWithoutBlocksShowsItsText() {
    assertThat(text.message("<@UBOB> is now IC.\nthanks", new JsonArray()))
        .containsExactly("@bob is now IC.", "thanks");
  }

  @Test
  void aModalShowsItsInputsWithTheirActionIdsAndOptions() {
    JsonObject view =
        json(
            """
            {"type": "modal", "title": {"type": "plain_text", "text": "Declare an incident"},
             "submit": {"type": "plain_text", "text": "Declare"},
             "close": {"type": "plain_text", "text": "Cancel"},
             "blocks": [
               {"type": "input", "label": {"type": "plain_text", "text": "Title"},
                "element": {"type": "plain_text_input", "action_id": "title"}},
               {"type": "input", "label": {"type": "plain_text", "text": "Severity"},
                "element": {"type": "static_select", "action_id": "severity",
                  "options": [{"text": {"type": "plain_text", "text": "SEV0"}, "value": "sev0"},
                              {"text": {"type": "plain_text", "text": "SEV1"}, "value": "sev1"}],
                  "initial_option": {"text": {"type": "plain_text", "text": "SEV0"}, "value": "sev0"}}},
               {"type": "input", "optional": true, "label": {"type": "plain_text", "text": "What is happening"},
                "element": {"type": "plain_text_input", "action_id": "description"}}]}
            """);

    assertThat(text.view(view))
        .containsExactly(
            "== Declare an incident ==",
            "Title: set title <text>",
            "Severity: set severity <one of sev0, sev1; now sev0>",
            "What is happening: set description <text, optional>",
            "[submit: Declare] [cancel: Cancel]");
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }
}
