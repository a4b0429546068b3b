package dev.sevzero.fakeslack;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * An in-memory Slack workspace that the real Slack SDK and a real Bolt app talk to unchanged: the
 * Web API over HTTP at {@link #apiUrl()} and Socket Mode over WebSocket, both on loopback. Tests
 * and the playground seed it, act as its users, and inspect what the app did.
 *
 * <p>Point the SDK at it with {@code SlackConfig#setMethodsEndpointUrlPrefix(fake.apiUrl())};
 * apps.connections.open then leads the Socket Mode client here too. Thread-safe.
 */
public final class FakeSlack implements AutoCloseable {
  public static final String BOT_TOKEN = "xoxb-sevzero-fake";
  public static final String APP_TOKEN = "xapp-sevzero-fake";
  public static final String BOT_USER_ID = "UBOT";
  public static final String TEAM_ID = "T0FAKE";

  /** The bot's bot_id and the app's api_app_id, as they appear in messages and payloads. */
  public static final String BOT_ID = "B0FAKE";

  public static final String APP_ID = "A0FAKE";

  private final Clock clock;
  private final Workspace workspace;
  private final CallLog calls = new CallLog();
  private final WebApi webApi;
  private final SocketModeHub socketMode;
  private final Interactions interactions;

  private FakeSlack(Clock clock) {
    this.clock = clock;
    workspace = new Workspace(clock);
    socketMode = new SocketModeHub();
    webApi = new WebApi(workspace, calls);
    ConversationsMethods.register(webApi, workspace);
    ChatMethods.register(webApi, workspace);
    DirectoryMethods.register(webApi, workspace, socketMode::newConnectionUrl);
    ViewMethods.register(webApi, workspace);
    FileMethods.register(webApi, workspace);
    interactions = new Interactions(workspace, new ResponseUrls(workspace, webApi), socketMode);
    webApi.start();
  }

  /** Starts the Web API and Socket Mode servers on ephemeral loopback ports. */
  public static FakeSlack start(Clock clock) {
    return new FakeSlack(clock);
  }

  /** The SDK's methods endpoint prefix, e.g. {@code http://127.0.0.1:PORT/api/}. */
  public String apiUrl() {
    return webApi.baseUrl() + "api/";
  }

  // ---- workspace state

  public void addUser(String id, String name) {
    workspace.people().addUser(id, name);
  }

  /** A bot user of another app, which people can mention. */
  public void addBotUser(String id, String name) {
    workspace.people().addBotUser(id, name);
  }

  /** Deactivates a member, as an admin does when someone leaves: their ID stays known. */
  public void deactivateUser(String id) {
    workspace.people().deactivateUser(id);
  }

  /**
   * A public channel with these members (the bot only if BOT_USER_ID is listed), created by the
   * first of them (the bot if none); its id "C…".
   */
  public String addChannel(String name, String... memberIds) {
    return workspace
        .channels()
        .addChannel(name, memberIds.length > 0 ? memberIds[0] : BOT_USER_ID, memberIds);
  }

  /** A user group (e.g. the on-call group) with these members; its id "S…". */
  public String addUsergroup(String handle, String... memberIds) {
    return workspace.people().addUsergroup(handle, memberIds);
  }

  /** The members last set with usergroups.users.update (or seeded). */
  public List<String> usergroupMembers(String usergroupId) {
    return workspace.people().usergroupUsers(usergroupId);
  }

  public Optional<FakeChannel> channel(String id) {
    return workspace.channels().channel(id);
  }

  public Optional<FakeChannel> channelByName(String name) {
    return workspace.channels().channelByName(name);
  }

  public List<FakeChannel> channels() {
    return workspace.channels().all();
  }

  public List<FakeUser> users() {
    return workspace.people().users();
  }

  public Optional<FakeUser> userByName(String name) {
    return workspace.people().userByName(name);
  }

  /** Messages in posting order with current content, including ephemeral ones. */
  public List<FakeMessage> messages(String channelId) {
    return workspace.messages().inChannel(channelId);
  }

  /** The bot's DM channel with a user ("D…"), created on demand. */
  public String dmChannel(String userId) {
    return workspace.channels().dmChannel(userId);
  }

  public List<FakeUpload> uploads() {
    return workspace.uploads().all();
  }

  /** Called, in order and off the API threads, for every new or edited message. */
  public void onMessage(Consumer<FakeMessage> listener) {
    workspace.messages().onMessage(listener);
  }

  // ---- Web API calls

  public List<ApiCall> calls() {
    return calls.all();
  }

  public List<ApiCall> calls(String method) {
    return calls.of(method);
  }

  /** The first call of method matching; waits up to timeout, else AssertionError listing calls. */
  public ApiCall awaitCall(String method, Predicate<ApiCall> match, Duration timeout) {
    return calls.await(method, match, timeout);
  }

  /** Answers the next call of method with this failure; queued failures apply in order. */
  public void failNext(String method, Failure failure) {
    webApi.failNext(method, failure);
  }

  /**
   * Answers every Web API call with {@code failure} for the next {@code duration} (a 429 storm, an
   * outage).
   */
  public void failAllFor(Duration duration, Failure failure) {
    webApi.failAll(failure, System.nanoTime() + duration.toNanos());
  }

  /**
   * Holds back the answer of the next call of {@code method} whose parameters {@code match}; the
   * call itself is carried out.
   */
  public Stall stallAfter(String method, Predicate<Map<String, String>> match) {
    return webApi.stallAfter(method, match);
  }

  /** Delay added to every Web API call. */
  public void setLatency(Duration perCall) {
    webApi.setLatency(perCall);
  }

  // ---- acting as users

  /** Runs a slash command as the user; waits (at most 5 s) for the app's ack. */
  public Reply slashCommand(String userId, String channelId, String command, String text) {
    return interactions.slashCommand(userId, channelId, command, text);
  }

  /** A person (not the bot) writes {@code text} in a channel they are a member of. */
  public FakeMessage userSays(String userId, String channelId, String text) {
    return workspace.messages().userPost(channelId, userId, text);
  }

  /** Uses the message shortcut {@code callbackId} on that message, as the user. */
  public Reply messageShortcut(
      String userId, String channelId, String messageTs, String callbackId) {
    return interactions.messageShortcut(userId, channelId, messageTs, callbackId);
  }

  /** Presses the button with this action_id in that message's blocks. */
  public Reply pressButton(String userId, String channelId, String messageTs, String actionId) {
    return interactions.pressButton(userId, channelId, messageTs, actionId);
  }

  /**
   * Submits an open modal; values keyed by action_id (text input value or static_select option
   * value). The modal closes unless the app acks with response_action errors (or update/push).
   */
  public Reply submitView(String userId, String viewId, Map<String, String> values) {
    return interactions.submitView(userId, viewId, values);
  }

  public List<FakeView> openViews(String userId) {
    return workspace.modals().openViews(userId);
  }

  /** Whether a Socket Mode app is connected (useful to wait for an app to start). */
  public boolean socketModeConnected() {
    return socketMode.connected();
  }

  /** From now on deliver user actions as signed HTTP requests to an HTTP-mode app. */
  public void deliverOverHttp(URI eventsEndpoint, String signingSecret) {
    interactions.deliverVia(new HttpDelivery(eventsEndpoint, signingSecret, clock));
  }

  @Override
  public void close() {
    webApi.close();
    socketMode.close();
    workspace.close();
  }
}
