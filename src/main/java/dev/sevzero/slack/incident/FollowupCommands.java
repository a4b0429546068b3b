package dev.sevzero.slack.incident;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.followups.Followup;
import dev.sevzero.followups.FollowupRefused;
import dev.sevzero.followups.FollowupService;
import dev.sevzero.followups.NewFollowup;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.slack.command.CommandInvocation;
import dev.sevzero.slack.command.CommandRegistry;
import dev.sevzero.slack.command.CommandReply;
import dev.sevzero.slack.command.SubCommand;
import dev.sevzero.slack.command.UsageException;
import dev.sevzero.slack.delivery.SlackOutbox;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /incident followup}, {@code followups} and {@code postmortem}, and the Done button on
 * follow-up lists: what an incident leaves to do, and its post-mortem shared again.
 */
public final class FollowupCommands {

  private static final Logger log = LoggerFactory.getLogger(FollowupCommands.class);

  /** The lists a Done button can show again: one incident's, every open one, or an owner's. */
  private static final String INCIDENT_LIST = "incident:";

  private static final String OPEN_LIST = "open";
  private static final String OWNER_LIST = "owner:";

  private final FollowupService followups;
  private final IncidentService incidents;
  private final IncidentCommands scope;
  private final PostMortemRoom postMortems;
  private final SlackOutbox slack;
  private final SlackWork work;

  public FollowupCommands(
      FollowupService followups,
      IncidentService incidents,
      IncidentCommands scope,
      PostMortemRoom postMortems,
      SlackOutbox slack,
      SlackWork work) {
    this.followups = followups;
    this.incidents = incidents;
    this.scope = scope;
    this.postMortems = postMortems;
    this.slack = slack;
    this.work = work;
  }

  /** Adds the sub-commands to {@code /incident}. */
  public void addTo(CommandRegistry registry) {
    registry
        .add(
            SubCommand.of(
                "followup",
                FollowupRequest.ARGUMENTS,
                "record an action item (allowed after resolution too)",
                this::add))
        .add(
            SubCommand.of(
                "followups",
                "[incident]",
                "this incident's follow-ups; elsewhere every open one",
                this::list))
        .add(
            SubCommand.of(
                "postmortem",
                "[incident]",
                "post the post-mortem draft again (and update its Notion page)",
                this::postMortem));
  }

  public void register(App app) {
    app.blockAction(FollowupViews.DONE, this::done);
  }

  private CommandReply add(CommandInvocation invocation) {
    IncidentCommands.Scoped scoped = scope.scoped(invocation);
    FollowupRequest request = FollowupRequest.parse(scoped.arguments());
    Incident incident = scoped.incident();
    Followup followup;
    try {
      followup =
          followups.add(
              new NewFollowup(
                  incident.id(),
                  request.text(),
                  request.owner(),
                  request.due(),
                  invocation.userId()));
    } catch (FollowupRefused refused) {
      throw new UsageException(refused.getMessage());
    }
    if (incident.channelId().isPresent()) {
      slack.postInIncident(
          incident.id(), FollowupViews.recorded(followup, incident.key()), null, null, null);
    }
    return CommandReply.ephemeral(
        "Follow-up #" + followup.id() + " recorded on " + incident.key() + ".");
  }

  private CommandReply list(CommandInvocation invocation) {
    boolean forOneIncident =
        !invocation.words().isEmpty()
            || incidents.findByChannel(invocation.channelId()).isPresent();
    if (!forOneIncident) {
      return CommandReply.ephemeral("Open follow-ups", blocks(OPEN_LIST));
    }
    IncidentCommands.Scoped scoped = scope.scoped(invocation);
    scoped.requireNoArguments();
    return CommandReply.ephemeral(
        "Follow-ups of " + scoped.incident().key(), blocks(INCIDENT_LIST + scoped.incident().id()));
  }

  private CommandReply postMortem(CommandInvocation invocation) {
    IncidentCommands.Scoped scoped = scope.scoped(invocation);
    scoped.requireNoArguments();
    Incident incident = scoped.incident();
    if (incident.isOpen()) {
      return CommandReply.ephemeral(
          incident.key() + " is still open: its post-mortem is drafted when it is resolved.");
    }
    postMortems.share(incident.id(), invocation.userId());
    return CommandReply.ephemeral(
        "Posting " + incident.key() + "'s post-mortem draft again in its channel.");
  }

  private Response done(BlockActionRequest request, ActionContext context) {
    String user = request.getPayload().getUser().getId();
    String[] value = request.getPayload().getActions().get(0).getValue().split(" ", 2);
    try {
      FollowupService.Done done = followups.done(Long.parseLong(value[0]), user);
      if (done.now()) {
        long incidentId = done.followup().incidentId();
        if (incidents.find(incidentId).flatMap(Incident::channelId).isPresent()) {
          slack.postInIncident(
              incidentId, FollowupViews.doneNotice(done.followup(), user), null, null, null);
        }
      }
      List<LayoutBlock> again = blocks(value.length > 1 ? value[1] : OPEN_LIST);
      work.inParallel("show follow-ups again", () -> replace(context, again));
    } catch (FollowupRefused refused) {
      work.inParallel("answer Done", () -> tell(context, refused.getMessage()));
    }
    return context.ack();
  }

  /** The Done list {@code list} as it is now. */
  List<LayoutBlock> blocks(String list) {
    if (list.startsWith(INCIDENT_LIST)) {
      long id = Long.parseLong(list.substring(INCIDENT_LIST.length()));
      return FollowupViews.list(
          "Follow-ups of " + keyOf(id),
          followups.ofIncident(id),
          list,
          followups.today(),
          this::keyOf);
    }
    if (list.startsWith(OWNER_LIST)) {
      String owner = list.substring(OWNER_LIST.length());
      List<Followup> theirs =
          followups.open().stream().filter(f -> f.owner().equals(Optional.of(owner))).toList();
      return FollowupViews.list(
          "Your open follow-ups", theirs, list, followups.today(), this::keyOf);
    }
    return FollowupViews.list(
        "Open follow-ups", followups.open(), OPEN_LIST, followups.today(), this::keyOf);
  }

  /** The {@code /sla month} section: the follow-ups recorded in [from, to). */
  public LayoutBlock slaSection(Instant from, Instant to) {
    String line = FollowupViews.slaLine(followups.figures(from, to));
    return section(s -> s.text(markdownText(line)));
  }

  /** An owner's open follow-ups, for their weekly reminder. */
  List<LayoutBlock> ownerBlocks(String owner) {
    return blocks(OWNER_LIST + owner);
  }

  private String keyOf(long incidentId) {
    return incidents.find(incidentId).map(Incident::key).orElse("INC-" + incidentId);
  }

  private static void replace(ActionContext context, List<LayoutBlock> blocks) {
    try {
      context.respond(r -> r.replaceOriginal(true).text("Follow-ups").blocks(blocks));
    } catch (IOException e) {
      log.warn("Could not show the follow-ups again: {}", e.getMessage());
    }
  }

  private static void tell(ActionContext context, String text) {
    try {
      context.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
    } catch (IOException e) {
      log.warn("Could not answer a Done press: {}", e.getMessage());
    }
  }
}
