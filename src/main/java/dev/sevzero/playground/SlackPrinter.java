package dev.sevzero.playground;

import static dev.sevzero.playground.BlockKitText.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sevzero.fakeslack.FakeChannel;
import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.FakeSlack;
import dev.sevzero.fakeslack.FakeUpload;
import dev.sevzero.fakeslack.FakeView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows the fake Slack the way its client would to the person at the terminal: what the bot posts
 * as it arrives, files it shares (saved in the playground's folder), modals it opens, and on
 * request channels, members, history, pins and DMs.
 */
final class SlackPrinter {

  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);

  private final Playground playground;
  private final FakeSlack slack;
  private final BlockKitText render;
  private final ShellUser me;
  private final ShellOutput output;
  private final AtomicInteger printed = new AtomicInteger();
  private final Map<String, List<String>> shownLines = new ConcurrentHashMap<>();
  private final Map<String, String> savedFiles = new ConcurrentHashMap<>();
  private volatile boolean stampArrivals;
  private String lastTimeShown = "";

  SlackPrinter(Playground playground, ShellUser me, ShellOutput output) {
    this.playground = playground;
    this.slack = playground.slack();
    this.me = me;
    this.output = output;
    this.render =
        new BlockKitText(
            playground::userName, playground::channelName, PlaygroundShell.ROTATION_ZONE);
  }

  /** While time passes, each message is shown under the time it arrived at. */
  void stampArrivals(boolean on) {
    stampArrivals = on;
  }

  /** How many messages were printed as they arrived: the bot is still busy while this grows. */
  int printed() {
    return printed.get();
  }

  /** Called by the fake Slack, in order, for every new or edited message. */
  void print(FakeMessage message) {
    if (stampArrivals) {
      String now = CLOCK.format(playground.clock().instant().atZone(PlaygroundShell.ROTATION_ZONE));
      if (!now.equals(lastTimeShown)) {
        lastTimeShown = now;
        output.say("(" + now + ")");
      }
    }
    printMessage(message, true);
    printed.incrementAndGet();
  }

  void timePassed() {
    output.say("(time passes: it is now " + now() + ")");
  }

  void modalOpened(FakeView view) {
    output.say("(a modal opened for you: fill it with set, then submit or cancel)");
    render.view(view.view()).forEach(line -> output.say("  " + line));
  }

  void listChannels() {
    for (FakeChannel c : slack.channels()) {
      if (!c.isIm()) {
        output.say(
            String.format(
                "%-32s %2d members  %s",
                "#" + c.name(), c.members().size(), render.mrkdwn(c.topic())));
      }
    }
  }

  void members(String ref) {
    FakeChannel c =
        slack.channel(ref.isEmpty() ? me.channel() : me.channelByName(ref)).orElseThrow();
    List<String> names = c.members().stream().map(me::name).sorted().toList();
    output.say("#" + c.name() + ": " + String.join(", ", names));
  }

  void showMessages(String ref, boolean pinnedOnly) {
    String id = ref.isEmpty() ? me.channel() : me.channelByName(ref);
    List<String> pins = slack.channel(id).orElseThrow().pinnedTs();
    List<FakeMessage> messages =
        slack.messages(id).stream().filter(m -> !pinnedOnly || pins.contains(m.ts())).toList();
    if (messages.isEmpty()) {
      output.say("(" + (pinnedOnly ? "no pins" : "no messages") + " in " + me.where(id) + ")");
    }
    messages.forEach(message -> printMessage(message, false));
  }

  void dms(String ref) {
    String who = ref.isEmpty() ? me.id() : me.userByName(ref);
    Optional<String> dm = me.dmWith(who);
    if (dm.isEmpty() || slack.messages(dm.get()).isEmpty()) {
      output.say("(the bot has sent no DMs to @" + me.name(who) + ")");
      return;
    }
    slack.messages(dm.get()).forEach(message -> printMessage(message, false));
  }

  void whoami() {
    output.say(
        "You are @"
            + me.name(me.id())
            + " ("
            + me.id()
            + ") in "
            + me.where(me.channel())
            + "; it is "
            + now()
            + ".");
  }

  private String now() {
    return TIME.format(playground.clock().instant().atZone(PlaygroundShell.ROTATION_ZONE));
  }

  /**
   * @param asItHappens an edit seen as it happens shows only the lines that changed (a header is
   *     ten lines, and one of them changes); {@code history} and {@code pins} show it whole
   */
  private void printMessage(FakeMessage message, boolean asItHappens) {
    List<String> lines = new ArrayList<>(render.message(message.text(), message.blocks()));
    lines.addAll(files(message));
    List<String> before = shownLines.put(message.channel() + "/" + message.ts(), lines);
    if (asItHappens && message.edited() && before != null) {
      List<String> changed = lines.stream().filter(line -> !before.contains(line)).toList();
      if (!changed.isEmpty()) {
        output.say(
            "["
                + me.where(message.channel())
                + "] "
                + me.name(message.user())
                + " (edited; what changed):\n    "
                + String.join("\n    ", changed));
      }
      return;
    }
    StringBuilder text = new StringBuilder("[" + me.where(message.channel()) + "] ");
    if (message.ephemeral()) {
      text.append(
          message.visibleTo().equals(me.id())
              ? "(only you) "
              : "(only @" + me.name(message.visibleTo()) + ") ");
    }
    text.append(me.name(message.user()));
    if (message.edited()) {
      text.append(" (edited)");
    }
    text.append(':');
    for (String line : lines) {
      text.append("\n    ").append(line);
    }
    output.say(text.toString());
  }

  /**
   * {@code 📎 name (size)} for each file shared in the message, saved in the playground's folder.
   */
  private List<String> files(FakeMessage message) {
    JsonElement files = message.raw() == null ? null : message.raw().get("files");
    if (files == null || !files.isJsonArray()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    for (JsonElement f : files.getAsJsonArray()) {
      JsonObject file = f.getAsJsonObject();
      String id = string(file, "id");
      String name = string(file, "name");
      Optional<FakeUpload> upload =
          slack.uploads().stream().filter(u -> u.fileId().equals(id)).findFirst();
      String size = upload.map(u -> size(u.bytes().length)).orElse("?");
      String where = upload.map(u -> " → " + saved(u)).orElse("");
      lines.add("📎 " + name + " (" + size + ")" + where);
    }
    return lines;
  }

  private String saved(FakeUpload upload) {
    return savedFiles.computeIfAbsent(
        upload.fileId(),
        id -> {
          Path path = playground.folder().resolve(upload.fileId() + "-" + upload.filename());
          try {
            Files.write(path, upload.bytes());
            return path.toString();
          } catch (IOException e) {
            return "(could not save: " + e.getMessage() + ")";
          }
        });
  }

  private static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }
}
