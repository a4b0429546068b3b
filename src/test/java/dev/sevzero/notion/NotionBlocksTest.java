package dev.sevzero.notion;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sevzero.postmortem.PostMortemExample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotionBlocksTest {

  @Test
  void sectionsAreHeadingsFactsAreBulletsWithBoldLabelsFollowUpsAreToDos() {
    List<JsonObject> blocks = NotionBlocks.of(PostMortemExample.with("lag is 40s", "Alert on lag"));

    assertThat(blocks)
        .filteredOn(block -> type(block).equals("heading_2"))
        .extracting(NotionBlocksTest::text)
        .containsExactly(
            "Summary",
            "Metrics",
            "Roles",
            "Timeline",
            "Stakeholder updates",
            "Follow-ups",
            "Root cause",
            "What went well",
            "What could have gone better");
    JsonObject acknowledge =
        blocks.stream()
            .filter(b -> text(b).startsWith("Time to acknowledge"))
            .findFirst()
            .orElseThrow();
    assertThat(type(acknowledge)).isEqualTo("bulleted_list_item");
    JsonArray richText =
        acknowledge.getAsJsonObject("bulleted_list_item").getAsJsonArray("rich_text");
    assertThat(
            richText
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("annotations")
                .get("bold")
                .getAsBoolean())
        .isTrue();
    assertThat(text(acknowledge)).isEqualTo("Time to acknowledge: 4m 00s");
    assertThat(blocks)
        .filteredOn(block -> type(block).equals("to_do"))
        .extracting(block -> text(block) + " " + block.getAsJsonObject("to_do").get("checked"))
        .containsExactly(
            "#1 Alert on lag — owner @UBOB, due 2026-12-01 false",
            "#2 Write the runbook — owner nobody yet, done by @UDAVE true");
    assertThat(blocks)
        .extracting(NotionBlocksTest::text)
        .contains("2026-11-24 10:01:00 UTC — 💬 @UCAROL: lag is 40s");
  }

  @Test
  void specialCharactersArePlainTextNotMarkup() {
    List<JsonObject> blocks =
        NotionBlocks.of(PostMortemExample.with("<b>bold?</b> & \"quotes\" | *stars* \\ 🚨", "x"));
    assertThat(blocks)
        .extracting(NotionBlocksTest::text)
        .contains(
            "2026-11-24 10:01:00 UTC — 💬 @UCAROL: <b>bold?</b> & \"quotes\" | *stars* \\ 🚨");
    assertThat(NotionBlocks.titleProperty("db | primary <down> & *out*").toString())
        .contains("\"content\":\"db | primary <down> & *out*\"");
  }

  @Test
  void longTextIsSplitAtTwoThousandCharactersWithoutBreakingAPair() {
    String said = "a".repeat(1_999) + "🚨" + "b".repeat(3_000);
    List<JsonObject> blocks = NotionBlocks.of(PostMortemExample.with(said, "x"));

    JsonObject message =
        blocks.stream().filter(b -> text(b).contains("💬")).findFirst().orElseThrow();
    List<String> pieces = new ArrayList<>();
    for (JsonElement piece :
        message.getAsJsonObject("bulleted_list_item").getAsJsonArray("rich_text")) {
      pieces.add(piece.getAsJsonObject().getAsJsonObject("text").get("content").getAsString());
    }
    assertThat(pieces).allSatisfy(piece -> assertThat(piece.length()).isLessThanOrEqualTo(2_000));
    assertThat(String.join("", pieces)).endsWith(said);
    assertThat(pieces)
        .noneSatisfy(
            piece ->
                assertThat(Character.isHighSurrogate(piece.charAt(piece.length() - 1))).isTrue());
    assertThat(NotionBlocks.split("x".repeat(4_000))).hasSize(2);
    assertThat(NotionBlocks.split("")).isEmpty();
  }

  @Test
  void requestsCarryAtMostOneHundredBlocks() {
    List<JsonObject> blocks = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      blocks.add(NotionBlocks.of(PostMortemExample.with("m", "x")).get(0));
    }
    assertThat(NotionPublisher.batches(blocks))
        .extracting(List::size)
        .containsExactly(100, 100, 50);
  }

  private static String type(JsonObject block) {
    return block.get("type").getAsString();
  }

  private static String text(JsonObject block) {
    StringBuilder text = new StringBuilder();
    for (JsonElement piece : block.getAsJsonObject(type(block)).getAsJsonArray("rich_text")) {
      text.append(piece.getAsJsonObject().getAsJsonObject("text").get("content").getAsString());
    }
    return text.toString();
  }
}
