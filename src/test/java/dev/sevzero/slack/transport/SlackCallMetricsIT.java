package dev.sevzero.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import dev.sevzero.fakeslack.Failure;
import dev.sevzero.fakeslack.FakeSlack;
import dev.sevzero.metrics.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every Web API call is counted once, with the outcome an operator needs to tell them apart. */
class SlackCallMetricsIT {

  private final FakeSlack fake = FakeSlack.start(Clock.systemUTC());
  private final String general = fake.addChannel("general", FakeSlack.BOT_USER_ID);
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final Slack slack = SlackClients.create(fake.apiUrl(), 1, recording());
  private final MethodsClient client = SlackClients.methods(slack, FakeSlack.BOT_TOKEN);

  @AfterEach
  void stop() throws Exception {
    slack.close();
    fake.close();
  }

  @Test
  void callsAreCountedByMethodAndOutcome() throws Exception {
    post();
    fake.failNext("chat.postMessage", Failure.error("not_in_channel"));
    post();
    fake.failNext("chat.postMessage", Failure.rateLimited(Duration.ofSeconds(1)));
    catchThrowable(this::post);
    fake.failNext("chat.postMessage", Failure.serverError(503));
    catchThrowable(this::post);

    assertThat(calls)
        .containsExactly(
            "slack chat.postMessage ok",
            "slack chat.postMessage error",
            "slack chat.postMessage rate_limited",
            "slack chat.postMessage server_error");
  }

  private void post() throws Exception {
    client.chatPostMessage(r -> r.channel(general).text("hello"));
  }

  private Metrics recording() {
    return new Metrics() {
      @Override
      public void externalCall(Target target, String method, String outcome) {
        calls.add(target.name().toLowerCase(Locale.ROOT) + " " + method + " " + outcome);
      }
    };
  }
}
