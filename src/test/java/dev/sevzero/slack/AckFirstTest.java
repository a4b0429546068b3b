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

  /** A request being answered until {@link #finish()}. */
  private static final class HeldRequest {
    private final CountDownLatch answering = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Response> done;

    HeldRequest(AckFirst ackFirst) throws InterruptedException {
      done =
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
    }

    CompletableFuture<Response> finish() {
      release.countDown();
      return done;
    }
  }

  @Test
  void withNothingBeingAnsweredBackgroundWorkGoesAtOnce() {
    AckFirst ackFirst = new AckFirst(Duration.ofSeconds(30));
    assertThat(CompletableFuture.runAsync(ackFirst::awaitTurn))
        .succeedsWithin(Duration.ofSeconds(5));
  }

  @Test
  void backgroundWorkWaitsUntilTheRequestBeingAnsweredIsDone() throws Exception {
    AckFirst ackFirst = new AckFirst(Duration.ofSeconds(30));
    HeldRequest request = new HeldRequest(ackFirst);

    CompletableFuture<Void> background = CompletableFuture.runAsync(ackFirst::awaitTurn);
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> !background.isDone());

    assertThat(request.finish()).succeedsWithin(Duration.ofSeconds(5));
    assertThat(background).succeedsWithin(Duration.ofSeconds(5));
  }

  @Test
  void aRequestsOwnSlackCallsDoNotWaitForTheRequestsBeingAnswered() throws Exception {
    AckFirst ackFirst = new AckFirst(Duration.ofSeconds(30));
    HeldRequest other = new HeldRequest(ackFirst);

    Response response =
        ackFirst
            .middleware()
            .apply(
                Mockito.mock(Request.class),
                Response.ok(),
                next -> {
                  ackFirst.awaitTurn();
                  return Response.builder().statusCode(200).body("modal opened").build();
                });

    assertThat(response.getBody()).isEqualTo("modal opened");
    other.finish();
  }

  @Test
  void aSteadyStreamOfRequestsCannotHoldBackgroundWorkForLongerThanItsPatience() throws Exception {
    AckFirst impatient = new AckFirst(Duration.ofMillis(50));
    HeldRequest request = new HeldRequest(impatient);

    assertThat(CompletableFuture.runAsync(impatient::awaitTurn))
        .succeedsWithin(Duration.ofSeconds(5));
    request.finish();
  }
}
