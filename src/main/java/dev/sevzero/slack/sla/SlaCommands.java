package dev.sevzero.slack.sla;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.exercises.ExerciseReports;
import dev.sevzero.sla.PunctualitySource;
import dev.sevzero.sla.SlaMonth;
import dev.sevzero.sla.SlaPolicy;
import dev.sevzero.sla.SlaReport;
import dev.sevzero.sla.SlaReports;
import dev.sevzero.sla.SlaRequest;
import dev.sevzero.slack.command.CommandInvocation;
import dev.sevzero.slack.command.CommandRegistry;
import dev.sevzero.slack.command.CommandReply;
import dev.sevzero.slack.command.SubCommand;
import dev.sevzero.slack.command.UsageException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@code /sla}: the monthly response-time SLA report (SPEC §2, §7). */
public final class SlaCommands {

  private final SlaReports reports;
  private final PunctualitySource punctuality;
  private final SlaPolicy policy;
  private final SlaUploads uploads;
  private final Clock clock;
  private final Function<SlaPolicy.MonthRange, LayoutBlock> followups;
  private final ExerciseReports exercises;
  private final CommandRegistry registry;

  /**
   * @param followups the report's follow-ups section for a month
   * @param exercises the figures of the report's Exercises section
   */
  public SlaCommands(
      SlaReports reports,
      PunctualitySource punctuality,
      SlaPolicy policy,
      SlaUploads uploads,
      Clock clock,
      Function<SlaPolicy.MonthRange, LayoutBlock> followups,
      ExerciseReports exercises) {
    this.reports = reports;
    this.punctuality = punctuality;
    this.policy = policy;
    this.uploads = uploads;
    this.clock = clock;
    this.followups = followups;
    this.exercises = exercises;
    // Reading a report changes nothing, so no sub-command is kept for admins.
    this.registry =
        new CommandRegistry("/sla", "the response-time SLA, month by month", user -> false)
            .add(
                SubCommand.of(
                    "month",
                    SlaMonth.ARGUMENTS,
                    "the monthly response-time SLA report",
                    this::month))
            .defaultTo("month");
  }

  public CommandRegistry registry() {
    return registry;
  }

  /**
   * The report is the ack itself: computing it takes milliseconds. The files take longer (the chart
   * is rendered) and follow it, privately, in the requester's DM with the bot.
   */
  private CommandReply month(CommandInvocation invocation) {
    SlaRequest request = SlaMonth.parse(invocation.text(), clock, policy.zone());
    if (request instanceof SlaRequest.Rejected rejected) {
      throw new UsageException(rejected.problem());
    }
    SlaRequest.Report wanted = (SlaRequest.Report) request;
    SlaReport report = reports.monthly(wanted.month());
    List<String> files = uploads.send(report, wanted.csv(), invocation.userId());
    List<LayoutBlock> blocks = new ArrayList<>(SlaReportView.blocks(report));
    // Before the footnote, which explains the figures above it.
    SlaPolicy.MonthRange range = policy.rangeOf(wanted.month());
    blocks.add(blocks.size() - 1, followups.apply(range));
    blocks.add(
        blocks.size() - 1,
        section(
            s ->
                s.text(
                    markdownText(
                        PunctualityText.line(punctuality.between(range.start(), range.end()))))));
    blocks.addAll(
        blocks.size() - 1, ExercisesSection.blocks(exercises.month(wanted.month(), policy.zone())));
    if (!files.isEmpty()) {
      blocks.add(SlaReportView.privateFilesNote(files));
    }
    return CommandReply.ephemeral(SlaReportView.fallbackText(report), blocks);
  }
}
