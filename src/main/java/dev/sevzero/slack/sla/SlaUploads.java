package dev.sevzero.slack.sla;

import dev.sevzero.sla.SlaCsv;
import dev.sevzero.sla.SlaReport;
import dev.sevzero.sla.chart.ResponseTimeChart;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.slack.delivery.SlackOutbox;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The files that go with an SLA report: the response-time chart, and the CSV when asked for. They
 * are posted where the command was typed; where the bot cannot post (a channel it is not in, a DM
 * between people) they go to the caller's DM with the bot instead, so the files are never lost.
 */
public final class SlaUploads {

  private final SlackOutbox slack;
  private final SlackWork work;
  private final SlaCsv csv;

  public SlaUploads(SlackOutbox slack, SlackWork work, SlaCsv csv) {
    this.slack = slack;
    this.work = work;
    this.csv = csv;
  }

  /**
   * Renders the files beside the acknowledgement (a chart takes a while), then stores each as a
   * delivery.
   */
  public void send(SlaReport report, boolean withCsv, String channelId, String userId) {
    String month = report.monthName();
    // A month without incidents has no bars to draw and no rows to list: the report says so.
    if (!report.isEmpty()) {
      upload(
          ResponseTimeChart.fileName(report),
          "SLA " + month + " — response times",
          () -> ResponseTimeChart.png(report),
          channelId,
          userId);
    }
    if (withCsv && !report.incidents().isEmpty()) {
      upload(
          SlaCsv.fileName(report),
          "SLA " + month + " — incidents",
          () -> csv.write(report.incidents()),
          channelId,
          userId);
    }
  }

  private void upload(
      String filename, String title, Supplier<byte[]> content, String channelId, String userId) {
    work.inParallel(
        "upload " + filename,
        () ->
            slack.upload(
                Optional.of(channelId), Optional.empty(), userId, filename, title, content.get()));
  }
}
