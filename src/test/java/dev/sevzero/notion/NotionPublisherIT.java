package dev.sevzero.notion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.incident.TimelineEntry;
import dev.sevzero.metrics.Metrics;
import dev.sevzero.postmortem.PostMortem;
import dev.sevzero.postmortem.PostMortemExample;
import dev.sevzero.postmortem.PublishStep;
import dev.sevzero.postmortem.PublishedPage;
import dev.sevzero.testing.FakeNotion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Notion client against a fake Notion that enforces the API's limits. */
class NotionPublisherIT {

  final FakeNotion notion = FakeNotion.start();
  final NotionPublisher publisher =
      new NotionPublisher(
          notion.apiUrl(), FakeNotion.TOKEN, FakeNotion.PARENT_PAGE_ID, Metrics.NONE);

  @AfterEach
  void stop() {
    notion.close();
  }

  @Test
  void aLongPostMortemIsCreatedWithTheFirstHundredBlocksAndTheRestAppended() {
    PostMortem longOne = withTimeline(250, "x".repeat(2_500));

    PublishStep step = publisher.publish(longOne, Optional.empty());

    assertThat(step).isInstanceOf(PublishStep.Delivered.class);
    String pageId = step.page().orElseThrow().id();
    assertThat(notion.content(pageId)).hasSize(NotionBlocks.of(longOne).size());
    assertThat(notion.requests())
        .extracting(request -> request.method() + " " + request.path())
        .containsExactly(
            "GET /v1/blocks/" + FakeNotion.PARENT_PAGE_ID + "/children",
            "POST /v1/pages",
            "PATCH /v1/blocks/" + pageId + "/children",
            "PATCH /v1/blocks/" + pageId + "/children");
    assertThat(notion.text(pageId)).contains("entry 249 " + "x".repeat(2_500));
  }

  @Test
  void publishingAgainReplacesThePagesContent() {
    PublishedPage page =
        publisher.publish(withTimeline(150, "first"), Optional.empty()).page().orElseThrow();

    PublishStep again = publisher.publish(withTimeline(3, "second"), Optional.of(page));

    assertThat(again).isEqualTo(new PublishStep.Delivered(page));
    assertThat(notion.pages()).hasSize(1);
    assertThat(notion.text(page.id())).contains("entry 2 second").doesNotContain("first");
  }

  @Test
  void aFailureAfterTheCreationIsRetriedOnTheSamePage() {
    PostMortem longOne = withTimeline(150, "x");
    notion.failNext(500, "internal_server_error", "oops");

    PublishStep failed = publisher.publish(longOne, Optional.empty());
    assertThat(failed).isInstanceOf(PublishStep.RetryLater.class);
    assertThat(failed.page()).isEmpty();

    // The creation succeeds, the first append is rate-limited: the page is known, nothing lost.
    notion.rateLimitNext("PATCH /v1/blocks", Duration.ofSeconds(2));
    PublishStep limited = publisher.publish(longOne, Optional.empty());
    assertThat(limited).isInstanceOf(PublishStep.RetryLater.class);
    assertThat(((PublishStep.RetryLater) limited).after()).contains(Duration.ofSeconds(2));
    assertThat(limited.page()).isPresent();

    PublishStep retried = publisher.publish(longOne, limited.page());
    assertThat(retried).isInstanceOf(PublishStep.Delivered.class);
    assertThat(notion.pages()).hasSize(1);
    assertThat(notion.content(retried.page().orElseThrow().id()))
        .hasSize(NotionBlocks.of(longOne).size());
  }

  @Test
  void aPageCreatedWhoseAnswerWasLostIsAdoptedNotCreatedAgain() {
    PostMortem postMortem = withTimeline(3, "x");
    notion.loseNextAnswer("POST /v1/pages");

    PublishStep lost = publisher.publish(postMortem, Optional.empty());
    assertThat(lost).isInstanceOf(PublishStep.RetryLater.class);
    assertThat(lost.page()).isEmpty();

    PublishStep retried = publisher.publish(postMortem, Optional.empty());

    assertThat(retried).isInstanceOf(PublishStep.Delivered.class);
    assertThat(notion.pages()).hasSize(1);
    String pageId = notion.pages().get(0).id();
    assertThat(retried.page().orElseThrow().id()).isEqualTo(pageId);
    assertThat(notion.content(pageId)).hasSize(NotionBlocks.of(postMortem).size());
  }

  @Test
  void aRefusalIsFinalAndSaysWhyWithoutTheToken() {
    NotionPublisher wrongToken =
        new NotionPublisher(notion.apiUrl(), "ntn_wrong", FakeNotion.PARENT_PAGE_ID, Metrics.NONE);

    PublishStep step = wrongToken.publish(withTimeline(1, "x"), Optional.empty());

    assertThat(step).isInstanceOf(PublishStep.Failed.class);
    assertThat(((PublishStep.Failed) step).reason())
        .isEqualTo(
            "Notion answered 401 (unauthorized: API token is invalid.) to GET blocks/…/children")
        .doesNotContain("ntn_");
  }

  private static PostMortem withTimeline(int entries, String text) {
    PostMortem base = PostMortemExample.with("m", "f");
    List<TimelineEntry> timeline = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      timeline.add(
          new TimelineEntry(
              7,
              PostMortemExample.DECLARED.plusSeconds(i),
              "UBOB",
              TimelineEntry.Kind.NOTE,
              "entry " + i + " " + text));
    }
    return new PostMortem(
        base.incident(), timeline, base.updates(), base.compliance(), base.followups());
  }
}
