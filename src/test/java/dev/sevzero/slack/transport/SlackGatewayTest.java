package dev.sevzero.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SlackGatewayTest {

  private static final ChatPostMessageRequest POST =
      ChatPostMessageRequest.builder().token("xoxb-secret").channel("C1").text("hi").build();

  private final MethodsClient client = mock(MethodsClient.class);
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private final SlackGateway gateway =
      new SlackGateway(
          client,
          sleep -> {
            sleeps.add(sleep);
            events.add("sleep");
          },
          () -> events.add("gate"));

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void honoursRetryAfterOn429() throws Exception {
    when(client.chatPostMessage(any(ChatPostMessageRequest.class)))
        .thenThrow(httpError(429, "7"))
        .thenReturn(ok());

    ChatPostMessageResponse response = post();

    assertThat(response.isOk()).isTrue();
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
    verify(client, times(2)).chatPostMessage(any(ChatPostMessageRequest.class));
  }

  @Test
  void passesTheGateBeforeEveryAttemptRetriesIncluded() throws Exception {
    when(client.chatPostMessage(any(ChatPostMessageRequest.class)))
        .thenThrow(httpError(503, null))
        .thenReturn(ok());

    post();

    assertThat(events).containsExactly("gate", "sleep", "gate");
  }

  @Test
  void capsAnAbsurdRetryAfter() throws Exception {
    when(client.chatPostMessage(any(ChatPostMessageRequest.class)))
        .thenThrow(httpError(429, "3600"))
        .thenReturn(ok());

    post();

    assertThat(sleeps).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void backsOffWhen429HasNoUsableRetryAfter() throws Exception {
    when(client.chatPostMessage(any(ChatPostMessageRequest.class)))
        .thenThrow(httpError(429, null))
        .thenThrow(httpError(429, "soon"))
        .thenReturn(ok());

    post();

    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void retriesServerErrorsWithExponentialBackoffThenGivesUp() throws Exception {
    when(client.chatPostMessage(any(ChatPostMessageRequest.class))).thenThrow(httpError(503, null));

    assertThatThrownBy(this::post)
        .isInstanceOf(SlackCallFailed.class)
        .hasMessage("chat.postMessage: HTTP 503 after 6 attempts")
        .hasMessageNotContaining("xoxb");
    assertThat(sleeps)
        .containsExactly(
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(8));
    verify(client, times(6)).chatPostMessage(any(ChatPostMessageRequest.class));
  }

  @Test
  void retriesNetworkErrors() throws Exception {
    when(client.chatPostMessage(any(ChatPostMessageRequest.class)))
        .thenThrow(new SocketTimeoutException("timeout"))
        .thenThrow(new IOException("unexpected end of stream"))
        .thenReturn(ok());

    assertThat(post().isOk()).isTrue();
    assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
  }

  @Test
  void doesNotRetryOtherHttpErrors() throws Exception {
    when(client.chatPostMessage(any(ChatPostMessageRequest.class))).thenThrow(httpError(400, null));

    assertThatThrownBy(this::post)
        .isInstanceOf(SlackCallFailed.class)
        .hasMessage("chat.postMessage: HTTP 400");
    assertThat(sleeps).isEmpty();
  }

  @Test
  void returnsOkFalseAsIsForTheCallerToJudge() throws Exception {
    ChatPostMessageResponse notOk = new ChatPostMessageResponse();
    notOk.setOk(false);
    notOk.setError("channel_not_found");
    when(client.chatPostMessage(any(ChatPostMessageRequest.class))).thenReturn(notOk);

    assertThat(post()).isSameAs(notOk);
    assertThat(sleeps).isEmpty();
    assertThat(SlackGateway.requireOk("chat.postMessage", notOk, "channel_not_found"))
        .isSameAs(notOk);
    assertThatThrownBy(
            () -> gateway.callOk("chat.postMessage", c -> c.chatPostMessage(POST), "name_taken"))
        .isInstanceOf(SlackCallFailed.class)
        .hasMessage("chat.postMessage: channel_not_found")
        .extracting(e -> ((SlackCallFailed) e).error())
        .isEqualTo("channel_not_found");
  }

  @Test
  void interruptionStopsRetrying() throws Exception {
    when(client.chatPostMessage(any(ChatPostMessageRequest.class))).thenThrow(httpError(503, null));
    SlackGateway interrupted =
        new SlackGateway(
            client,
            d -> {
              throw new InterruptedException();
            },
            CallGate.OPEN);

    assertThatThrownBy(() -> interrupted.call("chat.postMessage", c -> c.chatPostMessage(POST)))
        .isInstanceOf(SlackCallFailed.class)
        .hasMessageContaining("interrupted");
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    verify(client, times(1)).chatPostMessage(any(ChatPostMessageRequest.class));
  }

  private ChatPostMessageResponse post() {
    return gateway.call("chat.postMessage", c -> c.chatPostMessage(POST));
  }

  private static ChatPostMessageResponse ok() {
    ChatPostMessageResponse response = new ChatPostMessageResponse();
    response.setOk(true);
    return response;
  }

  private static SlackApiException httpError(int status, String retryAfter) {
    String body = "{\"ok\":false,\"error\":\"" + (status == 429 ? "ratelimited" : "fatal") + "\"}";
    Response.Builder response =
        new Response.Builder()
            .request(new Request.Builder().url("https://slack.com/api/chat.postMessage").build())
            .protocol(Protocol.HTTP_1_1)
            .code(status)
            .message("status " + status)
            .body(ResponseBody.create(body, MediaType.get("application/json")));
    if (retryAfter != null) {
      response.header("Retry-After", retryAfter);
    }
    return new SlackApiException(response.build(), body);
  }
}
