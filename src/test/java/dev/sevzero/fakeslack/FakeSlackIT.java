package dev.sevzero.fakeslack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.asBlocks;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.asElements;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewTitle;
import com.slack.api.socket_mode.SocketModeClient;
import com.sun.net.httpserver.HttpServer;
import dev.sevzero.testing.MutableClock;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.Framedata;
import org.java_websocket.framing.PingFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FakeSlackIT {
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  static final Duration WAIT = Duration.ofSeconds(5);

  final MutableClock clock = new MutableClock(T0);
  FakeSlack fake;
  Slack slack;
  MethodsClient client;
  SocketModeApp socketModeApp;

  @BeforeEach
  void start() {
    fake = FakeSlack.start(clock);
    fake.addUser("UALICE", "alice");
    fake.addUser("UBOB", "bob");
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(fake.apiUrl());
    slack = Slack.getInstance(config);
    client = slack.methods(FakeSlack.BOT_TOKEN);
  }

  @AfterEach
  void stop() throws Exception {
    if (socketModeApp != null) {
      socketModeApp.stop();
    }
    fake.close();
  }

  /** A real Bolt app connected to the fake over Socket Mode. */
  App boltApp() {
    return new App(
        AppConfig.builder().singleTeamBotToken(FakeSlack.BOT_TOKEN).slack(slack).build());
  }

  void connect(App app) throws Exception {
    socketModeApp =
        new SocketModeApp(FakeSlack.APP_TOKEN, app, SocketModeClient.Backend.JavaWebSocket);
    socketModeApp.startAsync();
    await().atMost(WAIT).until(fake::socketModeConnected);
  }

  @Test
  void createsChannelsAndRejectsTakenOrInvalidNames() throws Exception {
    var created = client.conversationsCreate(r -> r.name("inc-1-db-down"));

    assertThat(created.isOk()).isTrue();
    assertThat(created.getChannel().getName()).isEqualTo("inc-1-db-down");
    assertThat(fake.channel(created.getChannel().getId()).orElseThrow().members())
        .containsExactly(FakeSlack.BOT_USER_ID);
    assertThat(client.conversationsCreate(r -> r.name("inc-1-db-down")).getError())
        .isEqualTo("name_taken");
    assertThat(client.conversationsCreate(r -> r.name("Inc 1!")).getError())
        .isEqualTo("invalid_name_specials");
    assertThat(client.conversationsCreate(r -> r.name("x".repeat(81))).getError())
        .isEqualTo("invalid_name_maxlength");
    assertThat(fake.calls("conversations.create")).hasSize(4);
  }

  @Test
  void invitesAndReportsAlreadyInChannelLikeSlack() throws Exception {
    String channel = fake.addChannel("ops", FakeSlack.BOT_USER_ID);

    assertThat(client.conversationsInvite(r -> r.channel(channel).users(List.of("UALICE"))).isOk())
        .isTrue();
    var again = client.conversationsInvite(r -> r.channel(channel).users(List.of("UALICE")));
    var unknown = client.conversationsInvite(r -> r.channel(channel).users(List.of("UNOBODY")));
    String outside = fake.addChannel("elsewhere");
    var notMember = client.conversationsInvite(r -> r.channel(outside).users(List.of("UBOB")));

    assertThat(again.getError()).isEqualTo("already_in_channel");
    assertThat(unknown.getError()).isEqualTo("user_not_found");
    assertThat(notMember.getError()).isEqualTo("not_in_channel");
    assertThat(fake.channel(channel).orElseThrow().members())
        .containsExactlyInAnyOrder(FakeSlack.BOT_USER_ID, "UALICE");
  }

  @Test
  void postsUpdatesAndPinsMessagesWithIncreasingTimestamps() throws Exception {
    String channel = fake.addChannel("inc-2", FakeSlack.BOT_USER_ID);

    ChatPostMessageResponse first = client.chatPostMessage(r -> r.channel(channel).text("v1"));
    ChatPostMessageResponse second = client.chatPostMessage(r -> r.channel(channel).text("other"));
    var updated = client.chatUpdate(r -> r.channel(channel).ts(first.getTs()).text("v2"));
    var pinned = client.pinsAdd(r -> r.channel(channel).timestamp(first.getTs()));
    var pinnedAgain = client.pinsAdd(r -> r.channel(channel).timestamp(first.getTs()));
    var missing = client.chatUpdate(r -> r.channel(channel).ts("1.000001").text("x"));

    assertThat(first.getTs()).isEqualTo("1795428000.000000"); // the clock, in seconds.micros
    assertThat(second.getTs()).isEqualTo("1795428000.000001"); // same instant, still unique
    assertThat(updated.isOk()).isTrue();
    assertThat(pinned.isOk()).isTrue();
    assertThat(pinnedAgain.getError()).isEqualTo("already_pinned");
    assertThat(missing.getError()).isEqualTo("message_not_found");
    assertThat(fake.messages(channel))
        .extracting(FakeMessage::text, FakeMessage::edited)
        .containsExactly(tuple("v2", true), tuple("other", false));
    assertThat(fake.channel(channel).orElseThrow().pinnedTs()).containsExactly(first.getTs());
    assertThat(client.conversationsHistory(r -> r.channel(channel)).getMessages())
        .extracting(m -> m.getText())
        .containsExactly("other", "v2");
  }

  @Test
  void refusesPostsWhereTheBotIsNotAMember() throws Exception {
    String channel = fake.addChannel("quiet", "UALICE");

    assertThat(client.chatPostMessage(r -> r.channel(channel).text("hi")).getError())
        .isEqualTo("not_in_channel");
    assertThat(client.chatPostMessage(r -> r.channel("CNOPE").text("hi")).getError())
        .isEqualTo("channel_not_found");
    String shared = fake.addChannel("shared", FakeSlack.BOT_USER_ID, "UALICE");
    assertThat(client.chatPostEphemeral(r -> r.channel(shared).user("UBOB").text("x")).getError())
        .isEqualTo("user_not_in_channel");
    assertThat(client.chatPostEphemeral(r -> r.channel(shared).user("UALICE").text("psst")).isOk())
        .isTrue();
    assertThat(fake.messages(shared)).extracting(FakeMessage::visibleTo).containsExactly("UALICE");
    var dm = client.chatPostMessage(r -> r.channel("UBOB").text("you are paged"));
    assertThat(dm.getChannel()).isEqualTo(fake.dmChannel("UBOB"));
    assertThat(slack.methods("xoxb-wrong").authTest(r -> r).getError()).isEqualTo("invalid_auth");
  }

  @Test
  void keepsTopicsAndUserGroupsAsTheAppSetsThem() throws Exception {
    String channel = fake.addChannel("oncall", "UALICE");
    String group = fake.addUsergroup("oncall", "UALICE");

    var joined = client.conversationsJoin(r -> r.channel(channel));
    var rejoined = client.conversationsJoin(r -> r.channel(channel));
    client.conversationsSetTopic(r -> r.channel(channel).topic("SEV0 · investigating"));
    var updated = client.usergroupsUsersUpdate(r -> r.usergroup(group).users(List.of("UBOB")));
    var unknown = client.usergroupsUsersUpdate(r -> r.usergroup("SNOPE").users(List.of("UBOB")));

    assertThat(joined.isOk()).isTrue();
    assertThat(rejoined.getWarning()).isEqualTo("already_in_channel");
    assertThat(fake.channel(channel).orElseThrow().topic()).isEqualTo("SEV0 · investigating");
    assertThat(updated.getUsergroup().getUsers()).containsExactly("UBOB");
    assertThat(unknown.getError()).isEqualTo("no_such_subteam");
    assertThat(fake.usergroupMembers(group)).containsExactly("UBOB");
  }

  @Test
  void rateLimitSurfacesAsHttp429WithRetryAfter() throws Exception {
    String channel = fake.addChannel("inc-3", FakeSlack.BOT_USER_ID);
    fake.failNext("chat.postMessage", Failure.rateLimited(Duration.ofSeconds(7)));

    assertThatThrownBy(() -> client.chatPostMessage(r -> r.channel(channel).text("x")))
        .isInstanceOfSatisfying(
            SlackApiException.class,
            e -> {
              assertThat(e.getResponse().code()).isEqualTo(429);
              assertThat(e.getResponse().header("Retry-After")).isEqualTo("7");
            });
    assertThat(client.chatPostMessage(r -> r.channel(channel).text("x")).isOk()).isTrue();
    assertThat(fake.calls("chat.postMessage")).extracting(ApiCall::ok).containsExactly(false, true);
  }

  @Test
  void slashCommandRoundTripThroughBoltShowsTheAckToTheCaller() throws Exception {
    String channel = fake.addChannel("general", FakeSlack.BOT_USER_ID, "UALICE");
    App app = boltApp();
    app.command("/incident", (req, ctx) -> ctx.ack("Declared: " + req.getPayload().getText()));
    connect(app);

    Reply reply = fake.slashCommand("UALICE", channel, "/incident", "declare db down");

    assertThat(reply.acked()).isTrue();
    assertThat(reply.ackText()).isEqualTo("Declared: declare db down");
    assertThat(fake.messages(channel))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.visibleTo()).isEqualTo("UALICE");
              assertThat(m.text()).isEqualTo("Declared: declare db down");
            });
  }

  @Test
  void buttonPressReachesTheAppsActionHandler() throws Exception {
    String channel = fake.addChannel("inc-4", FakeSlack.BOT_USER_ID, "UBOB");
    App app = boltApp();
    app.command(
        "/page",
        (req, ctx) -> {
          ctx.client()
              .chatPostMessage(
                  r ->
                      r.channel(req.getPayload().getChannelId())
                          .text("Paged")
                          .blocks(
                              asBlocks(
                                  actions(
                                      a ->
                                          a.blockId("header")
                                              .elements(
                                                  asElements(
                                                      button(
                                                          b ->
                                                              b.actionId("ack")
                                                                  .value("INC-4")
                                                                  .text(
                                                                      plainText(
                                                                          "Acknowledge")))))))));
          return ctx.ack();
        });
    AtomicReference<String> acknowledged = new AtomicReference<>();
    app.blockAction(
        "ack",
        (req, ctx) -> {
          acknowledged.set(
              req.getPayload().getUser().getId()
                  + " "
                  + req.getPayload().getActions().get(0).getValue());
          ctx.respond(r -> r.replaceOriginal(true).text("Acknowledged by <@UBOB>"));
          return ctx.ack();
        });
    connect(app);

    fake.slashCommand("UBOB", channel, "/page", "");
    String ts =
        fake.awaitCall("chat.postMessage", ApiCall::ok, WAIT).response().get("ts").getAsString();
    Reply reply = fake.pressButton("UBOB", channel, ts, "ack");

    assertThat(reply.acked()).isTrue();
    assertThat(reply.awaitResponse(WAIT).get("text").getAsString()).contains("Acknowledged");
    assertThat(acknowledged.get()).isEqualTo("UBOB INC-4");
    assertThat(fake.messages(channel))
        .singleElement()
        .satisfies(m -> assertThat(m.text()).isEqualTo("Acknowledged by <@UBOB>"))
        // As on Slack, the text replaces the whole message: the button is gone.
        .satisfies(m -> assertThat(m.blocks()).isNull());
  }

  @Test
  void modalsNeedAFreshTriggerAndSubmissionsCarryTheAppsErrors() throws Exception {
    String channel = fake.addChannel("general", FakeSlack.BOT_USER_ID, "UALICE");
    CompletableFuture<String> firstTrigger = new CompletableFuture<>();
    CompletableFuture<String> secondTrigger = new CompletableFuture<>();
    App app = boltApp();
    app.command(
        "/incident",
        (req, ctx) -> {
          String trigger = req.getPayload().getTriggerId();
          if (!firstTrigger.complete(trigger)) {
            secondTrigger.complete(trigger);
          }
          return ctx.ack();
        });
    app.viewSubmission(
        "declare",
        (req, ctx) -> {
          String title =
              req.getPayload()
                  .getView()
                  .getState()
                  .getValues()
                  .get("title")
                  .get("title_input")
                  .getValue();
          return title.length() < 5
              ? ctx.ack(r -> r.responseAction("errors").errors(Map.of("title", "Too short")))
              : ctx.ack();
        });
    connect(app);
    View modal =
        View.builder()
            .type("modal")
            .callbackId("declare")
            .privateMetadata("from-general")
            .title(ViewTitle.builder().type("plain_text").text("Declare").build())
            .blocks(
                asBlocks(
                    input(
                        i ->
                            i.blockId("title")
                                .label(plainText("Title"))
                                .element(plainTextInput(p -> p.actionId("title_input"))))))
            .build();

    fake.slashCommand("UALICE", channel, "/incident", "declare");
    String fresh = firstTrigger.get(5, TimeUnit.SECONDS);
    ViewsOpenResponse opened = client.viewsOpen(r -> r.triggerId(fresh).view(modal));
    fake.slashCommand("UALICE", channel, "/incident", "declare");
    String stale = secondTrigger.get(5, TimeUnit.SECONDS);
    clock.advance(Duration.ofSeconds(4));
    ViewsOpenResponse expired = client.viewsOpen(r -> r.triggerId(stale).view(modal));

    assertThat(opened.isOk()).isTrue();
    assertThat(expired.getError()).isEqualTo("expired_trigger_id");
    FakeView view = fake.openViews("UALICE").get(0);
    assertThat(view.id()).isEqualTo(opened.getView().getId());
    assertThat(view.privateMetadata()).isEqualTo("from-general");
    Reply rejected = fake.submitView("UALICE", view.id(), Map.of("title_input", "db"));
    assertThat(rejected.ackPayload().get("response_action").getAsString()).isEqualTo("errors");
    assertThat(fake.openViews("UALICE")).hasSize(1);
    Reply accepted = fake.submitView("UALICE", view.id(), Map.of("title_input", "db is down"));
    assertThat(accepted.acked()).isTrue();
    assertThat(fake.openViews("UALICE")).isEmpty();
  }

  @Test
  void filesUploadV2StoresTheUploadAndSharesIt() throws Exception {
    String channel = fake.addChannel("inc-5", FakeSlack.BOT_USER_ID);

    var response =
        client.filesUploadV2(
            r ->
                r.channel(channel)
                    .filename("postmortem.md")
                    .title("Post-mortem INC-5")
                    .content("# INC-5\n")
                    .initialComment("Draft post-mortem"));

    assertThat(response.isOk()).isTrue();
    assertThat(fake.uploads())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.channel()).isEqualTo(channel);
              assertThat(u.filename()).isEqualTo("postmortem.md");
              assertThat(u.title()).isEqualTo("Post-mortem INC-5");
              assertThat(new String(u.bytes(), StandardCharsets.UTF_8)).isEqualTo("# INC-5\n");
              assertThat(u.initialComment()).isEqualTo("Draft post-mortem");
            });
    assertThat(fake.messages(channel))
        .singleElement()
        .satisfies(m -> assertThat(m.raw().get("subtype").getAsString()).isEqualTo("file_share"));
  }

  @Test
  void deliversSignedRequestsToAnHttpModeApp() throws Exception {
    String channel = fake.addChannel("general", "UALICE");
    AtomicReference<Map<String, String>> seen = new AtomicReference<>();
    HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    app.createContext(
        "/slack/events",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          seen.set(
              Map.of(
                  "body", body,
                  "timestamp", exchange.getRequestHeaders().getFirst("X-Slack-Request-Timestamp"),
                  "signature", exchange.getRequestHeaders().getFirst("X-Slack-Signature"),
                  "type", exchange.getRequestHeaders().getFirst("Content-Type")));
          byte[] ack = "{\"text\":\"Got it\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, ack.length);
          exchange.getResponseBody().write(ack);
          exchange.close();
        });
    app.start();
    try {
      fake.deliverOverHttp(
          URI.create("http://127.0.0.1:" + app.getAddress().getPort() + "/slack/events"), "s3cret");

      Reply reply = fake.slashCommand("UALICE", channel, "/incident", "status");

      assertThat(reply.ackText()).isEqualTo("Got it");
      Map<String, String> request = seen.get();
      assertThat(request.get("timestamp")).isEqualTo(String.valueOf(T0.getEpochSecond()));
      assertThat(request.get("type")).isEqualTo("application/x-www-form-urlencoded");
      assertThat(request.get("signature"))
          .isEqualTo(hmac("s3cret", "v0:" + request.get("timestamp") + ":" + request.get("body")));
      assertThat(URLDecoder.decode(request.get("body"), StandardCharsets.UTF_8))
          .contains("command=/incident", "text=status", "user_id=UALICE");
    } finally {
      app.stop(0);
    }
  }

  @Test
  void awaitCallFailsWithTheCallsSeenSoFar() throws Exception {
    client.authTest(r -> r);

    assertThatThrownBy(() -> fake.awaitCall("chat.postMessage", c -> true, Duration.ofMillis(50)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("auth.test");
    JsonObject unknown = fake.awaitCall("auth.test", ApiCall::ok, WAIT).response();
    assertThat(unknown.get("user_id").getAsString()).isEqualTo(FakeSlack.BOT_USER_ID);
  }

  @Test
  void socketModeEchoesPingsAndHonoursTicketsOnce() throws Exception {
    assertThat(client.appsConnectionsOpen(r -> r).getError()).isEqualTo("not_allowed_token_type");
    String url = slack.methods(FakeSlack.APP_TOKEN).appsConnectionsOpen(r -> r).getUrl();
    RawSocket first = new RawSocket(url);
    assertThat(first.connectBlocking(5, TimeUnit.SECONDS)).isTrue();
    PingFrame ping = new PingFrame();
    ping.setPayload(ByteBuffer.wrap("ping-pong_42".getBytes(StandardCharsets.UTF_8)));

    first.sendFrame(ping);

    // The SDK's session monitor reconnects unless the pong echoes its ping.
    assertThat(first.pong.get(5, TimeUnit.SECONDS)).isEqualTo("ping-pong_42");
    first.closeBlocking();
    RawSocket reused = new RawSocket(url);
    reused.connectBlocking(5, TimeUnit.SECONDS);
    assertThat(reused.closed.get(5, TimeUnit.SECONDS)).isEqualTo(1008);
  }

  @Test
  void answersUnknownMethodsAndNotifiesMessageListeners() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    fake.onMessage(m -> seen.add(m.text() + (m.edited() ? " (edited)" : "")));
    String channel = fake.addChannel("inc-6", FakeSlack.BOT_USER_ID);

    HttpResponse<String> unknown =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(fake.apiUrl() + "chat.teleport"))
                    .header("Authorization", "Bearer " + FakeSlack.BOT_TOKEN)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    String ts = client.chatPostMessage(r -> r.channel(channel).text("new")).getTs();
    client.chatUpdate(r -> r.channel(channel).ts(ts).text("newer"));

    assertThat(unknown.body()).contains("\"error\":\"unknown_method\"");
    assertThat(fake.calls("chat.teleport"))
        .singleElement()
        .extracting(ApiCall::ok)
        .isEqualTo(false);
    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(seen).containsExactly("new", "newer (edited)"));
  }

  /** A bare Socket Mode connection, to see frames the SDK hides. */
  static final class RawSocket extends WebSocketClient {
    final CompletableFuture<String> pong = new CompletableFuture<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();

    RawSocket(String url) {
      super(URI.create(url));
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata frame) {
      pong.complete(StandardCharsets.UTF_8.decode(frame.getPayloadData()).toString());
    }

    @Override
    public void onOpen(ServerHandshake handshake) {}

    @Override
    public void onMessage(String message) {}

    @Override
    public void onClose(int code, String reason, boolean remote) {
      closed.complete(code);
    }

    @Override
    public void onError(Exception e) {
      pong.completeExceptionally(e);
    }
  }

  static String hmac(String secret, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "v0=" + HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }
}
