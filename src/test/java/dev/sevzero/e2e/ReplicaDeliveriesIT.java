package dev.sevzero.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.sevzero.fakeslack.FakeMessage;
import dev.sevzero.fakeslack.FakeSlack;
import dev.sevzero.fakeslack.Stall;
import dev.sevzero.testing.ChildBot;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on one PostgreSQL share one outbox: each delivery is carried out by one of them,
 * once, and what a replica had claimed when it died is taken over by the other when its lease runs
 * out, and checked before it is repeated.
 */
class ReplicaDeliveriesIT {

  static final String ALICE = "UALICE";
  static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path directory;
  EmbeddedPostgres postgres;
  FakeSlack slack;
  String general;
  String incidents;
  final List<ChildBot> bots = new java.util.ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
    slack = FakeSlack.start(Clock.systemUTC());
    slack.addUser(ALICE, "alice");
    general = slack.addChannel("general", ALICE);
    incidents = slack.addChannel("incidents", FakeSlack.BOT_USER_ID, ALICE);
  }

  @AfterEach
  void stop() throws Exception {
    for (ChildBot bot : bots) {
      bot.close();
    }
    slack.close();
    postgres.close();
  }

  @Test
  void aDeadReplicasClaimIsTakenOverAndNothingIsDoneTwice() throws Exception {
    ChildBot first = replica("one");
    Stall header = slack.stallAfter("chat.postMessage", params -> has(params, "— Open"));
    command("declare checkout down");
    assertThat(header.awaitReached(WAIT)).isTrue();

    replica("two");
    first.kill();
    header.release();

    await()
        .atMost(WAIT)
        .until(() -> slack.channels().stream().anyMatch(c -> !c.pinnedTs().isEmpty()));
    for (int n = 2; n <= 6; n++) {
      command("declare storm " + n);
    }
    replica("three");
    for (int n = 7; n <= 10; n++) {
      command("declare storm " + n);
    }

    await()
        .atMost(WAIT)
        .untilAsserted(() -> assertThat(publicPosts(incidents, "declared")).hasSize(10));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(slack.channels())
                    .filteredOn(c -> c.name() != null && c.name().startsWith("inc-"))
                    .hasSize(10)
                    .allMatch(c -> c.pinnedTs().size() == 1));
    for (var channel : slack.channels()) {
      if (channel.name() != null && channel.name().startsWith("inc-")) {
        assertThat(publicPosts(channel.id(), "— Open")).as(channel.name()).hasSize(1);
      }
    }
    List<String> expected = new java.util.ArrayList<>(List.of("inc-1-checkout-down"));
    for (int n = 2; n <= 10; n++) {
      expected.add("inc-" + n + "-storm-" + n);
    }
    assertThat(slack.channels())
        .filteredOn(c -> c.name() != null && c.name().startsWith("inc-"))
        .extracting(c -> c.name())
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  private ChildBot replica(String name) throws Exception {
    int connections = slack.calls("apps.connections.open").size();
    Map<String, String> environment = new HashMap<>();
    environment.put("SLACK_BOT_TOKEN", FakeSlack.BOT_TOKEN);
    environment.put("SLACK_APP_TOKEN", FakeSlack.APP_TOKEN);
    environment.put("SLACK_API_URL", slack.apiUrl());
    environment.put("DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"));
    environment.put("INCIDENTS_CHANNEL", incidents);
    ChildBot bot = ChildBot.start(environment, directory.resolve(name + ".log"));
    bots.add(bot);
    await()
        .atMost(WAIT)
        .until(
            () ->
                slack.calls("apps.connections.open").size() > connections
                    && slack.socketModeConnected());
    return bot;
  }

  private void command(String text) {
    assertThat(slack.slashCommand(ALICE, general, "/incident", text).acked()).isTrue();
  }

  private List<FakeMessage> publicPosts(String channel, String text) {
    return slack.messages(channel).stream()
        .filter(m -> !m.ephemeral() && m.text().contains(text))
        .toList();
  }

  private static boolean has(Map<String, String> params, String text) {
    String value = params.get("text");
    return value != null && value.contains(text);
  }
}
