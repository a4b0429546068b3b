package dev.sevzero.playground;

import dev.sevzero.config.Config;
import dev.sevzero.fakeslack.FakeChannel;
import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.FakeSlack;
import dev.sevzero.fakeslack.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The playground's terminal: reads lines (typed or from a script), acts as workspace users on the
 * fake Slack, and prints everything the bot posts as it arrives.
 */
final class PlaygroundShell {

  /** Handoffs and {@code wait until} use the rotation's zone. */
  static final ZoneId ROTATION_ZONE = Config.DEFAULT_ZONE;

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
  private final ShellUser me;
  private final ShellOutput output;
  private final SlackPrinter printer;
  private final BotPacing pacing;
  private final SlackClientInput typing;
  private final ModalForm modal;
  private final Set<String> knownChannels = new HashSet<>();

  private PlaygroundShell(Playground playground, PrintStream out, boolean scripted) {
    this.playground = playground;
    this.slack = playground.slack();
    this.me = new ShellUser(playground);
    this.output = new ShellOutput(out, scripted, me::prompt);
    this.printer = new SlackPrinter(playground, me, output);
    this.pacing = new BotPacing(playground, printer);
    this.typing = new SlackClientInput(slack);
    this.modal = new ModalForm(slack);
    slack.channels().forEach(c -> knownChannels.add(c.id()));
  }

  /** A shell that prints every message the bot posts from now on. */
  static PlaygroundShell attach(Playground playground, PrintStream out, boolean scripted) {
    PlaygroundShell shell = new PlaygroundShell(playground, out, scripted);
    playground.slack().onMessage(shell.printer::print);
    playground.alerts().onPage(shell.output::say);
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
      output.echo(me.prompt() + line);
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
      String line = output.readLine(in);
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
        case "as" -> me.actAs(required(rest, "as @bob"));
        case "in" -> me.moveTo(me.channelByName(required(rest, "in #incidents")));
        case "press" -> press(unquote(required(rest, "press Acknowledge")));
        case "say" ->
            slack.userSays(
                me.id(), me.channel(), typing.escapeMentions(required(rest, "say hello")));
        case "capture" -> capture();
        case "set" -> set(rest);
        case "submit" -> submit();
        case "cancel" -> cancel();
        case "wait" -> {
          pacing.waitFor(required(rest, "wait 30m"));
          afterAction();
        }
        case "expect" -> output.expect(required(rest, "expect <text>"));
        case "channels" -> printer.listChannels();
        case "members" -> printer.members(rest);
        case "history" -> printer.showMessages(rest, false);
        case "pins" -> printer.showMessages(rest, true);
        case "dms" -> printer.dms(rest);
        case "whoami" -> printer.whoami();
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
    if (!SlackClientInput.SLASH_COMMANDS.contains(typed)) {
      say(SlackClientInput.notACommand(command));
      return;
    }
    Reply reply = slack.slashCommand(me.id(), me.channel(), typed, typing.escapeMentions(text));
    if (!reply.acked()) {
      say("(the app did not answer " + command + " in time; Slack would show you an error)");
    } else if (String.valueOf(reply.ackText()).contains("is not a mention of a person")) {
      SlackClientInput.mentionHints(text).forEach(this::say);
    }
    afterAction();
  }

  /** The message shortcut on the latest message a person (not the bot) wrote here. */
  private void capture() {
    List<FakeMessage> messages = slack.messages(me.channel());
    for (int i = messages.size() - 1; i >= 0; i--) {
      FakeMessage message = messages.get(i);
      if (!message.ephemeral() && !message.user().equals(FakeSlack.BOT_USER_ID)) {
        slack.messageShortcut(me.id(), me.channel(), message.ts(), "add_to_timeline");
        afterAction();
        return;
      }
    }
    throw new ShellError(
        "nobody has written in " + me.where(me.channel()) + " yet; try: say hello");
  }

  private void press(String label) {
    for (String where : pressable()) {
      List<FakeMessage> messages = slack.messages(where);
      for (int i = messages.size() - 1; i >= 0; i--) {
        FakeMessage message = messages.get(i);
        if (message.ephemeral() && !message.visibleTo().equals(me.id())) {
          continue;
        }
        Optional<String> actionId = BlockKitText.buttonActionId(message.blocks(), label);
        if (actionId.isPresent()) {
          Reply reply = slack.pressButton(me.id(), where, message.ts(), actionId.get());
          if (!reply.acked()) {
            say("(no answer from the app within Slack's time limit)");
          }
          afterAction();
          return;
        }
      }
    }
    throw new ShellError(
        "no button \"" + label + "\" in " + me.where(me.channel()) + " or your DMs");
  }

  /** The current channel first, then the current user's DM with the bot, if any. */
  private List<String> pressable() {
    List<String> channels = new ArrayList<>(List.of(me.channel()));
    me.dmWith(me.id()).ifPresent(channels::add);
    return channels;
  }

  private void set(String rest) {
    String[] parts = rest.split("\\s+", 2);
    if (parts.length < 2) {
      throw new ShellError("use: set <field> <value>, e.g. set title db down");
    }
    modal.set(me.id(), parts[0], parts[1]);
  }

  private void submit() {
    Map<String, String> errors = modal.submit(me.id());
    if (errors.isEmpty()) {
      say("(modal submitted)");
    } else {
      // The modal stays open, as in Slack, with a message under each field.
      errors.forEach((field, error) -> say("(modal) " + field + ": " + error));
    }
    afterAction();
  }

  private void cancel() {
    modal.cancel(me.id());
    say("(modal closed)");
  }

  /**
   * Waits for the bot to finish reacting, then follows it the way a Slack user would: into a
   * channel it just invited them to, and into a modal it just opened for them.
   */
  private void afterAction() {
    pacing.settle();
    for (FakeChannel c : slack.channels()) {
      if (knownChannels.add(c.id()) && !c.isIm() && c.members().contains(me.id())) {
        me.moveTo(c.id());
        say("(you are now in " + me.where(c.id()) + ")");
      }
    }
    modal.newlyOpened(me.id()).ifPresent(printer::modalOpened);
  }

  private void say(String text) {
    output.say(text);
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
}
