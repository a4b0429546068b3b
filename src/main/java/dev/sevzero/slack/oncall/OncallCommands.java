package dev.sevzero.slack.oncall;

import static dev.sevzero.slack.SlackText.user;

import dev.sevzero.rotation.Handoff;
import dev.sevzero.rotation.OncallOverride;
import dev.sevzero.rotation.OncallService;
import dev.sevzero.rotation.RosterChange;
import dev.sevzero.slack.command.CommandInvocation;
import dev.sevzero.slack.command.CommandRegistry;
import dev.sevzero.slack.command.CommandReply;
import dev.sevzero.slack.command.Mentions;
import dev.sevzero.slack.command.People;
import dev.sevzero.slack.command.SubCommand;
import dev.sevzero.slack.command.UsageException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;

/** {@code /oncall}: every sub-command, its usage and its handler, in one registry. */
public final class OncallCommands {

  /** SPEC 2: {@code /oncall list} shows the next six handoffs. */
  static final int HANDOFFS_LISTED = 6;

  private final OncallService oncall;
  private final People people;
  private final CommandRegistry registry;

  /**
   * @param isAdmin who may edit the roster and hand over ({@code ADMINS}); the registry refuses
   *     everyone else before a handler runs
   */
  public OncallCommands(OncallService oncall, Predicate<String> isAdmin, People people) {
    this.oncall = oncall;
    this.people = people;
    this.registry =
        new CommandRegistry("/oncall", "the on-call rotation", isAdmin)
            .add(
                SubCommand.of(
                    "now", "", "who is on call, since when, and the next handoff", this::now))
            .add(
                SubCommand.of(
                    "list",
                    "",
                    "the roster and the next " + HANDOFFS_LISTED + " handoffs",
                    this::list))
            .add(
                SubCommand.admin(
                    "add",
                    "@user [position]",
                    "add someone to the roster (or move them to a position)",
                    this::add))
            .add(SubCommand.admin("remove", "@user", "take someone off the roster", this::remove))
            .add(
                SubCommand.of(
                    "override",
                    "@user <30m|4h|2d>",
                    "someone covers from now for that long (admins or the person on call)",
                    this::override))
            .add(
                SubCommand.admin(
                    "handoff", "", "hand the pager to the next person now", this::handoff))
            .defaultTo("now");
  }

  public CommandRegistry registry() {
    return registry;
  }

  private CommandReply now(CommandInvocation invocation) {
    arguments(invocation, 0, 0);
    return CommandReply.ephemeral(OncallViews.status(oncall.current(), oncall.rotationZone()));
  }

  private CommandReply list(CommandInvocation invocation) {
    arguments(invocation, 0, 0);
    return CommandReply.ephemeral(
        OncallViews.schedule(oncall.schedule(HANDOFFS_LISTED), oncall.rotationZone()));
  }

  private CommandReply add(CommandInvocation invocation) {
    List<String> words = arguments(invocation, 1, 2);
    String person = people.mentioned(words.get(0));
    OptionalInt position =
        words.size() == 2 ? OptionalInt.of(position(words.get(1))) : OptionalInt.empty();
    RosterChange change = oncall.add(invocation.userId(), person, position);
    return CommandReply.ephemeral(
        user(person)
            + " is number "
            + change.roster().positionOf(person)
            + " of "
            + change.roster().size()
            + " on the on-call roster."
            + change.handoff().map(h -> " " + user(h.to()) + " holds the pager now.").orElse(""));
  }

  private CommandReply remove(CommandInvocation invocation) {
    String person = Mentions.user(arguments(invocation, 1, 1).get(0));
    RosterChange change = oncall.remove(invocation.userId(), person);
    String after =
        change.roster().isEmpty()
            ? " The roster is now empty: nobody is on call. " + OncallViews.EMPTY_ROSTER_HINT
            : change.handoff().map(h -> " The pager passed to " + user(h.to()) + ".").orElse("");
    return CommandReply.ephemeral("Removed " + user(person) + " from the on-call roster." + after);
  }

  private CommandReply override(CommandInvocation invocation) {
    List<String> words = arguments(invocation, 2, 2);
    String person = Mentions.user(words.get(0));
    Duration duration = DurationArgument.parse(words.get(1));
    if (!person.equals(invocation.userId())) {
      people.requirePerson(person);
    }
    OncallOverride override = oncall.override(invocation.userId(), person, duration);
    return CommandReply.ephemeral(
        user(person)
            + " is on call from now until "
            + OncallViews.when(override.until(), oncall.rotationZone())
            + "; then the schedule resumes.");
  }

  private CommandReply handoff(CommandInvocation invocation) {
    arguments(invocation, 0, 0);
    Handoff handoff = oncall.handoffNow(invocation.userId());
    return CommandReply.ephemeral(
        "Handed the pager "
            + handoff.outgoing().map(out -> "from " + user(out) + " ").orElse("")
            + "to "
            + user(handoff.to())
            + ".");
  }

  private static List<String> arguments(CommandInvocation invocation, int min, int max) {
    List<String> words = invocation.words();
    if (words.size() < min) {
      throw new UsageException(min == 1 ? "Name a person." : "Name a person and a duration.");
    }
    if (words.size() > max) {
      throw new UsageException(
          "Unexpected `" + String.join(" ", words.subList(max, words.size())) + "`.");
    }
    return words;
  }

  private static int position(String typed) {
    if (!typed.matches("[1-9]\\d{0,3}")) {
      throw new UsageException("`" + typed + "` is not a position: give a number such as 1.");
    }
    return Integer.parseInt(typed);
  }
}
