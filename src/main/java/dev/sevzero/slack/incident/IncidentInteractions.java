package dev.sevzero.slack.incident;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentException;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.Role;
import dev.sevzero.incident.Severity;
import dev.sevzero.incident.UpdateStatus;
import dev.sevzero.slack.SlackWork;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The header's buttons and the incident modals. Each handler acknowledges at once; what the presser
 * alone needs to know (already acknowledged, resolved…) goes back privately through the
 * interaction's response URL.
 */
public final class IncidentInteractions {

  private static final Logger log = LoggerFactory.getLogger(IncidentInteractions.class);

  private final IncidentService incidents;
  private final IncidentCommands commands;
  private final SlackWork work;

  public IncidentInteractions(
      IncidentService incidents, IncidentCommands commands, SlackWork work) {
    this.incidents = incidents;
    this.commands = commands;
    this.work = work;
  }

  public void register(App app) {
    app.blockAction(
        IncidentActionIds.ACKNOWLEDGE,
        (request, context) ->
            button(
                request,
                context,
                (incident, user) ->
                    IncidentCommands.acknowledgementText(
                        incidents.acknowledge(incident.id(), user))));
    app.blockAction(
        IncidentActionIds.TAKE_COMMANDER,
        (request, context) -> takeRole(request, context, Role.COMMANDER));
    app.blockAction(
        IncidentActionIds.TAKE_SCRIBE,
        (request, context) -> takeRole(request, context, Role.SCRIBE));
    app.blockAction(
        IncidentActionIds.JOIN_ENGINEER,
        (request, context) -> takeRole(request, context, Role.ENGINEER));
    app.blockAction(
        IncidentActionIds.POST_UPDATE,
        (request, context) ->
            button(
                request,
                context,
                (incident, user) -> {
                  incident.requireOpen("post an update on");
                  commands.openModal(
                      request.getPayload().getTriggerId(), IncidentViews.updateModal(incident));
                  return null;
                }));
    app.blockAction(
        IncidentActionIds.RESOLVE,
        (request, context) ->
            button(
                request,
                context,
                (incident, user) -> {
                  incident.requireOpen("resolve");
                  commands.openModal(
                      request.getPayload().getTriggerId(), commands.resolveModal(incident));
                  return null;
                }));
    app.viewSubmission(
        IncidentActionIds.DECLARE_VIEW, (request, context) -> declare(request, context));
    app.viewSubmission(
        IncidentActionIds.UPDATE_VIEW, (request, context) -> postUpdate(request, context));
    app.viewSubmission(
        IncidentActionIds.RESOLVE_VIEW, (request, context) -> resolve(request, context));
  }

  /** What a button does for the incident in its value; returns a private reply, or null. */
  @FunctionalInterface
  private interface ButtonAction {
    String apply(Incident incident, String user);
  }

  private Response button(BlockActionRequest request, ActionContext context, ButtonAction action) {
    String user = request.getPayload().getUser().getId();
    String value = request.getPayload().getActions().get(0).getValue();
    String reply;
    try {
      Incident incident =
          incidents
              .find(Long.parseLong(value))
              .orElseThrow(() -> new IncidentException("That incident no longer exists."));
      reply = action.apply(incident, user);
    } catch (IncidentException refusal) {
      reply = refusal.getMessage();
    }
    if (reply != null) {
      String text = reply;
      work.inParallel("reply to button", () -> respondPrivately(context, text));
    }
    return context.ack();
  }

  private Response takeRole(BlockActionRequest request, ActionContext context, Role role) {
    return button(
        request,
        context,
        (incident, user) -> {
          List<String> joined = incidents.assign(incident.id(), role, List.of(user), user);
          return joined.isEmpty()
              ? "You are already " + role.title() + " on " + incident.key() + "."
              : null;
        });
  }

  private static void respondPrivately(ActionContext context, String text) {
    try {
      context.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
    } catch (IOException e) {
      log.warn("Could not send a private reply to a button press: {}", e.getMessage());
    }
  }

  private Response declare(
      ViewSubmissionRequest request,
      com.slack.api.bolt.context.builtin.ViewSubmissionContext context) {
    Map<String, Map<String, ViewState.Value>> values =
        request.getPayload().getView().getState().getValues();
    String title = text(values, IncidentActionIds.TITLE).orElse("").strip();
    if (title.isEmpty()) {
      return context.ack(
          r ->
              r.responseAction("errors")
                  .errors(Map.of(IncidentActionIds.TITLE, "Say what is broken.")));
    }
    Severity severity =
        selected(values, IncidentActionIds.SEVERITY).flatMap(Severity::parse).orElse(Severity.SEV0);
    String description =
        text(values, IncidentActionIds.DESCRIPTION).filter(d -> !d.isBlank()).orElse(null);
    incidents.declare(title, description, severity, false, request.getPayload().getUser().getId());
    return context.ack();
  }

  private Response postUpdate(
      ViewSubmissionRequest request,
      com.slack.api.bolt.context.builtin.ViewSubmissionContext context) {
    Map<String, Map<String, ViewState.Value>> values =
        request.getPayload().getView().getState().getValues();
    String text = text(values, IncidentActionIds.TEXT).orElse("").strip();
    if (text.isEmpty()) {
      return context.ack(
          r ->
              r.responseAction("errors")
                  .errors(Map.of(IncidentActionIds.TEXT, "Write the update.")));
    }
    UpdateStatus status =
        selected(values, IncidentActionIds.STATUS)
            .flatMap(UpdateStatus::parse)
            .orElse(UpdateStatus.INVESTIGATING);
    long id = Long.parseLong(request.getPayload().getView().getPrivateMetadata());
    try {
      incidents.postUpdate(id, request.getPayload().getUser().getId(), status, text);
    } catch (IncidentException refusal) {
      return context.ack(
          r ->
              r.responseAction("errors")
                  .errors(Map.of(IncidentActionIds.TEXT, refusal.getMessage())));
    }
    return context.ack();
  }

  private Response resolve(
      ViewSubmissionRequest request,
      com.slack.api.bolt.context.builtin.ViewSubmissionContext context) {
    Map<String, Map<String, ViewState.Value>> values =
        request.getPayload().getView().getState().getValues();
    String summary = text(values, IncidentActionIds.SUMMARY).filter(s -> !s.isBlank()).orElse(null);
    long id = Long.parseLong(request.getPayload().getView().getPrivateMetadata());
    try {
      incidents.resolve(id, request.getPayload().getUser().getId(), summary);
    } catch (IncidentException refusal) {
      return context.ack(
          r ->
              r.responseAction("errors")
                  .errors(Map.of(IncidentActionIds.SUMMARY, refusal.getMessage())));
    }
    return context.ack();
  }

  private static Optional<String> text(
      Map<String, Map<String, ViewState.Value>> values, String id) {
    return Optional.ofNullable(values.get(id))
        .map(block -> block.get(id))
        .map(ViewState.Value::getValue);
  }

  private static Optional<String> selected(
      Map<String, Map<String, ViewState.Value>> values, String id) {
    return Optional.ofNullable(values.get(id))
        .map(block -> block.get(id))
        .map(ViewState.Value::getSelectedOption)
        .map(option -> option.getValue());
  }
}
