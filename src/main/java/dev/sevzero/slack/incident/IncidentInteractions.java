package dev.sevzero.slack.incident;

import static dev.sevzero.slack.ViewValues.selected;
import static dev.sevzero.slack.ViewValues.text;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
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
import dev.sevzero.slack.OutOfDate;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.slack.command.UsageException;
import dev.sevzero.text.VisibleText;
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
  private final OutOfDate outOfDate;

  public IncidentInteractions(
      IncidentService incidents, IncidentCommands commands, SlackWork work) {
    this.incidents = incidents;
    this.commands = commands;
    this.work = work;
    this.outOfDate = new OutOfDate(work);
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
    app.viewSubmission(IncidentActionIds.DECLARE_VIEW, this::declare);
    app.viewSubmission(
        IncidentActionIds.UPDATE_VIEW,
        (request, context) ->
            submitOnIncident(request, context, IncidentActionIds.TEXT, this::postUpdate));
    app.viewSubmission(
        IncidentActionIds.RESOLVE_VIEW,
        (request, context) ->
            submitOnIncident(request, context, IncidentActionIds.SUMMARY, this::resolve));
  }

  /** What a button does for the incident in its value; returns a private reply, or null. */
  @FunctionalInterface
  private interface ButtonAction {
    String apply(Incident incident, String user);
  }

  private Response button(BlockActionRequest request, ActionContext context, ButtonAction action) {
    String user = request.getPayload().getUser().getId();
    Optional<Long> id = incidentId(request.getPayload().getActions().get(0).getValue());
    if (id.isEmpty()) {
      return outOfDate.button(context);
    }
    String reply;
    try {
      Incident incident =
          incidents
              .find(id.get())
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

  /** The incident id a button's value or a form's private metadata carries, if it is one. */
  private static Optional<Long> incidentId(String carried) {
    if (carried == null || !carried.matches("\\d{1,18}")) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(carried));
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

  private Response declare(ViewSubmissionRequest request, ViewSubmissionContext context) {
    if (!isCurrentDeclareForm(request.getPayload().getView().getPrivateMetadata())) {
      return OutOfDate.form(context);
    }
    Map<String, Map<String, ViewState.Value>> values =
        request.getPayload().getView().getState().getValues();
    String title;
    try {
      title =
          TypedIncident.title(
              text(values, IncidentActionIds.TITLE).orElse(""), TypedIncident.NO_TITLE);
    } catch (UsageException problem) {
      return context.ackWithErrors(Map.of(IncidentActionIds.TITLE, problem.getMessage()));
    }
    Severity severity =
        selected(values, IncidentActionIds.SEVERITY).flatMap(Severity::parse).orElse(Severity.SEV0);
    String description =
        text(values, IncidentActionIds.DESCRIPTION)
            .map(VisibleText::strip)
            .filter(d -> !d.isEmpty())
            .orElse(null);
    incidents.declare(title, description, severity, false, request.getPayload().getUser().getId());
    return context.ack();
  }

  /**
   * Whether the form's metadata is this version's. Before the drill kit, {@code /incident drill}
   * opened this form with {@code "drill": true}; such a form, still open across an upgrade, is out
   * of date rather than declared as a real incident that pages the on-call.
   */
  private static boolean isCurrentDeclareForm(String privateMetadata) {
    try {
      JsonElement metadata = JsonParser.parseString(privateMetadata == null ? "" : privateMetadata);
      if (!metadata.isJsonObject()) {
        return false;
      }
      JsonElement drill = metadata.getAsJsonObject().get("drill");
      return drill == null || (drill.isJsonPrimitive() && !drill.getAsBoolean());
    } catch (JsonParseException malformed) {
      return false;
    }
  }

  /** What a form about one incident does when submitted; throws to refuse. */
  @FunctionalInterface
  private interface IncidentForm {
    void submit(long incidentId, String user, Map<String, Map<String, ViewState.Value>> values);
  }

  /**
   * Submits a form about the incident in its private metadata. A refusal (the incident was resolved
   * meanwhile, nothing written) is shown on {@code field} and the form stays open.
   */
  private Response submitOnIncident(
      ViewSubmissionRequest request,
      ViewSubmissionContext context,
      String field,
      IncidentForm form) {
    Optional<Long> id = incidentId(request.getPayload().getView().getPrivateMetadata());
    if (id.isEmpty()) {
      return OutOfDate.form(context);
    }
    try {
      form.submit(
          id.get(),
          request.getPayload().getUser().getId(),
          request.getPayload().getView().getState().getValues());
    } catch (UsageException | IncidentException refusal) {
      return context.ackWithErrors(Map.of(field, refusal.getMessage()));
    }
    return context.ack();
  }

  private void postUpdate(
      long incidentId, String user, Map<String, Map<String, ViewState.Value>> values) {
    String text = VisibleText.strip(text(values, IncidentActionIds.TEXT).orElse(""));
    if (text.isEmpty()) {
      throw new UsageException("Write the update.");
    }
    UpdateStatus status =
        selected(values, IncidentActionIds.STATUS)
            .flatMap(UpdateStatus::parse)
            .orElse(UpdateStatus.INVESTIGATING);
    incidents.postUpdate(incidentId, user, status, text);
  }

  private void resolve(
      long incidentId, String user, Map<String, Map<String, ViewState.Value>> values) {
    String summary = VisibleText.strip(text(values, IncidentActionIds.SUMMARY).orElse(""));
    incidents.resolve(incidentId, user, summary.isEmpty() ? null : summary);
  }
}
