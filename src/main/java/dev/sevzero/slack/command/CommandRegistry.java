package dev.sevzero.slack.command;

import dev.sevzero.incident.IncidentException;
import dev.sevzero.rotation.RotationFailure;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sub-commands of one slash command. It routes what was typed to a handler, and writes the help
 * and every usage error from the same entries, so they always agree with what runs.
 *
 * <p>It is also the one place that turns whatever a handler throws into what the person sees: a
 * usage error with the usage line, a refusal of the domain rules as its own sentence, anything else
 * as an apology that names no class and no exception text. No handler wraps its own.
 */
public final class CommandRegistry {

  private static final Logger log = LoggerFactory.getLogger(CommandRegistry.class);

  private final String command;
  private final String purpose;
  private final Predicate<String> isAdmin;
  private final Map<String, SubCommand> subCommands = new LinkedHashMap<>();
  private String defaultSubCommand;

  /**
   * @param command the slash command, e.g. {@code /incident}
   * @param purpose one line for the top of its help
   * @param isAdmin who may run {@link SubCommand.Access#ADMINS} sub-commands
   */
  public CommandRegistry(String command, String purpose, Predicate<String> isAdmin) {
    this.command = command;
    this.purpose = purpose;
    this.isAdmin = isAdmin;
  }

  public CommandRegistry add(SubCommand subCommand) {
    subCommands.put(subCommand.name(), subCommand);
    return this;
  }

  /** What the bare command does; without one, the bare command shows help. */
  public CommandRegistry defaultTo(String subCommand) {
    if (!subCommands.containsKey(subCommand)) {
      throw new IllegalArgumentException("no sub-command " + subCommand);
    }
    this.defaultSubCommand = subCommand;
    return this;
  }

  public String command() {
    return command;
  }

  public CommandReply dispatch(CommandInvocation invocation) {
    String text = invocation.text() == null ? "" : invocation.text().strip();
    String[] split = text.split("\\s+", 2);
    String name = split[0].toLowerCase(java.util.Locale.ROOT);
    String rest = split.length > 1 ? split[1] : "";
    if (name.isEmpty()) {
      if (defaultSubCommand == null) {
        return CommandReply.ephemeral(help());
      }
      name = defaultSubCommand;
    }
    if (name.equals("help")) {
      return CommandReply.ephemeral(rest.isBlank() ? help() : helpFor(rest.strip()));
    }
    SubCommand subCommand = subCommands.get(name);
    if (subCommand == null) {
      return CommandReply.ephemeral(unknown(name));
    }
    if (subCommand.access() == SubCommand.Access.ADMINS && !isAdmin.test(invocation.userId())) {
      return CommandReply.ephemeral(
          "Only Sevzero admins can run `" + command + " " + name + "`. Nothing was changed.");
    }
    CommandInvocation forHandler =
        new CommandInvocation(
            command,
            name,
            invocation.userId(),
            invocation.channelId(),
            rest,
            invocation.triggerId(),
            invocation.responseUrl());
    try {
      return subCommand.handler().handle(forHandler);
    } catch (UsageException e) {
      return CommandReply.ephemeral(e.getMessage() + "\nUsage: `" + usage(subCommand) + "`");
    } catch (IncidentException refusal) {
      return CommandReply.ephemeral(refusal.getMessage());
    } catch (RotationFailure refusal) {
      return CommandReply.ephemeral(refusal.getMessage() + " Nothing was changed.");
    } catch (RuntimeException e) {
      // The rest of the text may be someone's free text: only the sub-command goes to the log.
      log.error("{} {} failed: {}", command, name, e.getMessage(), e);
      return CommandReply.ephemeral(
          "Sorry, Sevzero hit an error running `"
              + command
              + " "
              + name
              + "`. It is logged; please try again or tell an admin.");
    }
  }

  /** {@code /incident declare [sev0|sev1|sev2|sev3] <title>} */
  public String usage(SubCommand subCommand) {
    String arguments = subCommand.arguments().isEmpty() ? "" : " " + subCommand.arguments();
    return command + " " + subCommand.name() + arguments;
  }

  public String usage(String subCommand) {
    return usage(subCommands.get(subCommand));
  }

  public String help() {
    String lines =
        subCommands.values().stream()
            .map(
                sub ->
                    "• `"
                        + usage(sub)
                        + "` — "
                        + sub.summary()
                        + (sub.access() == SubCommand.Access.ADMINS ? " _(admins)_" : ""))
            .collect(Collectors.joining("\n"));
    return "*"
        + command
        + "* — "
        + purpose
        + "\n"
        + lines
        + "\n• `"
        + command
        + " help` — this help";
  }

  private String helpFor(String name) {
    SubCommand subCommand = subCommands.get(name);
    if (subCommand == null) {
      return unknown(name);
    }
    return "`" + usage(subCommand) + "` — " + subCommand.summary();
  }

  private String unknown(String name) {
    String message = "`" + command + " " + name + "` is not a command I know.";
    Optional<String> closest = closest(name);
    if (closest.isPresent()) {
      message += " Did you mean `" + usage(closest.get()) + "`?";
    }
    return message + "\n" + help();
  }

  /** The sub-command a typo most likely meant: within two edits, or one that starts with it. */
  Optional<String> closest(String typed) {
    return subCommands.keySet().stream()
        .filter(name -> name.startsWith(typed) || editDistance(typed, name) <= 2)
        .min(Comparator.comparingInt(name -> editDistance(typed, name)));
  }

  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
