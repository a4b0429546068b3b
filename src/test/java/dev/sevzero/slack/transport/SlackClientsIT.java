package dev.sevzero.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsHistoryResponse;
import com.slack.api.model.Message;
import dev.sevzero.fakeslack.Failure;
import dev.sevzero.fakeslack.FakeSlack;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bot's Web API client against the fake Slack: answers, errors and faults as the SDK's. */
class SlackClientsIT {

  private final FakeSlack fake = FakeSlack.start(Clock.systemUTC());
  private final String general = fake.addChannel("general", FakeSlack.BOT_USER_ID);
  private final Slack slack = SlackClients.create(fake.apiUrl());
  private final MethodsClient client = SlackClients.methods(slack, FakeSlack.BOT_TOKEN);

  @AfterEach
  void stop() throws Exception {
    slack.close();
    fake.close();
  }

  @Test
  void parsesEveryAnswerOfTheSameKindAlike() throws Exception {
    ChatPostMessageResponse first = post("one");
    ChatPostMessageResponse second = post("two");

    ConversationsHistoryResponse once = client.conversationsHistory(r -> r.channel(general));
    ConversationsHistoryResponse again = client.conversationsHistory(r -> r.channel(general));

    assertThat(first.isOk()).isTrue();
    assertThat(second.getTs()).isNotEqualTo(first.getTs());
    assertThat(once.getMessages()).extracting(Message::getText).containsOnly("one", "two");
    assertThat(again.getMessages()).extracting(Message::getText).containsOnly("one", "two");
    assertThat(fake.messages(general)).extracting("text").containsExactly("one", "two");
  }

  @Test
  void keepsAPostsTsAndChannelButNotTheCopyOfTheMessageSlackSendsBack() throws Exception {
    ChatPostMessageResponse posted = post("one");

    assertThat(posted.getTs()).isEqualTo(fake.messages(general).get(0).ts());
    assertThat(posted.getChannel()).isEqualTo(general);
    assertThat(posted.getMessage()).isNull();
  }

  @Test
  void returnsSlacksErrorAnswersForTheCallerToJudge() throws Exception {
    fake.failNext("chat.postMessage", Failure.error("not_in_channel"));

    ChatPostMessageResponse response = post("hello");

    assertThat(response.isOk()).isFalse();
    assertThat(response.getError()).isEqualTo("not_in_channel");
  }

  @Test
  void throwsOnARateLimitWithItsRetryAfterAndKeepsTheResponseHeaders() throws Exception {
    fake.failNext("chat.postMessage", Failure.rateLimited(Duration.ofSeconds(3)));

    SlackApiException limited = catchThrowableOfType(() -> post("hello"), SlackApiException.class);

    assertThat(limited.getResponse().code()).isEqualTo(429);
    assertThat(limited.getResponse().header("Retry-After")).isEqualTo("3");
    assertThat(post("hello").getHttpResponseHeaders()).containsKey("content-type");
  }

  @Test
  void keepsAsManyConnectionsOpenAsCallsRanAtOnce() throws Exception {
    try (Slack sized = SlackClients.create(fake.apiUrl(), 8);
        Slack stock = SlackClients.create(fake.apiUrl())) {
      ConnectionPool kept = afterConcurrentCalls(sized, 8);
      ConnectionPool trimmed = afterConcurrentCalls(stock, 8);

      // OkHttp's default keeps 5: the other three would be opened (and TLS-handshaked) again.
      await().atMost(Duration.ofSeconds(5)).until(() -> trimmed.idleConnectionCount() == 5);
      await()
          .during(Duration.ofMillis(300))
          .atMost(Duration.ofSeconds(5))
          .until(() -> kept.idleConnectionCount() == 8);
    }
  }

  /** Runs {@code calls} posts at once (the fake holds each 200 ms so they overlap). */
  private ConnectionPool afterConcurrentCalls(Slack slack, int calls) throws Exception {
    MethodsClient concurrent = SlackClients.methods(slack, FakeSlack.BOT_TOKEN);
    fake.setLatency(Duration.ofMillis(200));
    ExecutorService threads = Executors.newFixedThreadPool(calls);
    try {
      List<Future<ChatPostMessageResponse>> posts = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        posts.add(
            threads.submit(() -> concurrent.chatPostMessage(r -> r.channel(general).text("hi"))));
      }
      for (Future<ChatPostMessageResponse> post : posts) {
        assertThat(post.get(10, TimeUnit.SECONDS).isOk()).isTrue();
      }
    } finally {
      threads.shutdownNow();
      fake.setLatency(Duration.ZERO);
    }
    return slack.getHttpClient().getOkHttpClient().connectionPool();
  }

  private ChatPostMessageResponse post(String text) throws Exception {
    return client.chatPostMessage(r -> r.channel(general).text(text));
  }
}
