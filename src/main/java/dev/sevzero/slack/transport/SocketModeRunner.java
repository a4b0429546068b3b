package dev.sevzero.slack.transport;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;

/**
 * Socket Mode: the app opens a WebSocket to Slack (URL from {@code apps.connections.open}, which
 * follows the {@code Slack} instance's endpoint) and receives requests over it, so no public HTTP
 * endpoint or signing secret is needed.
 */
public final class SocketModeRunner {

  private final App app;
  private final String appToken;
  private SocketModeApp socketModeApp;

  /** {@code app} must be built on a {@code Slack} from {@link SlackClients}. */
  public SocketModeRunner(App app, String appToken) {
    this.app = app;
    this.appToken = appToken;
  }

  /**
   * Connects and returns; the SDK keeps the connection alive (pings, reconnects) on its own
   * threads. Connecting happens here, not in the constructor, so a runner can be built early.
   *
   * @throws Exception when the first connection cannot be opened (bad token, Slack unreachable)
   */
  public synchronized void start() throws Exception {
    if (socketModeApp != null) {
      throw new IllegalStateException("already started");
    }
    // Java-WebSocket rather than the SDK's default Tyrus: one small dependency, shared with the
    // fake.
    SocketModeApp started =
        new SocketModeApp(appToken, app, SocketModeClient.Backend.JavaWebSocket);
    started.startAsync();
    socketModeApp = started;
  }

  /**
   * True while the socket is open: false before {@link #start()}, after {@link #stop()}, and while
   * the SDK is reconnecting or has given up.
   */
  public synchronized boolean connected() {
    return socketModeApp != null
        && !socketModeApp.isClientStopped()
        && socketModeApp.getClient().verifyConnection();
  }

  /**
   * Closes the socket and stops the app, and the SDK's reconnecting with it: {@code
   * SocketModeApp.stop()} (and its {@code close()}) leave the client's session monitor running,
   * which then reconnects every 10 s, to whatever later listens at that address.
   */
  public synchronized void stop() throws Exception {
    if (socketModeApp != null) {
      SocketModeClient client = socketModeApp.getClient();
      socketModeApp.stop();
      if (client != null) {
        client.close();
      }
      socketModeApp = null;
    }
  }
}
