package dev.sevzero.slack.sla;

import dev.sevzero.sla.SlaCsv;
import dev.sevzero.sla.SlaReport;
import dev.sevzero.sla.chart.ResponseTimeChart;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.slack.delivery.SlackOutbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The files that go with an SLA report: the response-time chart, and the CSV when asked for. The
 * report is private to whoever asked, and so are its files: they go to the requester's DM with the
 * bot, never to the channel the command was typed in, where everyone would see them.
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
   * Starts the uploads beside the acknowledgement; the chart is rendered off the Slack thread, and
   * each file is then stored as a delivery to the requester's DM. Returns the names of the files on
   * their way, for the reply to mention.
   */
  public List<String> send(SlaReport report, boolean withCsv, String userId) {
    String month = report.monthName();
    List<String> sent = new ArrayList<>();
    // A month without incidents has no bars to draw and no rows to list: the report says so.
    if (!report.isEmpty()) {
      sent.add(
          upload(
              ResponseTimeChart.fileName(report),
              "SLA " + month + " — response times",
              () -> ResponseTimeChart.png(report),
              userId));
    }
    if (withCsv && !report.incidents().isEmpty()) {
      sent.add(
          upload(
              SlaCsv.fileName(report),
              "SLA " + month + " — incidents",
              () -> csv.write(report.incidents()),
              userId));
    }
    return sent;
  }

  private String upload(String filename, String title, Supplier<byte[]> content, String userId) {
    work.inParallel(
        "upload " + filename,
        () ->
            slack.upload(
                Optional.empty(), Optional.empty(), userId, filename, title, content.get()));
    return filename;
  }
}
