package dev.sevzero.slack.sla;

import com.slack.api.RequestConfigurator;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import com.slack.api.methods.request.files.FilesUploadV2Request;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import dev.sevzero.sla.SlaCsv;
import dev.sevzero.sla.SlaReport;
import dev.sevzero.sla.chart.ResponseTimeChart;
import dev.sevzero.slack.SlackWork;
import dev.sevzero.slack.transport.SlackGateway;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files that go with an SLA report: the response-time chart, and the CSV when asked for. They
 * are posted where the command was typed; where the bot cannot post (a channel it is not in, a DM
 * between people) they go to the caller's DM with the bot instead, so the files are never lost.
 */
public final class SlaUploads {

  private static final Logger log = LoggerFactory.getLogger(SlaUploads.class);
  private static final String[] CANNOT_POST_THERE = {"not_in_channel", "channel_not_found"};

  private final SlackGateway slack;
  private final SlackWork work;
  private final SlaCsv csv;

  public SlaUploads(SlackGateway slack, SlackWork work, SlaCsv csv) {
    this.slack = slack;
    this.work = work;
    this.csv = csv;
  }

  /** Starts the uploads beside the acknowledgement; the chart is rendered off the Slack thread. */
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
        () -> {
          byte[] bytes = content.get();
          FilesUploadV2Response here =
              slack.callOk(
                  "files.uploadV2",
                  c -> answer(c, file(channelId, filename, title, bytes)),
                  CANNOT_POST_THERE);
          if (!here.isOk()) {
            log.info(
                "Cannot post {} in {} ({}); sending it by DM",
                filename,
                channelId,
                here.getError());
            String dm = directMessageWith(userId);
            slack.callOk("files.uploadV2", c -> answer(c, file(dm, filename, title, bytes)));
          }
        });
  }

  /**
   * The SDK's filesUploadV2 throws where every other method answers {@code ok:false}; this turns
   * the refusal back into an answer, so the gateway's accepted errors work for it too.
   */
  private static FilesUploadV2Response answer(
      MethodsClient client,
      RequestConfigurator<FilesUploadV2Request.FilesUploadV2RequestBuilder> file)
      throws IOException, SlackApiException {
    try {
      return client.filesUploadV2(file);
    } catch (SlackFilesUploadV2Exception refused) {
      FilesUploadV2Response answer = new FilesUploadV2Response();
      answer.setOk(false);
      answer.setError(errorOf(refused));
      return answer;
    }
  }

  /** The channel is only checked in the last step, completeUploadExternal. */
  private static String errorOf(SlackFilesUploadV2Exception refused) {
    if (refused.getCompleteResponse() != null) {
      return refused.getCompleteResponse().getError();
    }
    return refused.getGetURLResponses().stream()
        .filter(response -> !response.isOk())
        .map(FilesGetUploadURLExternalResponse::getError)
        .findFirst()
        .orElse("upload_failed");
  }

  private static RequestConfigurator<FilesUploadV2Request.FilesUploadV2RequestBuilder> file(
      String channelId, String filename, String title, byte[] bytes) {
    return r -> r.channel(channelId).filename(filename).title(title).fileData(bytes);
  }

  private String directMessageWith(String userId) {
    return slack
        .callOk("conversations.open", c -> c.conversationsOpen(r -> r.users(List.of(userId))))
        .getChannel()
        .getId();
  }
}
