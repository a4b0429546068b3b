package dev.sevzero.notion;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.sevzero.followups.Followup;
import dev.sevzero.postmortem.PostMortem;
import java.util.ArrayList;
import java.util.List;

/**
 * A post-mortem as Notion blocks: headings, paragraphs, bulleted lists and a to-do per follow-up.
 * Text longer than Notion takes in one text object (2,000 characters) is split over several, never
 * inside a surrogate pair.
 */
final class NotionBlocks {

  static final int MAX_TEXT = 2_000;

  /** Notion's limit on any array in a request, rich text included. */
  static final int MAX_ARRAY = 100;

  private NotionBlocks() {}

  static List<JsonObject> of(PostMortem postMortem) {
    List<JsonObject> blocks = new ArrayList<>();
    blocks.add(
        paragraph(
            richText(
                "Written by Sevzero from what was recorded in Slack. Publishing again from Slack"
                    + " (/incident postmortem) replaces this page's content.",
                true)));
    blocks.add(heading("Summary"));
    blocks.add(
        paragraph(
            postMortem
                .summary()
                .map(summary -> richText(summary, false))
                .orElseGet(() -> richText("What happened, in two sentences.", true))));
    blocks.add(heading("Metrics"));
    postMortem.metrics().forEach(fact -> blocks.add(fact(fact)));
    blocks.add(heading("Roles"));
    postMortem.roles().forEach(fact -> blocks.add(fact(fact)));
    blocks.add(heading("Timeline"));
    postMortem.timelineLines().forEach(line -> blocks.add(bullet(line)));
    blocks.add(heading("Stakeholder updates"));
    if (postMortem.updateLines().isEmpty()) {
      blocks.add(paragraph(richText("None posted.", true)));
    }
    postMortem.updateLines().forEach(line -> blocks.add(bullet(line)));
    blocks.add(heading("Follow-ups"));
    if (postMortem.followups().isEmpty()) {
      blocks.add(paragraph(richText("None recorded yet (/incident followup in Slack).", true)));
    }
    postMortem.followups().forEach(followup -> blocks.add(toDo(followup)));
    for (String open : List.of("Root cause", "What went well", "What could have gone better")) {
      blocks.add(heading(open));
      blocks.add(paragraph(richText("To be written by the team.", true)));
    }
    return blocks;
  }

  /** The page's title property. */
  static JsonObject titleProperty(String title) {
    JsonObject property = new JsonObject();
    property.add("title", richText(title, false));
    JsonObject properties = new JsonObject();
    properties.add("title", property);
    return properties;
  }

  private static JsonObject heading(String text) {
    return block("heading_2", richText(text, false));
  }

  private static JsonObject paragraph(JsonArray text) {
    return block("paragraph", text);
  }

  private static JsonObject bullet(String text) {
    return block("bulleted_list_item", richText(text, false));
  }

  /** {@code Label: value}, the label in bold. */
  private static JsonObject fact(PostMortem.Fact fact) {
    JsonArray text = richText(fact.label() + ": ", false);
    text.get(0).getAsJsonObject().add("annotations", bold());
    text.addAll(richText(fact.value(), false));
    return block("bulleted_list_item", text);
  }

  private static JsonObject toDo(Followup followup) {
    JsonObject block = block("to_do", richText(PostMortem.followupLine(followup), false));
    block.getAsJsonObject("to_do").addProperty("checked", followup.isDone());
    return block;
  }

  private static JsonObject block(String type, JsonArray richText) {
    JsonObject content = new JsonObject();
    content.add("rich_text", richText);
    JsonObject block = new JsonObject();
    block.addProperty("object", "block");
    block.addProperty("type", type);
    block.add(type, content);
    return block;
  }

  /**
   * Plain text as text objects of at most {@link #MAX_TEXT} characters (and at most 100 of them).
   */
  static JsonArray richText(String text, boolean italic) {
    JsonArray objects = new JsonArray();
    for (String piece : split(text)) {
      if (objects.size() == MAX_ARRAY) {
        break;
      }
      JsonObject content = new JsonObject();
      content.addProperty("content", piece);
      JsonObject object = new JsonObject();
      object.addProperty("type", "text");
      object.add("text", content);
      if (italic) {
        JsonObject annotations = new JsonObject();
        annotations.addProperty("italic", true);
        object.add("annotations", annotations);
      }
      objects.add(object);
    }
    return objects;
  }

  static List<String> split(String text) {
    List<String> pieces = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = Math.min(start + MAX_TEXT, text.length());
      if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
        end--;
      }
      pieces.add(text.substring(start, end));
      start = end;
    }
    return pieces;
  }

  private static JsonObject bold() {
    JsonObject annotations = new JsonObject();
    annotations.addProperty("bold", true);
    return annotations;
  }
}
