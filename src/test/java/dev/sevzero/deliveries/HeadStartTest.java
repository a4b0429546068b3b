package dev.sevzero.deliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class HeadStartTest {

  private final List<String> events = new CopyOnWriteArrayList<>();

  @Test
  void theOthersWaitUntilTheChainsRequestIsSent() throws Exception {
    HeadStart headStart = new HeadStart(Duration.ofMinutes(1));
    headStart.take();

    CompletableFuture<Void> others = CompletableFuture.runAsync(() -> claim(headStart));
    // Given the time to get through, the others do not: they wait for the chain's request.
    assertThatThrownBy(() -> others.get(200, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);
    events.add("request sent");
    HeadStart.requestSent();
    others.get(10, TimeUnit.SECONDS);

    assertThat(events).containsExactly("request sent", "others claimed");
  }

  @Test
  void theOthersWaitNoLongerThanTheBoundWhenNoRequestIsReported() throws Exception {
    HeadStart headStart = new HeadStart(Duration.ofMillis(20));
    headStart.take();
    try {
      CompletableFuture.runAsync(() -> claim(headStart)).get(10, TimeUnit.SECONDS);

      assertThat(events).containsExactly("others claimed");
    } finally {
      HeadStart.requestSent();
    }
  }

  @Test
  void aThreadWithoutAHeadStartReleasesNothing() throws Exception {
    HeadStart headStart = new HeadStart(Duration.ofMinutes(1));
    headStart.take();

    // Another thread's request (an independent delivery's) is not the chain's.
    CompletableFuture.runAsync(HeadStart::requestSent).get(10, TimeUnit.SECONDS);
    CompletableFuture<Void> others = CompletableFuture.runAsync(() -> claim(headStart));
    assertThatThrownBy(() -> others.get(200, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);
    events.add("chain's request sent");
    HeadStart.requestSent();
    others.get(10, TimeUnit.SECONDS);

    assertThat(events).containsExactly("chain's request sent", "others claimed");
  }

  private void claim(HeadStart headStart) {
    try {
      headStart.awaitTurn();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    events.add("others claimed");
  }
}
