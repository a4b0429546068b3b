package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.fakeslack.Reply;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP mode (no app token): Slack's signed requests are served, anything else is refused. */
class HttpModeIT {

  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

  @TempDir Path directory;
  TestWorkspace workspace;
  URI events;

  @BeforeEach
  void start() throws Exception {
    workspace =
        new TestWorkspace(directory)
            .with("SLACK_APP_TOKEN", "")
            .with("SLACK_SIGNING_SECRET", SECRET)
            .startOverHttp();
    events = URI.create("http://127.0.0.1:" + workspace.bot().port() + "/slack/events");
    workspace.slack.deliverOverHttp(events, SECRET);
  }

  @AfterEach
  void stop() {
    workspace.close();
  }

  @Test
  void aSignedSlashCommandIsServed() {
    Reply reply = workspace.command(ALICE, workspace.general, "declare storage latency");
    assertThat(reply.ackText()).contains("INC-1 (SEV0) storage latency");
    workspace.awaitHeader(
        workspace.awaitIncidentChannel(1), blocks -> blocks.contains("Acknowledge"));
  }

  @Test
  void aBadSignatureIsRefusedAndNothingIsStored() throws Exception {
    String body =
        "command=%2Fincident&user_id="
            + ALICE
            + "&channel_id="
            + workspace.general
            + "&text="
            + URLEncoder.encode("declare forged", StandardCharsets.UTF_8);
    long timestamp = workspace.clock.instant().getEpochSecond();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(events)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                    .header("X-Slack-Signature", "v0=" + "0".repeat(64))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(workspace.bot().incidents().open()).isEmpty();
    assertThat(workspace.slack.calls("conversations.create")).isEmpty();
  }

  @Test
  void healthIsServedOnTheSamePort() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + workspace.bot().port() + "/healthz"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
  }
}
