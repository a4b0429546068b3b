package dev.sevzero.slack.incident;

import static dev.sevzero.slack.SlackText.channel;
import static dev.sevzero.slack.SlackText.user;
import static dev.sevzero.slack.SlackText.users;

import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.sevzero.deliveries.DeliveryBacklog;
import dev.sevzero.incident.Acknowledgement;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.OpenIncident;
import dev.sevzero.incident.Role;
import dev.sevzero.incident.Severity;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.incident.UpdateStatus;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.slack.command.CommandInvocation;
import dev.sevzero.slack.command.CommandRegistry;
import dev.sevzero.slack.command.CommandReply;
import dev.sevzero.slack.command.Mentions;
import dev.sevzero.slack.command.People;
import dev.sevzero.slack.command.SubCommand;
import dev.sevzero.slack.command.UsageException;
import dev.sevzero.slack.transport.SlackGateway;
import dev.sevzero.text.Durations;
import dev.sevzero.text.VisibleText;
import dev.sevzero.updates.UpdateSchedule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** {@code /incident}: every sub-command, its usage and its handler, in one registry. */
public final class IncidentCommands {

  private final IncidentService incidents;
  private final UpdateSchedule updates;
  private final SlackGateway slack;
  private final SlackWork work;
  private final Clock clock;
  private final DeliveryBacklog deliveries;
  private final People people;
  private final IncidentExtensions extensions;
  private final CommandRegistry registry;

  public IncidentCommands(
      IncidentService incidents,
      UpdateSchedule updates,
      SlackGateway slack,
      SlackWork work,
      Clock clock,
      Predicate<String> isAdmin,
      DeliveryBacklog deliveries,
      People people,
      IncidentExtensions extensions) {
    this.people = people;
    this.extensions = extensions;
    this.incidents = incidents;
    this.deliveries = deliveries;
    this.updates = updates;
    this.slack = slack;
    this.work = work;
    this.clock = clock;
    this.registry =
        new CommandRegistry("/incident", "declare and run incidents", isAdmin)
            .add(
                SubCommand.of(
                    "declare",
                    "[sev0|sev1|sev2|sev3] <title>",
                    "declare an incident (no title: a form); severity defaults to sev0",
                    this::declare));
    extensions.subCommands().forEach(registry::add);
    registry
        .add(SubCommand.of("ack", "[incident]", "acknowledge the incident", this::acknowledge))
        .add(
            SubCommand.of(
                "commander",
                "[@user]",
                "make someone (default: you) Incident Commander",
                inv -> assign(inv, Role.COMMANDER)))
        .add(
            SubCommand.of(
                "scribe",
                "[@user]",
                "make someone (default: you) scribe / comms lead",
                inv -> assign(inv, Role.SCRIBE)))
        .add(
            SubCommand.of(
                "engineer",
                "[@user …]",
                "add engineers (default: you)",
                inv -> assign(inv, Role.ENGINEER)))
        .add(
            SubCommand.of(
                "update", "<text>", "post a stakeholder update (no text: a form)", this::update))
        .add(SubCommand.of("note", "<text>", "add a timeline entry", this::note))
        .add(SubCommand.of("sev", "<sev0|sev1|sev2|sev3>", "change the severity", this::severity))
        .add(
            SubCommand.of(
                "status", "[incident]", "severity, roles, age, time to ack, updates", this::status))
        .add(SubCommand.of("list", "", "open incidents", this::list))
        .add(SubCommand.of("resolve", "[summary]", "resolve the incident", this::resolve))
        .add(SubCommand.of("reopen", "[incident]", "reopen a resolved incident", this::reopen));
  }

  public CommandRegistry registry() {
    return registry;
  }

  private CommandReply declare(CommandInvocation invocation) {
    List<String> words = new ArrayList<>(invocation.words());
    Severity severity = TypedIncident.takeSeverity(words);
    if (invocation.words().isEmpty()) {
      openDeclareModal(invocation);
      return CommandReply.silent();
    }
    String title = TypedIncident.title(String.join(" ", words), TypedIncident.NO_TITLE);
    IncidentService.Declared declared =
        incidents.declare(title, null, severity, false, invocation.userId());
    return CommandReply.ephemeral(
        "🚨 *"
            + IncidentViews.headline(declared.incident())
            + "* declared. I'm creating its channel and inviting you"
            + paging(declared.paged(), invocation.userId()));
  }

  /**
   * A first word like {@code sev4} or {@code SEV-1} was meant as a severity, and declaring at sev0
   * instead would be wrong; any other word ({@code severe}) starts the title.
   */
  /** Says who was paged, and says it loudly when nobody could be. */
  static String paging(Optional<String> paged, String declarer) {
    if (paged.isEmpty()) {
      return ". ⚠️ Nobody is on call (the roster is empty), so nobody was paged:"
          + " page someone by hand, and `/oncall add @someone`.";
    }
    if (paged.get().equals(declarer)) {
      return "; you are on call, so the page is yours.";
    }
    return ", and paging " + user(paged.get()) + " (on call).";
  }

  private void openDeclareModal(CommandInvocation invocation) {
    JsonObject metadata = new JsonObject();
    metadata.addProperty("channel", invocation.channelId());
    openModal(invocation.triggerId(), IncidentViews.declareModal(metadata.toString()));
  }

  /** Opens a modal at once, beside other work: Slack's trigger is only valid for 3 seconds. */
  void openModal(String triggerId, View view) {
    work.inParallel(
        "open modal " + view.getCallbackId(),
        () -> slack.callOk("views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId).view(view))));
  }

  private CommandReply acknowledge(CommandInvocation invocation) {
    Scoped scoped = scoped(invocation);
    scoped.requireNoArguments();
    return CommandReply.ephemeral(
        acknowledgementText(incidents.acknowledge(scoped.incident().id(), invocation.userId())));
  }

  static String acknowledgementText(Acknowledgement ack) {
    String after = Durations.format(ack.after());
    if (ack.first()) {
      return "You acknowledged *" + ack.incident().key() + "*: response time " + after + ".";
    }
    return ack.incident().key()
        + " was already acknowledged by "
        + user(ack.by())
        + " after "
        + after
        + ".";
  }

  private CommandReply assign(CommandInvocation invocation, Role role) {
    Scoped scoped = scoped(invocation);
    List<String> people =
        scoped.arguments().isEmpty()
            ? List.of(invocation.userId())
            : scoped.arguments().stream().map(Mentions::user).distinct().toList();
    if (role != Role.ENGINEER && people.size() > 1) {
      throw new UsageException("An incident has one " + role.title() + ": mention one person.");
    }
    people.stream()
        .filter(person -> !person.equals(invocation.userId()))
        .forEach(this.people::requirePerson);
    List<String> joined =
        incidents.assign(scoped.incident().id(), role, people, invocation.userId());
    if (joined.isEmpty()) {
      return CommandReply.ephemeral(
          (people.size() == 1 ? user(people.get(0)) + " is" : "They are")
              + " already "
              + role.title()
              + " on "
              + scoped.incident().key()
              + ".");
    }
    return CommandReply.ephemeral(
        users(joined)
            + (joined.size() == 1 ? " is" : " are")
            + " now "
            + role.title()
            + " on "
            + scoped.incident().key()
            + ".");
  }

  private CommandReply update(CommandInvocation invocation) {
    Scoped scoped = scoped(invocation);
    if (scoped.arguments().isEmpty()) {
      scoped.incident().requireOpen("post an update on");
      openModal(invocation.triggerId(), IncidentViews.updateModal(scoped.incident()));
      return CommandReply.silent();
    }
    String text = VisibleText.strip(scoped.rest());
    if (text.isEmpty()) {
      throw new UsageException("Write the update.");
    }
    StatusUpdate update =
        incidents.postUpdate(
            scoped.incident().id(), invocation.userId(), UpdateStatus.INVESTIGATING, text);
    return CommandReply.ephemeral(
        "Update #" + update.number() + " on " + scoped.incident().key() + " posted.");
  }

  private CommandReply note(CommandInvocation invocation) {
    Scoped scoped = scoped(invocation);
    String text = VisibleText.strip(scoped.rest());
    if (text.isEmpty()) {
      throw new UsageException("Say what to note.");
    }
    incidents.note(scoped.incident().id(), invocation.userId(), text);
    return CommandReply.ephemeral("Noted on " + scoped.incident().key() + "'s timeline.");
  }

  private CommandReply severity(CommandInvocation invocation) {
    Scoped scoped = scoped(invocation);
    if (scoped.arguments().size() != 1) {
      throw new UsageException("Give one severity.");
    }
    String typed = scoped.arguments().get(0);
    Severity severity = Severity.parse(typed).orElseThrow(() -> TypedIncident.notASeverity(typed));
    incidents.changeSeverity(scoped.incident().id(), invocation.userId(), severity);
    return CommandReply.ephemeral(scoped.incident().key() + " is now " + severity.label() + ".");
  }

  private CommandReply status(CommandInvocation invocation) {
    Scoped scoped = scoped(invocation);
    scoped.requireNoArguments();
    Incident incident = scoped.incident();
    List<StatusUpdate> posted = incidents.updates(incident.id());
    Optional<StatusUpdate> last =
        posted.isEmpty() ? Optional.empty() : Optional.of(posted.get(posted.size() - 1));
    List<LayoutBlock> blocks =
        new ArrayList<>(
            IncidentViews.status(
                incident,
                clock.instant(),
                last,
                updates.nextDue(incident.id()),
                deliveries.ofIncident(incident.id())));
    blocks.addAll(extensions.statusBlocks(incident));
    blocks.addAll(TimelineView.latest(incidents.timeline(incident.id())));
    return CommandReply.ephemeral(IncidentViews.headline(incident), blocks);
  }

  private CommandReply list(CommandInvocation invocation) {
    if (!invocation.words().isEmpty()) {
      throw new UsageException("`list` takes no arguments.");
    }
    List<OpenIncident> open = incidents.openAtAGlance();
    return CommandReply.ephemeral(
        open.size() + " open incidents", IncidentViews.list(open, clock.instant()));
  }

  private CommandReply resolve(CommandInvocation invocation) {
    Scoped scoped = scoped(invocation);
    String typed = VisibleText.strip(scoped.rest());
    String summary = typed.isEmpty() ? null : typed;
    Optional<View> form = extensions.resolveForm(scoped.incident(), summary);
    if (form.isPresent()) {
      scoped.incident().requireOpen("resolve");
      openModal(invocation.triggerId(), form.get());
      return CommandReply.silent();
    }
    Incident incident = incidents.resolve(scoped.incident().id(), invocation.userId(), summary);
    return CommandReply.ephemeral(
        "Resolved *"
            + incident.key()
            + "* after "
            + Durations.format(incident.age(clock.instant()))
            + ".");
  }

  /** What the Resolve button opens: the usual form, or the one an extension asks for. */
  View resolveModal(Incident incident) {
    return extensions
        .resolveForm(incident, null)
        .orElseGet(() -> IncidentViews.resolveModal(incident));
  }

  private CommandReply reopen(CommandInvocation invocation) {
    Scoped scoped = scoped(invocation);
    scoped.requireNoArguments();
    incidents.reopen(scoped.incident().id(), invocation.userId());
    return CommandReply.ephemeral("Reopened *" + scoped.incident().key() + "*.");
  }

  /** An incident-scoped command: the incident it acts on, and the words left for it. */
  record Scoped(Incident incident, List<String> arguments) {
    String rest() {
      return String.join(" ", arguments);
    }

    void requireNoArguments() {
      if (!arguments.isEmpty()) {
        throw new UsageException("Unexpected `" + rest() + "`.");
      }
    }
  }

  /**
   * The incident a command acts on: an explicit number first ({@code 42} or {@code INC-42}), else
   * the incident whose channel the command was typed in.
   */
  Scoped scoped(CommandInvocation invocation) {
    List<String> words = invocation.words();
    if (!words.isEmpty()) {
      Optional<Long> number = incidentNumber(words.get(0));
      if (number.isPresent()) {
        Incident incident =
            incidents
                .find(number.get())
                .orElseThrow(
                    () -> new UsageException("There is no incident " + words.get(0) + "."));
        return new Scoped(incident, words.subList(1, words.size()));
      }
    }
    Optional<Incident> here = incidents.findByChannel(invocation.channelId());
    if (here.isPresent()) {
      return new Scoped(here.get(), words);
    }
    throw new UsageException(
        "This isn't an incident channel. Run it in one"
            + openChannels()
            + ", or name the incident first, e.g. `/incident "
            + invocation.subCommand()
            + " 42`.");
  }

  private String openChannels() {
    String list =
        incidents.open().stream()
            .filter(incident -> incident.channelId().isPresent())
            .map(incident -> channel(incident.channelId().get()) + " (" + incident.key() + ")")
            .collect(Collectors.joining(", "));
    return list.isEmpty() ? " (there are no open incidents)" : " (" + list + ")";
  }

  private static Optional<Long> incidentNumber(String word) {
    String digits = word.replaceFirst("(?i)^(inc|drill)-", "");
    if (!digits.matches("\\d{1,12}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(digits));
  }
}
