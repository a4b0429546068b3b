package dev.sevzero.slack.incident;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;
import static dev.sevzero.slack.SlackBlocks.selectInput;
import static dev.sevzero.slack.SlackText.channel;
import static dev.sevzero.slack.SlackText.date;
import static dev.sevzero.slack.SlackText.escape;
import static dev.sevzero.slack.SlackText.user;
import static dev.sevzero.slack.SlackText.users;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import dev.sevzero.deliveries.DeliveryBacklog;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.OpenIncident;
import dev.sevzero.incident.Severity;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.incident.UpdateStatus;
import dev.sevzero.slack.SlackBlocks;
import dev.sevzero.slack.SlackText;
import dev.sevzero.text.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Block Kit for incidents: the pinned header, summaries, lists and the modals. */
final class IncidentViews {

  private IncidentViews() {}

  /** The one-line name people see: {@code INC-12 (SEV0) db down}. */
  static String headline(Incident incident) {
    return headline(incident.key(), incident.severity(), incident.title());
  }

  private static String headline(String key, Severity severity, String title) {
    return key + " (" + severity.label() + ") " + title;
  }

  /** Slack refuses a header block whose text is longer ({@code invalid_blocks}). */
  static final int MAX_HEADER_TEXT = 150;

  static String fitHeader(String text) {
    if (text.length() <= MAX_HEADER_TEXT) {
      return text;
    }
    int end = MAX_HEADER_TEXT - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }

  /** The header pinned in the incident channel; edited in place on every change. */
  static List<LayoutBlock> headerBlocks(Incident incident) {
    String icon = incident.isOpen() ? (incident.isDrill() ? "🧪" : "🚨") : "✅";
    List<LayoutBlock> blocks = new ArrayList<>();
    String heading = icon + " " + headline(incident);
    blocks.add(header(h -> h.text(plainText(fitHeader(heading), true))));
    if (heading.length() > MAX_HEADER_TEXT) {
      // The header block holds 150 characters: the whole title is kept in a section below it.
      blocks.add(section(s -> s.text(markdownText("*" + escape(incident.title()) + "*"))));
    }
    List<TextObject> fields = new ArrayList<>();
    fields.add(field("Status", incident.status().label() + (incident.isDrill() ? " · drill" : "")));
    fields.add(field("Severity", incident.severity().label()));
    fields.add(
        field(
            "Declared",
            "by " + user(incident.declared().by()) + "\n" + date(incident.declared().at())));
    fields.add(field("Acknowledged", acknowledged(incident)));
    fields.add(
        field("Incident Commander", incident.commander().map(u -> user(u)).orElse("_unassigned_")));
    fields.add(field("Scribe / comms", incident.scribe().map(u -> user(u)).orElse("_unassigned_")));
    fields.add(
        field(
            "Engineers",
            incident.engineers().isEmpty() ? "_none yet_" : users(incident.engineers())));
    incident
        .resolution()
        .ifPresent(
            resolution ->
                fields.add(
                    field(
                        "Resolved",
                        "by "
                            + user(resolution.by())
                            + " after "
                            + Durations.format(incident.age(resolution.at())))));
    blocks.add(section(s -> s.fields(fields)));
    incident
        .description()
        .filter(text -> !text.isBlank())
        .ifPresent(text -> blocks.add(section(s -> s.text(markdownText(escape(text))))));
    if (incident.isOpen()) {
      blocks.add(actions(a -> a.blockId("incident_actions").elements(buttons(incident))));
    } else {
      blocks.add(
          context(
              c ->
                  c.elements(
                      List.of(
                          markdownText(
                              "Resolved. `/incident reopen` in this channel if it comes back.")))));
    }
    return blocks;
  }

  /** Plain-text fallback for notifications and old clients. */
  static String headerText(Incident incident) {
    return headline(incident) + " — " + incident.status().label();
  }

  /** The channel topic: severity · status · IC · scribe. */
  static String topic(Incident incident) {
    return incident.severity().label()
        + " · "
        + incident.status().label()
        + " · IC: "
        + incident.commander().map(u -> user(u)).orElse("unassigned")
        + " · Scribe: "
        + incident.scribe().map(u -> user(u)).orElse("unassigned");
  }

  private static String acknowledged(Incident incident) {
    return incident
        .acknowledgement()
        .map(
            ack ->
                "by "
                    + user(ack.by())
                    + " after "
                    + Durations.format(Duration.between(incident.startedAt(), ack.at())))
        .orElse("_not yet_");
  }

  private static List<BlockElement> buttons(Incident incident) {
    String id = Long.toString(incident.id());
    return List.of(
        button(
            b ->
                b.actionId(IncidentActionIds.ACKNOWLEDGE)
                    .text(plainText("Acknowledge"))
                    .value(id)
                    .style("primary")),
        button(
            b -> b.actionId(IncidentActionIds.TAKE_COMMANDER).text(plainText("I'm IC")).value(id)),
        button(
            b -> b.actionId(IncidentActionIds.TAKE_SCRIBE).text(plainText("I'm scribe")).value(id)),
        button(
            b ->
                b.actionId(IncidentActionIds.JOIN_ENGINEER)
                    .text(plainText("Join as engineer"))
                    .value(id)),
        button(
            b ->
                b.actionId(IncidentActionIds.POST_UPDATE).text(plainText("Post update")).value(id)),
        button(
            b ->
                b.actionId(IncidentActionIds.RESOLVE)
                    .text(plainText("Resolve"))
                    .value(id)
                    .style("danger")));
  }

  /** The announcement in the incidents channel. */
  static List<LayoutBlock> announcement(Incident incident) {
    String where = incident.channelId().map(c -> channel(c)).orElse("its channel");
    String what = incident.isDrill() ? "🧪 Drill" : "🚨 Incident";
    return List.of(
        section(
            s ->
                s.text(
                    markdownText(
                        what
                            + " *"
                            + escape(headline(incident))
                            + "* declared by "
                            + user(incident.declared().by())
                            + ". Join "
                            + where
                            + "."))));
  }

  /** The page sent by DM to whoever is on call. */
  static List<LayoutBlock> page(Incident incident) {
    String where = incident.channelId().map(c -> channel(c)).orElse("its channel");
    return SlackBlocks.textWithButton(
        "📟 You're on call: *"
            + escape(headline(incident))
            + "* was declared by "
            + user(incident.declared().by())
            + ". Please acknowledge and join "
            + where
            + ".",
        IncidentActionIds.ACKNOWLEDGE,
        "Acknowledge",
        Long.toString(incident.id()));
  }

  /** The resolution summary, posted in the incident channel and the incidents channel. */
  static List<LayoutBlock> resolutionSummary(
      Incident incident, List<StatusUpdate> updates, UpdateCompliance compliance) {
    Incident.Resolution resolution = incident.resolution().orElseThrow();
    List<TextObject> fields = new ArrayList<>();
    fields.add(field("Duration", Durations.format(incident.age(resolution.at()))));
    fields.add(
        field(
            "Time to acknowledge",
            incident
                .acknowledgement()
                .map(ack -> Durations.format(Duration.between(incident.startedAt(), ack.at())))
                .orElse("never acknowledged")));
    fields.add(
        field(
            "Response time (SLA)",
            incident
                .response()
                .map(r -> Durations.format(r.time()) + " by " + user(r.by()))
                .orElse("no response recorded")));
    fields.add(
        field(
            "Updates",
            updates.size()
                + " posted · "
                + compliance.onTime()
                + " on time · "
                + compliance.late()
                + " late · "
                + compliance.missed()
                + " missed"));
    fields.add(field("Incident Commander", incident.commander().map(u -> user(u)).orElse("—")));
    fields.add(field("Scribe / comms", incident.scribe().map(u -> user(u)).orElse("—")));
    fields.add(
        field("Engineers", incident.engineers().isEmpty() ? "—" : users(incident.engineers())));
    String where = incident.channelId().map(c -> " in " + channel(c)).orElse("");
    String summary =
        Optional.ofNullable(resolution.summary()).map(s -> "\n>" + escape(s)).orElse("");
    return List.of(
        section(
            s ->
                s.text(
                    markdownText(
                        "✅ *"
                            + escape(headline(incident))
                            + "* resolved by "
                            + user(resolution.by())
                            + where
                            + "."
                            + summary))),
        section(s -> s.fields(fields)));
  }

  /** {@code /incident status}. */
  static List<LayoutBlock> status(
      Incident incident,
      Instant now,
      Optional<StatusUpdate> lastUpdate,
      Optional<Instant> nextDue,
      DeliveryBacklog.IncidentDeliveries deliveries) {
    List<LayoutBlock> blocks = new ArrayList<>(headerBlocks(incident));
    blocks.remove(blocks.size() - 1);
    List<TextObject> fields = new ArrayList<>();
    fields.add(field("Age", Durations.format(incident.age(now))));
    fields.add(
        field(
            "Response time",
            incident.response().map(r -> Durations.format(r.time())).orElse("_no response yet_")));
    fields.add(
        field(
            "Last update",
            lastUpdate
                .map(u -> "#" + u.number() + " " + date(u.postedAt()) + " by " + user(u.postedBy()))
                .orElse("_none yet_")));
    fields.add(
        field(
            "Next update due",
            nextDue
                .map(due -> nextDueText(due, now))
                .orElse(
                    incident.severity().requiresUpdates() && incident.isOpen()
                        ? "—"
                        : "_not required_")));
    blocks.add(divider());
    blocks.add(section(s -> s.fields(fields)));
    deliveryNote(deliveries)
        .ifPresent(note -> blocks.add(context(c -> c.elements(List.of(markdownText(note))))));
    return blocks;
  }

  /** A due time already past is overdue, and says by how much. */
  static String nextDueText(Instant due, Instant now) {
    if (!now.isAfter(due)) {
      return SlackText.date(due);
    }
    return SlackText.date(due)
        + " — *overdue* by "
        + Durations.format(java.time.Duration.between(due, now));
  }

  /** What Slack has not shown yet, or refused: so nobody takes a missing post for silence. */
  static Optional<String> deliveryNote(DeliveryBacklog.IncidentDeliveries deliveries) {
    List<String> parts = new ArrayList<>();
    if (deliveries.pending() > 0) {
      parts.add(
          "⏳ "
              + deliveries.pending()
              + (deliveries.pending() == 1 ? " message" : " messages")
              + " to Slack still on the way (Slack is slow or rate-limiting; they will arrive)");
    }
    if (deliveries.failed() > 0) {
      parts.add(
          "⚠️ "
              + deliveries.failed()
              + (deliveries.failed() == 1 ? " message was" : " messages were")
              + " refused by Slack"
              + deliveries.lastFailure().map(reason -> " (last: " + reason + ")").orElse(""));
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" · ", parts));
  }

  /** Slack takes 50 blocks a message: the header, this many incidents and "…and K more". */
  static final int MOST_OPEN_LISTED = SlackBlocks.MAX_BLOCKS - 2;

  /** {@code /incident list}. */
  static List<LayoutBlock> list(List<OpenIncident> open, Instant now) {
    if (open.isEmpty()) {
      return List.of(section(s -> s.text(markdownText("No open incidents. 🎉"))));
    }
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(header(h -> h.text(plainText("Open incidents (" + open.size() + ")"))));
    boolean allFit = open.size() <= SlackBlocks.MAX_BLOCKS - 1;
    List<OpenIncident> listed = allFit ? open : open.subList(0, MOST_OPEN_LISTED);
    for (OpenIncident incident : listed) {
      String line =
          "*"
              + escape(headline(incident.key(), incident.severity(), incident.title()))
              + "* · "
              + incident.channelId().map(c -> channel(c)).orElse("_channel pending_")
              + " · open "
              + Durations.format(incident.age(now))
              + " · IC "
              + incident.commander().map(u -> user(u)).orElse("_unassigned_")
              + " · "
              + (incident.acknowledged() ? "acknowledged" : "⚠️ not acknowledged");
      blocks.add(section(s -> s.text(markdownText(line))));
    }
    if (!allFit) {
      blocks.add(SlackBlocks.andMore(open.size() - listed.size()));
    }
    return blocks;
  }

  /** The declare modal; {@code metadata} carries the channel it was opened from. */
  static View declareModal(String metadata) {
    return view(
        v ->
            v.type("modal")
                .callbackId(IncidentActionIds.DECLARE_VIEW)
                .privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text("Declare an incident")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Declare")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(
                    List.of(
                        input(
                            i ->
                                i.blockId(IncidentActionIds.TITLE)
                                    .label(plainText("What is broken?"))
                                    .element(
                                        plainTextInput(
                                            p ->
                                                p.actionId(IncidentActionIds.TITLE)
                                                    .maxLength(Incident.MAX_TITLE_LENGTH)))),
                        selectInput(
                            IncidentActionIds.SEVERITY,
                            "Severity",
                            severityOptions(),
                            severityOption(Severity.SEV0)),
                        input(
                            i ->
                                i.blockId(IncidentActionIds.DESCRIPTION)
                                    .optional(true)
                                    .label(plainText("Description"))
                                    .element(
                                        plainTextInput(
                                            p ->
                                                p.actionId(IncidentActionIds.DESCRIPTION)
                                                    .multiline(true)))))));
  }

  /** The update modal: status and text. */
  static View updateModal(Incident incident) {
    return view(
        v ->
            v.type("modal")
                .callbackId(IncidentActionIds.UPDATE_VIEW)
                .privateMetadata(Long.toString(incident.id()))
                .title(viewTitle(t -> t.type("plain_text").text("Update " + incident.key())))
                .submit(viewSubmit(s -> s.type("plain_text").text("Post update")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(
                    List.of(
                        selectInput(
                            IncidentActionIds.STATUS,
                            "Status",
                            statusOptions(),
                            statusOption(UpdateStatus.INVESTIGATING)),
                        input(
                            i ->
                                i.blockId(IncidentActionIds.TEXT)
                                    .label(plainText("What should stakeholders know?"))
                                    .element(
                                        plainTextInput(
                                            p ->
                                                p.actionId(IncidentActionIds.TEXT)
                                                    .multiline(true)))))));
  }

  /** The resolve confirmation: a misclick at 3 a.m. should not close an incident. */
  static View resolveModal(Incident incident) {
    return view(
        v ->
            v.type("modal")
                .callbackId(IncidentActionIds.RESOLVE_VIEW)
                .privateMetadata(Long.toString(incident.id()))
                .title(viewTitle(t -> t.type("plain_text").text("Resolve " + incident.key())))
                .submit(viewSubmit(s -> s.type("plain_text").text("Resolve")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(
                    List.of(
                        input(
                            i ->
                                i.blockId(IncidentActionIds.SUMMARY)
                                    .optional(true)
                                    .label(plainText("Summary (what fixed it)"))
                                    .element(
                                        plainTextInput(
                                            p ->
                                                p.actionId(IncidentActionIds.SUMMARY)
                                                    .multiline(true)))))));
  }

  private static List<OptionObject> severityOptions() {
    return Arrays.stream(Severity.values()).map(IncidentViews::severityOption).toList();
  }

  private static OptionObject severityOption(Severity severity) {
    return option(plainText(severity.label()), severity.code());
  }

  private static List<OptionObject> statusOptions() {
    return Arrays.stream(UpdateStatus.values()).map(IncidentViews::statusOption).toList();
  }

  private static OptionObject statusOption(UpdateStatus status) {
    return option(plainText(status.label()), status.code());
  }

  private static TextObject field(String label, String value) {
    return markdownText("*" + label + "*\n" + value);
  }
}
