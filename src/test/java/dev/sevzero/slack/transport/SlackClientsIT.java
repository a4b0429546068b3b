package dev.sevzero.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import dev.sevzero.fakeslack.Failure;
import dev.sevzero.fakeslack.FakeSlack;
import java.time.Clock;
import java.time.Duration;
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

    assertThat(first.isOk()).isTrue();
    assertThat(first.getMessage().getText()).isEqualTo("one");
    assertThat(second.getMessage().getText()).isEqualTo("two");
    assertThat(second.getTs()).isNotEqualTo(first.getTs());
    assertThat(fake.messages(general)).extracting("text").containsExactly("one", "two");
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

  private ChatPostMessageResponse post(String text) throws Exception {
    return client.chatPostMessage(r -> r.channel(general).text(text));
  }
}
