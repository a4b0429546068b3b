package dev.sevzero.e2e;

import static dev.sevzero.e2e.TestWorkspace.ALICE;
import static dev.sevzero.e2e.TestWorkspace.BOB;
import static dev.sevzero.e2e.TestWorkspace.CAROL;
import static dev.sevzero.e2e.TestWorkspace.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sevzero.fakeslack.FakeUpload;
import dev.sevzero.fakeslack.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /sla} through the real bot and a fake Slack, on incidents made with real commands. The
 * clock stands still except when the test moves it, so every figure is exact and computed by hand.
 */
class SlaReportIT {

  static final String USAGE = "Usage: `/sla month [YYYY-MM|last] [csv]`";

  @TempDir Path directory;
  TestWorkspace workspace;

  @BeforeEach
  void start() throws Exception {
    workspace =
        new TestWorkspace(directory, Clock.fixed(TestWorkspace.START, ZoneOffset.UTC)).start();
  }

  @AfterEach
  void stop() {
    workspace.close();
  }

  /**
   * November 2026, declared together on the 24th: INC-1 acknowledged after 3m, INC-2 after 12m,
   * INC-3 after 25m, the drill INC-4 after 25m, INC-5 never. The report is asked for 30m after the
   * declarations, when INC-1 has just been resolved and INC-5 has been open 30m.
   */
  private List<String> seedNovember() {
    workspace.command(ALICE, workspace.general, "declare sev1 checkout failing");
    workspace.command(ALICE, workspace.general, "declare sev0 search down");
    workspace.command(ALICE, workspace.general, "declare sev2 login slow");
    workspace.command(ALICE, workspace.general, "drill sev0 region failover");
    workspace.command(ALICE, workspace.general, "declare sev3 nightly export silent");
    List<String> channels =
        List.of(1L, 2L, 3L, 4L, 5L).stream().map(workspace::awaitIncidentChannel).toList();
    workspace.clock.advance(Duration.ofMinutes(3));
    workspace.command(BOB, channels.get(0), "ack");
    workspace.clock.advance(Duration.ofMinutes(9));
    workspace.command(CAROL, channels.get(1), "ack");
    workspace.clock.advance(Duration.ofMinutes(13));
    workspace.command(BOB, channels.get(2), "ack");
    workspace.command(ALICE, channels.get(3), "ack");
    workspace.clock.advance(Duration.ofMinutes(5));
    workspace.command(BOB, channels.get(0), "resolve rolled back");
    return channels;
  }

  @Test
  void theReportShowsTheVerdictTheFiguresAndWhy() {
    List<String> channels = seedNovember();

    Reply reply = sla(workspace.incidentsChannel, "month");

    assertThat(reply.ackPayload().get("response_type").getAsString()).isEqualTo("ephemeral");
    assertThat(reply.ackText()).isEqualTo("SLA — November 2026: Within tolerance, average 17m 30s");
    // (3m + 12m + 25m + 30m open) / 4 = 17m 30s; median (12m + 25m) / 2; p90 the 4th of 4.
    assertThat(blockText(reply))
        .contains("SLA — November 2026")
        .contains(
            "⚠️ *Within tolerance* — average *17m 30s* against target 15m 00s (ceiling 20m 00s)")
        .contains("*Median*\n18m 30s")
        .contains("*90th percentile*\n30m 00s")
        .contains("*Max*\n30m 00s")
        .contains("*Mean time to resolve*\n30m 00s")
        .contains("*Incidents*\n4\nsev0 1 · sev1 1 · sev2 1 · sev3 1")
        .contains(
            "*Above target (1)*\n• INC-3 login slow — *25m 00s*, first response <@UBOB>, <#"
                + channels.get(2)
                + ">")
        .contains("*Never responded (1)* — counted with their open time")
        .contains("INC-5 nightly export silent — open *30m 00s* so far, still open")
        .contains("<#" + channels.get(4) + ">")
        .contains("<@UBOB> — 2 incidents, average 14m 00s")
        .contains("<@UCAROL> — 1 incident, average 12m 00s")
        .contains("*Drills held (1)* — excluded from every figure\n• DRILL-4 region failover")
        .contains("No previous month to compare with.")
        .contains(
            "📎 `sla-2026-11-response-times.png` is on the way to you privately, in your DM with"
                + " Sevzero (not in this channel).");
    FakeUpload chart = awaitUploads(1).get(0);
    assertThat(chart.filename()).isEqualTo("sla-2026-11-response-times.png");
    assertThat(chart.channel()).isEqualTo(workspace.slack.dmChannel(ALICE));
    assertThat(workspace.slack.messages(workspace.incidentsChannel))
        .noneMatch(message -> message.text().contains("sla-"));
  }

  @Test
  void csvUploadsOneRowPerIncidentBesideTheChart() {
    seedNovember();

    Reply reply = sla(workspace.incidentsChannel, "month 2026-11 csv");

    assertThat(reply.ackText()).startsWith("SLA — November 2026: Within tolerance");
    List<FakeUpload> uploads = awaitUploads(2);
    assertThat(uploads)
        .allSatisfy(u -> assertThat(u.channel()).isEqualTo(workspace.slack.dmChannel(ALICE)));
    assertThat(blockText(reply))
        .contains("`sla-2026-11-response-times.png` and `sla-2026-11.csv` are");
    FakeUpload csv = upload(uploads, "sla-2026-11.csv");
    List<String> lines = List.of(new String(csv.bytes(), StandardCharsets.UTF_8).split("\r\n"));
    assertThat(lines.get(0)).startsWith("incident,title,severity,drill,declared_at_utc,");
    assertThat(lines.subList(1, lines.size()))
        .extracting(line -> line.split(",")[0])
        .containsExactly("INC-1", "INC-2", "INC-3", "DRILL-4", "INC-5");
    assertThat(lines.get(3))
        .contains(",sev2,false,2026-11-24T10:00:00Z,2026-11-24T02:00:00-08:00,");
    FakeUpload chart = upload(uploads, "sla-2026-11-response-times.png");
    assertThat(chart.title()).isEqualTo("SLA November 2026 — response times");
    assertThat(new String(chart.bytes(), 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  @Test
  void fromAChannelTheBotIsNotInTheFilesStillGoToTheCallersDm() {
    seedNovember();

    sla(workspace.general, "month csv");

    List<FakeUpload> uploads = awaitUploads(2);
    assertThat(uploads)
        .allSatisfy(u -> assertThat(u.channel()).isEqualTo(workspace.slack.dmChannel(ALICE)));
  }

  @Test
  void aMalformedMonthGetsTheProblemAndTheUsageOnceAndNothingElse() {
    seedNovember();

    assertThat(sla(workspace.incidentsChannel, "month 2026-13 csv").ackText())
        .isEqualTo("`2026-13` is not a month: write it as YYYY-MM, e.g. 2026-11.\n" + USAGE);
    assertThat(sla(workspace.incidentsChannel, "month 2026-12").ackText())
        .isEqualTo(
            "2026-12 has not started yet (America/Los_Angeles); the latest report is 2026-11.\n"
                + USAGE);
    assertThat(sla(workspace.incidentsChannel, "mnth").ackText())
        .startsWith(
            "`/sla mnth` is not a command I know. Did you mean `/sla month [YYYY-MM|last] [csv]`?");
    assertThat(sla(workspace.incidentsChannel, "help").ackText())
        .contains("• `/sla month [YYYY-MM|last] [csv]` — the monthly response-time SLA report");
    assertThat(slaUploads()).isEmpty();
  }

  @Test
  void anEmptyMonthSaysSoPlainlyAndUploadsNothing() {
    seedNovember();

    Reply reply = sla(workspace.incidentsChannel, "month 2026-10 csv");

    assertThat(reply.ackText()).isEqualTo("SLA — October 2026: no incidents");
    assertThat(blockText(reply))
        .contains(
            "No incidents were declared in October 2026 (America/Los_Angeles): nothing to measure.");
    assertThat(slaUploads()).isEmpty();
  }

  @Test
  void lastIsThePreviousMonthAndTheBareCommandTheCurrentOne() {
    workspace.command(ALICE, workspace.general, "declare sev1 checkout failing");
    String channel = workspace.awaitIncidentChannel(1);
    workspace.clock.advance(Duration.ofMinutes(4));
    workspace.command(BOB, channel, "ack");
    // 2 December, 02:00 in Los Angeles.
    workspace.clock.advance(Duration.ofDays(8));

    assertThat(sla(workspace.incidentsChannel, "month last").ackText())
        .isEqualTo("SLA — November 2026: Met, average 4m 00s");
    assertThat(sla(workspace.incidentsChannel, "").ackText())
        .isEqualTo("SLA — December 2026: no incidents");
  }

  private Reply sla(String channel, String text) {
    Reply reply = workspace.slack.slashCommand(ALICE, channel, "/sla", text);
    assertThat(reply.acked()).isTrue();
    return reply;
  }

  /** The report's files; resolved incidents also upload their post-mortem drafts. */
  private List<FakeUpload> slaUploads() {
    return workspace.slack.uploads().stream()
        .filter(upload -> upload.filename().startsWith("sla-"))
        .toList();
  }

  private List<FakeUpload> awaitUploads(int count) {
    return await().atMost(WAIT).until(this::slaUploads, uploads -> uploads.size() == count);
  }

  private static FakeUpload upload(List<FakeUpload> uploads, String filename) {
    return uploads.stream().filter(u -> u.filename().equals(filename)).findFirst().orElseThrow();
  }

  /** Every text in the ack's blocks, one per line, as a reader would go through them. */
  private static String blockText(Reply reply) {
    return texts(reply.ackPayload().get("blocks")).collect(Collectors.joining("\n"));
  }

  private static Stream<String> texts(JsonElement element) {
    if (element.isJsonArray()) {
      return element.getAsJsonArray().asList().stream().flatMap(SlaReportIT::texts);
    }
    if (!element.isJsonObject()) {
      return Stream.empty();
    }
    JsonObject object = element.getAsJsonObject();
    if (object.has("text") && object.get("text").isJsonPrimitive()) {
      return Stream.of(object.get("text").getAsString());
    }
    return object.entrySet().stream().flatMap(entry -> texts(entry.getValue()));
  }
}
