package dev.sevzero.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class AckFirstTest {

  private final AckFirst ackFirst = new AckFirst(Duration.ofSeconds(30));

  @Test
  void withNothingBeingAnsweredBackgroundWorkGoesAtOnce() {
    assertThat(CompletableFuture.runAsync(ackFirst::awaitTurn))
        .succeedsWithin(Duration.ofSeconds(5));
  }

  @Test
  void backgroundWorkWaitsUntilTheRequestBeingAnsweredIsDone() throws Exception {
    CountDownLatch answering = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Response> request =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return ackFirst
                    .middleware()
                    .apply(
                        Mockito.mock(Request.class),
                        Response.ok(),
                        next -> {
                          answering.countDown();
                          release.await();
                          return Response.ok();
                        });
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(answering.await(5, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> background = CompletableFuture.runAsync(ackFirst::awaitTurn);
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !background.isDone());
    release.countDown();

    assertThat(request).succeedsWithin(Duration.ofSeconds(5));
    assertThat(background).succeedsWithin(Duration.ofSeconds(5));
  }

  @Test
  void aSteadyStreamOfRequestsCannotHoldBackgroundWorkForLongerThanItsPatience() throws Exception {
    AckFirst impatient = new AckFirst(Duration.ofMillis(50));
    CountDownLatch answering = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture.runAsync(
        () -> {
          try {
            impatient
                .middleware()
                .apply(
                    Mockito.mock(Request.class),
                    Response.ok(),
                    next -> {
                      answering.countDown();
                      release.await();
                      return Response.ok();
                    });
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    assertThat(answering.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(CompletableFuture.runAsync(impatient::awaitTurn))
        .succeedsWithin(Duration.ofSeconds(5));
    release.countDown();
  }
}
