package dev.sevzero.playground;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders Slack messages and modals as terminal lines, the way a person would read them in the
 * Slack client: mentions and channel links by name, dates in the reader's zone, fields as {@code
 * Label: value}, buttons as {@code [Label]}. {@code *bold*} is kept: it reads well as it is.
 */
public final class BlockKitText {

  private static final Pattern TOKEN = Pattern.compile("<([^<>]+)>");
  private static final Pattern FIELD = Pattern.compile("(?s)\\*([^*\\n]+)\\*\\n(.*)");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

  private final Function<String, Optional<String>> userNames;
  private final Function<String, Optional<String>> channelNames;
  private final ZoneId zone;

  /**
   * @param userNames a user's handle by id, for {@code <@U…>}
   * @param channelNames a channel's name by id, for {@code <#C…>}
   * @param zone the reader's zone, for {@code <!date^…>}
   */
  public BlockKitText(
      Function<String, Optional<String>> userNames,
      Function<String, Optional<String>> channelNames,
      ZoneId zone) {
    this.userNames = userNames;
    this.channelNames = channelNames;
    this.zone = zone;
  }

  /** A message: its blocks if it has any (what Slack shows), else its text. */
  public List<String> message(String text, JsonArray blocks) {
    if (blocks != null && !blocks.isEmpty()) {
      return blocks(blocks);
    }
    return text == null ? List.of() : mrkdwn(text).lines().toList();
  }

  /** A modal: its title, its blocks (inputs with the action ids to {@code set}) and buttons. */
  public List<String> view(JsonObject view) {
    List<String> lines = new ArrayList<>();
    lines.add("== " + text(view.get("title")) + " ==");
    lines.addAll(blocks(view.getAsJsonArray("blocks")));
    List<String> buttons = new ArrayList<>();
    if (view.has("submit")) {
      buttons.add("[submit: " + text(view.get("submit")) + "]");
    }
    buttons.add("[cancel" + (view.has("close") ? ": " + text(view.get("close")) : "") + "]");
    lines.add(String.join(" ", buttons));
    return lines;
  }

  public List<String> blocks(JsonArray blocks) {
    List<String> lines = new ArrayList<>();
    for (JsonElement element : blocks) {
      lines.addAll(block(element.getAsJsonObject()));
    }
    return lines;
  }

  private List<String> block(JsonObject block) {
    String type = string(block, "type");
    return switch (type) {
      case "header" -> List.of("== " + text(block.get("text")) + " ==");
      case "section" -> section(block);
      case "context" -> List.of("  " + elements(block.getAsJsonArray("elements"), " · "));
      case "actions" -> List.of(elements(block.getAsJsonArray("elements"), " "));
      case "divider" -> List.of("----");
      case "input" -> List.of(input(block));
      case "image" -> List.of("[image: " + string(block, "alt_text") + "]");
      default -> List.of("[" + type + " block]");
    };
  }

  private List<String> section(JsonObject block) {
    List<String> lines = new ArrayList<>();
    if (block.has("text")) {
      lines.addAll(text(block.get("text")).lines().toList());
    }
    if (block.has("fields")) {
      for (JsonElement field : block.getAsJsonArray("fields")) {
        lines.add(field(text(field)));
      }
    }
    if (block.has("accessory")) {
      lines.add(element(block.getAsJsonObject("accessory")));
    }
    return lines;
  }

  /** Fields are written {@code *Label*\nvalue}; on one line that reads {@code Label: value}. */
  private static String field(String text) {
    Matcher m = FIELD.matcher(text);
    if (!m.matches()) {
      return text.replace("\n", ", ");
    }
    return m.group(1) + ": " + m.group(2).replace("\n", ", ");
  }

  private String input(JsonObject block) {
    JsonObject element = block.getAsJsonObject("element");
    String actionId = string(element, "action_id");
    String optional =
        block.has("optional") && block.get("optional").getAsBoolean() ? ", optional" : "";
    String what;
    if (element.has("options")) {
      List<String> values = new ArrayList<>();
      for (JsonElement option : element.getAsJsonArray("options")) {
        values.add(string(option.getAsJsonObject(), "value"));
      }
      what = "one of " + String.join(", ", values);
      if (element.has("initial_option")) {
        what += "; now " + string(element.getAsJsonObject("initial_option"), "value");
      }
    } else {
      what = "text";
    }
    return text(block.get("label")) + ": set " + actionId + " <" + what + optional + ">";
  }

  private String elements(JsonArray elements, String separator) {
    List<String> parts = new ArrayList<>();
    for (JsonElement element : elements) {
      parts.add(element(element.getAsJsonObject()));
    }
    return String.join(separator, parts);
  }

  /** Text objects read as their text; interactive elements as {@code [Label]}. */
  private String element(JsonObject element) {
    String type = string(element, "type");
    return switch (type) {
      case "plain_text", "mrkdwn" -> text(element);
      case "button" -> "[" + text(element.get("text")) + "]";
      case "static_select" -> "[" + text(element.get("placeholder")) + " ▾]";
      case "image" -> "[image: " + string(element, "alt_text") + "]";
      default -> "[" + type + "]";
    };
  }

  private String text(JsonElement textObject) {
    if (textObject == null || !textObject.isJsonObject()) {
      return "";
    }
    JsonObject object = textObject.getAsJsonObject();
    String text = string(object, "text");
    return "mrkdwn".equals(string(object, "type")) ? mrkdwn(text) : text;
  }

  /** Replaces Slack's {@code <…>} tokens with what the client shows and undoes its escaping. */
  public String mrkdwn(String text) {
    Matcher m = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(token(m.group(1))));
    }
    m.appendTail(out);
    return sameTimeOnce(out.toString())
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  /**
   * A time given in the rotation's zone is followed by the reader's local time in parentheses; when
   * the reader is in that zone too, the second is the same text and is left out.
   */
  private static String sameTimeOnce(String text) {
    return REPEATED_TIME.matcher(text).replaceAll("$1");
  }

  private String token(String token) {
    String[] parts = token.split("\\|", 2);
    String ref = parts[0];
    Optional<String> label = parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
    if (ref.startsWith("@")) {
      return "@" + userNames.apply(ref.substring(1)).or(() -> label).orElse(ref.substring(1));
    }
    if (ref.startsWith("#")) {
      return "#" + channelNames.apply(ref.substring(1)).or(() -> label).orElse(ref.substring(1));
    }
    if (ref.startsWith("!date^")) {
      return date(ref).or(() -> label).orElse(ref);
    }
    if (ref.startsWith("!subteam^")) {
      return label.orElse("@" + ref.substring("!subteam^".length()));
    }
    if (ref.startsWith("!")) {
      return "@" + ref.substring(1);
    }
    return label.map(l -> l + " (" + ref + ")").orElse(ref);
  }

  private static final Pattern REPEATED_TIME =
      Pattern.compile("(\\w{3} \\d{1,2} \\w{3} \\d{2}:\\d{2} [A-Z]{2,5}) \\(\\1\\)");

  /** {@code !date^EPOCH^format[^link]}, shown in the reader's zone. */
  private Optional<String> date(String ref) {
    String[] parts = ref.split("\\^");
    try {
      return Optional.of(DATE.format(Instant.ofEpochSecond(Long.parseLong(parts[1])).atZone(zone)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The action id of the button labelled so (in any case) in the blocks, if there is one. */
  static Optional<String> buttonActionId(JsonArray blocks, String label) {
    if (blocks == null) {
      return Optional.empty();
    }
    for (JsonElement b : blocks) {
      JsonObject block = b.getAsJsonObject();
      List<JsonElement> candidates = new ArrayList<>();
      if (block.has("elements")) {
        block.getAsJsonArray("elements").forEach(candidates::add);
      }
      if (block.has("accessory")) {
        candidates.add(block.get("accessory"));
      }
      for (JsonElement e : candidates) {
        JsonObject element = e.getAsJsonObject();
        if ("button".equals(string(element, "type"))
            && label.equalsIgnoreCase(string(element.getAsJsonObject("text"), "text"))) {
          return Optional.of(string(element, "action_id"));
        }
      }
    }
    return Optional.empty();
  }

  /** A member's text; empty when the object or the member is missing or null. */
  static String string(JsonObject object, String member) {
    JsonElement value = object == null ? null : object.get(member);
    return value == null || value.isJsonNull() ? "" : value.getAsString();
  }
}
