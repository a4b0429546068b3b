package dev.sevzero.playground;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sevzero.config.Config;
import dev.sevzero.fakeslack.FakeChannel;
import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.FakeSlack;
import dev.sevzero.fakeslack.FakeUpload;
import dev.sevzero.fakeslack.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The playground's terminal: reads lines (typed or from a script), acts as workspace users on the
 * fake Slack, and prints everything the bot posts as it arrives.
 */
final class PlaygroundShell {

  /** Handoffs and {@code wait until} use the rotation's zone. */
  static final ZoneId ROTATION_ZONE = Config.DEFAULT_ZONE;

  // The bot answers on its own threads; a command is done when Slack has been quiet this long.
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(5);
  private static final Duration EXPECT_PATIENCE = Duration.ofSeconds(5);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm zzz", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm zzz", Locale.ENGLISH);
  // A terminal has no autocomplete: names are matched whatever their case.
  private static final Pattern USER_MENTION =
      Pattern.compile("(?<![\\w<|])@([a-z0-9._-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern CHANNEL_MENTION =
      Pattern.compile("(?<![\\w<|])#([a-z0-9_-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern BARE_WORD = Pattern.compile("(?<![\\w@#<|])([A-Za-z]+)(?![\\w>|])");

  /** The slash commands the app declares (manifest.yml). */
  static final List<String> SLASH_COMMANDS = List.of("/incident", "/oncall", "/sla");

  static final String HELP =
      """
      Acting:
        /incident …, /oncall …, /sla …   a slash command, as you, in the current channel
        as @bob                          act as another person
        in #incidents                    type in another channel
        press Acknowledge                press the button with that label on the latest message
        press "I'm IC"                     in this channel (or your DMs) that has it
        say primary is at 100% CPU       write a message in the current channel, as you
        capture                          "Add to incident timeline" on the latest message
                                         someone wrote in this channel
        set title db down                fill a field of the open modal (its action id, a value)
        submit | cancel                  submit or dismiss the open modal
        wait 30m | wait 2h | wait until mon 12:00
                                         make time pass (America/Los_Angeles); due work runs
      Looking:
        channels                         channels with member count and topic
        members [#chan]                  who is in a channel
        history [#chan]                  a channel's messages
        pins [#chan]                     a channel's pinned messages
        dms [@user]                      what the bot sent someone by DM
        whoami                           who and where you are, and the time
      Alerts and pages:
        alert fire HighLatency critical checkout
                                         the local Alertmanager fires an alert (webhook to the bot)
        alert resolve HighLatency        every alert of that group resolves
        pagerduty ack                    acknowledge the latest page in the local PagerDuty
        pagerduty events                 what the local PagerDuty has received
      Scripts:
        expect <text>                    <text> was printed since the previous expect
        # comment
      help, quit""";

  private final Playground playground;
  private final FakeSlack slack;
  private final BlockKitText render;
  private final PrintStream out;
  private final boolean scripted;
  private final StringBuilder sinceExpect = new StringBuilder();
  private final AtomicInteger printed = new AtomicInteger();
  private final Set<String> knownChannels = new HashSet<>();
  private final ModalForm modal;
  private String user;
  private String channel;
  private volatile boolean waiting;
  // Guarded by out: the interactive prompt is showing and waits for a line.
  private boolean atPrompt;
  private final Map<String, List<String>> shownLines =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, String> savedFiles = new java.util.concurrent.ConcurrentHashMap<>();
  private String lastTimeShown = "";

  private PlaygroundShell(Playground playground, PrintStream out, boolean scripted) {
    this.playground = playground;
    this.slack = playground.slack();
    this.out = out;
    this.scripted = scripted;
    this.modal = new ModalForm(slack);
    this.render = new BlockKitText(playground::userName, playground::channelName, ROTATION_ZONE);
    this.user = Playground.userId("alice");
    this.channel = slack.channelByName("general").orElseThrow().id();
    slack.channels().forEach(c -> knownChannels.add(c.id()));
  }

  /** A shell that prints every message the bot posts from now on. */
  static PlaygroundShell attach(Playground playground, PrintStream out, boolean scripted) {
    PlaygroundShell shell = new PlaygroundShell(playground, out, scripted);
    playground.slack().onMessage(shell::print);
    playground.alerts().onPage(shell::say);
    return shell;
  }

  /**
   * Runs a script; 0 when every line ran and every expect was seen, else 1 (the reason printed).
   */
  int runScript(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      echo(prompt() + line);
      try {
        if (!run(line)) {
          break;
        }
      } catch (ShellError e) {
        say("FAILED at line " + (i + 1) + " (" + line + "): " + e.getMessage());
        return 1;
      }
    }
    return 0;
  }

  /** Reads commands until {@code quit} or the end of input. */
  void interactive(BufferedReader in) throws IOException {
    while (true) {
      synchronized (out) {
        out.print(prompt());
        out.flush();
        atPrompt = true;
      }
      String line = in.readLine();
      synchronized (out) {
        atPrompt = false;
      }
      if (line == null) {
        return;
      }
      line = line.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        if (!run(line)) {
          return;
        }
      } catch (ShellError e) {
        say("! " + e.getMessage());
      }
    }
  }

  private String prompt() {
    return name(user) + " in " + where(channel) + "> ";
  }

  /** Runs one line; false means quit. */
  boolean run(String line) {
    String[] parts = line.split("\\s+", 2);
    String word = parts[0].toLowerCase(Locale.ROOT);
    String rest = parts.length > 1 ? parts[1].strip() : "";
    try {
      if (word.startsWith("/")) {
        slashCommand(parts[0], rest);
        return true;
      }
      switch (word) {
        case "as" -> user = userByName(required(rest, "as @bob"));
        case "in" -> channel = channelByName(required(rest, "in #incidents"));
        case "press" -> press(unquote(required(rest, "press Acknowledge")));
        case "say" -> slack.userSays(user, channel, escapeMentions(required(rest, "say hello")));
        case "capture" -> capture();
        case "set" -> set(rest);
        case "submit" -> submit();
        case "cancel" -> cancel();
        case "wait" -> waitFor(required(rest, "wait 30m"));
        case "expect" -> expect(required(rest, "expect <text>"));
        case "channels" -> listChannels();
        case "members" -> members(rest);
        case "history" -> showMessages(rest, false);
        case "pins" -> showMessages(rest, true);
        case "dms" -> dms(rest);
        case "whoami" -> whoami();
        case "alert" -> {
          say(playground.alerts().alert(rest));
          afterAction();
        }
        case "pagerduty" -> {
          say(playground.alerts().pagerDuty(rest));
          afterAction();
        }
        case "help" -> say(HELP);
        case "quit", "exit" -> {
          return false;
        }
        default -> throw new ShellError("unknown command \"" + parts[0] + "\"; type help");
      }
      return true;
    } catch (IllegalArgumentException e) {
      // The fake Slack refuses impossible actions (no such button, modal not open) this way.
      throw new ShellError(e.getMessage());
    }
  }

  // ---- acting

  private void slashCommand(String command, String text) {
    String typed = command.toLowerCase(Locale.ROOT);
    if (!SLASH_COMMANDS.contains(typed)) {
      // Slack answers this itself, at once: the app never hears of it.
      say(
          "(Slack) "
              + command
              + " is not a command here"
              + closestCommand(typed).map(c -> "; did you mean " + c + "?").orElse(".")
              + " Commands: "
              + String.join(", ", SLASH_COMMANDS));
      return;
    }
    Reply reply = slack.slashCommand(user, channel, typed, escapeMentions(text));
    if (!reply.acked()) {
      say("(the app did not answer " + command + " in time; Slack would show you an error)");
    } else if (String.valueOf(reply.ackText()).contains("is not a mention of a person")) {
      hintMentions(text);
    }
    afterAction();
  }

  private static Optional<String> closestCommand(String typed) {
    return SLASH_COMMANDS.stream()
        .filter(c -> c.startsWith(typed) || editDistance(typed, c) <= 2)
        .findFirst();
  }

  private static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        d[i][j] =
            i == 0 || j == 0
                ? i + j
                : Math.min(
                    d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1),
                    Math.min(d[i - 1][j], d[i][j - 1]) + 1);
      }
    }
    return d[a.length()][b.length()];
  }

  /** A bare name ({@code bob}) is text to Slack; in Slack one picks {@code @bob} from a list. */
  private void hintMentions(String text) {
    Matcher m = BARE_WORD.matcher(text);
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      if (Playground.PEOPLE.contains(name)) {
        say("(hint: to mention " + name + ", type @" + name + ")");
      }
    }
  }

  /** Slack's client turns typed {@code @bob} and {@code #chan} into tokens (should_escape). */
  private String escapeMentions(String text) {
    String users =
        replace(
            USER_MENTION,
            text,
            name ->
                slack
                    .userByName(name.toLowerCase(Locale.ROOT))
                    .map(u -> "<@" + u.id() + "|" + u.name() + ">"));
    return replace(
        CHANNEL_MENTION,
        users,
        name ->
            slack
                .channelByName(name.toLowerCase(Locale.ROOT))
                .map(c -> "<#" + c.id() + "|" + c.name() + ">"));
  }

  private static String replace(
      Pattern pattern, String text, Function<String, Optional<String>> token) {
    Matcher m = pattern.matcher(text);
    StringBuilder result = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          result, Matcher.quoteReplacement(token.apply(m.group(1)).orElse(m.group())));
    }
    m.appendTail(result);
    return result.toString();
  }

  /** The message shortcut on the latest message a person (not the bot) wrote here. */
  private void capture() {
    List<FakeMessage> messages = slack.messages(channel);
    for (int i = messages.size() - 1; i >= 0; i--) {
      FakeMessage message = messages.get(i);
      if (!message.ephemeral() && !message.user().equals(FakeSlack.BOT_USER_ID)) {
        slack.messageShortcut(user, channel, message.ts(), "add_to_timeline");
        afterAction();
        return;
      }
    }
    throw new ShellError("nobody has written in " + where(channel) + " yet; try: say hello");
  }

  private void press(String label) {
    for (String where : pressable()) {
      List<FakeMessage> messages = slack.messages(where);
      for (int i = messages.size() - 1; i >= 0; i--) {
        FakeMessage message = messages.get(i);
        if (message.ephemeral() && !message.visibleTo().equals(user)) {
          continue;
        }
        Optional<String> actionId = buttonAction(message.blocks(), label);
        if (actionId.isPresent()) {
          Reply reply = slack.pressButton(user, where, message.ts(), actionId.get());
          if (!reply.acked()) {
            say("(no answer from the app within Slack's time limit)");
          }
          afterAction();
          return;
        }
      }
    }
    throw new ShellError("no button \"" + label + "\" in " + where(channel) + " or your DMs");
  }

  /** The current channel first, then the current user's DM with the bot, if any. */
  private List<String> pressable() {
    List<String> channels = new ArrayList<>(List.of(channel));
    dmWith(user).ifPresent(channels::add);
    return channels;
  }

  private static Optional<String> buttonAction(JsonArray blocks, String label) {
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

  private void set(String rest) {
    String[] parts = rest.split("\\s+", 2);
    if (parts.length < 2) {
      throw new ShellError("use: set <field> <value>, e.g. set title db down");
    }
    modal.set(user, parts[0], parts[1]);
  }

  private void submit() {
    Map<String, String> errors = modal.submit(user);
    if (errors.isEmpty()) {
      say("(modal submitted)");
    } else {
      // The modal stays open, as in Slack, with a message under each field.
      errors.forEach((field, error) -> say("(modal) " + field + ": " + error));
    }
    afterAction();
  }

  private void cancel() {
    modal.cancel(user);
    say("(modal closed)");
  }

  /**
   * Makes time pass as it would: the clock stops at every time something is due on the way
   * (prompts, escalations, handoffs, reminders), the bot does it and is given time to finish, and
   * only then does the clock move on. Each message is therefore stamped, and shown, at its own
   * time.
   */
  private void waitFor(String spec) {
    PlaygroundClock clock = playground.clock();
    Instant target = TimeJump.target(spec, clock.instant(), ROTATION_ZONE);
    waiting = true;
    try {
      Optional<Instant> next;
      while ((next = playground.bot().nextDue().filter(at -> !at.isAfter(target))).isPresent()) {
        moveClockTo(next.get());
        playground.bot().runDue();
        settleIfBusy();
      }
      moveClockTo(target);
      playground.bot().runDue();
      settle();
    } finally {
      waiting = false;
    }
    say("(time passes: it is now " + TIME.format(clock.instant().atZone(ROTATION_ZONE)) + ")");
    afterAction();
  }

  private void moveClockTo(Instant at) {
    PlaygroundClock clock = playground.clock();
    Instant now = clock.instant();
    if (at.isAfter(now)) {
      clock.advance(Duration.between(now, at));
    }
  }

  /**
   * Most stops on the way do nothing visible (the rotation's reminder check runs every minute);
   * those are passed at once. What a stop changed is stored with its deliveries to Slack before
   * {@code runDue} returns, so a stop with deliveries pending waits until they are all made.
   */
  private void settleIfBusy() {
    if (playground.bot().deliveries().pending() == 0) {
      return;
    }
    long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
    while (playground.bot().deliveries().pending() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    settle();
  }

  /**
   * Waits for the bot to finish reacting, then follows it the way a Slack user would: into a
   * channel it just invited them to, and into a modal it just opened for them.
   */
  private void afterAction() {
    settle();
    for (FakeChannel c : slack.channels()) {
      if (knownChannels.add(c.id()) && !c.isIm() && c.members().contains(user)) {
        channel = c.id();
        say("(you are now in " + where(channel) + ")");
      }
    }
    modal
        .newlyOpened(user)
        .ifPresent(
            view -> {
              say("(a modal opened for you: fill it with set, then submit or cancel)");
              render.view(view.view()).forEach(line -> say("  " + line));
            });
  }

  // Polls in real time: the bot works on its own threads and the playground clock may jump.
  private void settle() {
    long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
    int last = activity();
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline && System.nanoTime() - quietSince < QUIET.toNanos()) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      int now = activity();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      }
    }
  }

  /** Grows with every Web API call and every message printed. */
  private int activity() {
    return slack.calls().size() + printed.get();
  }

  private void expect(String text) {
    if (seen(text)) {
      say("ok: seen \"" + text + "\"");
    } else if (scripted) {
      throw new ShellError(
          "expected \"" + text + "\", but it was not printed since the last expect");
    } else {
      say("not seen: \"" + text + "\"");
    }
    synchronized (sinceExpect) {
      sinceExpect.setLength(0);
    }
  }

  /**
   * Whether the text was printed since the last expect. A script gives the bot a little longer, so
   * a slow machine does not fail it; a person at the terminal gets the answer at once.
   */
  private boolean seen(String text) {
    long deadline = System.nanoTime() + (scripted ? EXPECT_PATIENCE.toNanos() : 0);
    while (true) {
      synchronized (sinceExpect) {
        if (sinceExpect.indexOf(text) >= 0) {
          return true;
        }
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  // ---- looking

  private void listChannels() {
    for (FakeChannel c : slack.channels()) {
      if (!c.isIm()) {
        say(
            String.format(
                "%-32s %2d members  %s",
                "#" + c.name(), c.members().size(), render.mrkdwn(c.topic())));
      }
    }
  }

  private void members(String ref) {
    FakeChannel c = slack.channel(ref.isEmpty() ? channel : channelByName(ref)).orElseThrow();
    List<String> names = c.members().stream().map(this::name).sorted().toList();
    say("#" + c.name() + ": " + String.join(", ", names));
  }

  private void showMessages(String ref, boolean pinnedOnly) {
    String id = ref.isEmpty() ? channel : channelByName(ref);
    List<String> pins = slack.channel(id).orElseThrow().pinnedTs();
    List<FakeMessage> messages =
        slack.messages(id).stream().filter(m -> !pinnedOnly || pins.contains(m.ts())).toList();
    if (messages.isEmpty()) {
      say("(" + (pinnedOnly ? "no pins" : "no messages") + " in " + where(id) + ")");
    }
    messages.forEach(message -> printMessage(message, false));
  }

  private void dms(String ref) {
    String who = ref.isEmpty() ? user : userByName(ref);
    Optional<String> dm = dmWith(who);
    if (dm.isEmpty() || slack.messages(dm.get()).isEmpty()) {
      say("(the bot has sent no DMs to @" + name(who) + ")");
      return;
    }
    slack.messages(dm.get()).forEach(message -> printMessage(message, false));
  }

  private void whoami() {
    say(
        "You are @"
            + name(user)
            + " ("
            + user
            + ") in "
            + where(channel)
            + "; it is "
            + TIME.format(playground.clock().instant().atZone(ROTATION_ZONE))
            + ".");
  }

  // ---- output

  /** Called by the fake Slack, in order, for every new or edited message. */
  private void print(FakeMessage message) {
    if (waiting) {
      // While time passes, each message is shown under the time it arrived at.
      String now = CLOCK.format(playground.clock().instant().atZone(ROTATION_ZONE));
      if (!now.equals(lastTimeShown)) {
        lastTimeShown = now;
        say("(" + now + ")");
      }
    }
    printMessage(message, true);
    printed.incrementAndGet();
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
        say(
            "["
                + where(message.channel())
                + "] "
                + name(message.user())
                + " (edited; what changed):\n    "
                + String.join("\n    ", changed));
      }
      return;
    }
    StringBuilder text = new StringBuilder("[" + where(message.channel()) + "] ");
    if (message.ephemeral()) {
      text.append(
          message.visibleTo().equals(user)
              ? "(only you) "
              : "(only @" + name(message.visibleTo()) + ") ");
    }
    text.append(name(message.user()));
    if (message.edited()) {
      text.append(" (edited)");
    }
    text.append(':');
    for (String line : lines) {
      text.append("\n    ").append(line);
    }
    say(text.toString());
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

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
  }

  private void say(String text) {
    synchronized (out) {
      if (atPrompt) {
        // Output that arrived on its own while the prompt waits: on a line of its own, then the
        // prompt again, so it is clear that input is still expected.
        out.println();
      }
      out.println(text);
      if (atPrompt) {
        out.print(prompt());
      }
      out.flush();
    }
    synchronized (sinceExpect) {
      sinceExpect.append(text).append('\n');
    }
  }

  /** Script lines are echoed but are not output an {@code expect} can match. */
  private void echo(String text) {
    synchronized (out) {
      out.println(text);
      out.flush();
    }
  }

  // ---- names

  private String name(String userId) {
    return playground.userName(userId).orElse(userId);
  }

  private String where(String channelId) {
    return slack
        .channel(channelId)
        .map(c -> c.isIm() ? "DM " + playground.label(c) : "#" + c.name())
        .orElse(channelId);
  }

  private Optional<String> dmWith(String userId) {
    return slack.channels().stream()
        .filter(c -> c.isIm() && c.members().contains(userId))
        .map(FakeChannel::id)
        .findFirst();
  }

  private String userByName(String ref) {
    String handle = (ref.startsWith("@") ? ref.substring(1) : ref).toLowerCase(Locale.ROOT);
    return slack
        .userByName(handle)
        .filter(u -> !u.isBot())
        .orElseThrow(
            () ->
                new ShellError(
                    "nobody called @"
                        + handle
                        + "; people here: "
                        + String.join(", ", Playground.PEOPLE)))
        .id();
  }

  private String channelByName(String ref) {
    String name = (ref.startsWith("#") ? ref.substring(1) : ref).toLowerCase(Locale.ROOT);
    return slack
        .channelByName(name)
        .orElseThrow(() -> new ShellError("no channel #" + name + "; type channels to list them"))
        .id();
  }

  private static String required(String argument, String example) {
    if (argument.isEmpty()) {
      throw new ShellError("missing argument; e.g. " + example);
    }
    return argument;
  }

  private static String unquote(String text) {
    if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      return text.substring(1, text.length() - 1);
    }
    return text;
  }

  private static String string(JsonObject object, String member) {
    JsonElement value = object == null ? null : object.get(member);
    return value == null || value.isJsonNull() ? "" : value.getAsString();
  }
}
