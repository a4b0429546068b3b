package dev.sevzero.slack.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.Severity;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderDraftsTest {

  private final HeaderDrafts drafts = new HeaderDrafts(id -> Optional.of(incident(id)));

  private static Incident incident(long id) {
    return Incident.declare(
        id,
        new Incident.Declaration(
            "db down", null, Severity.SEV1, false, "UDECL", Instant.parse("2026-11-28T03:00:00Z")));
  }

  @Test
  void aDraftIsTakenOnceBothItsHeaderAndItsChannelAreThere() {
    drafts.expect(7);
    drafts.render(7);
    drafts.channelCreated(7, "C7");

    HeaderDrafts.Draft draft = drafts.take(7).orElseThrow();
    assertThat(draft.channel()).isEqualTo("C7");
    assertThat(draft.text()).isEqualTo("INC-7 (SEV1) db down — Open");
    assertThat(draft.blocks()).contains("INC-7 (SEV1) db down").contains("Acknowledge");
    assertThat(drafts.take(7)).isEmpty();
  }

  @Test
  void aHeaderThatCameBeforeItsDraftRendersItselfAndTheLateDraftIsDropped() {
    drafts.expect(7);
    drafts.channelCreated(7, "C7");

    assertThat(drafts.take(7)).isEmpty();
    drafts.render(7);
    assertThat(drafts.take(7)).isEmpty();
  }

  @Test
  void channelsRequestedTogetherGetNoDrafts() {
    drafts.expect(1);
    drafts.expect(2);
    drafts.render(1);
    drafts.render(2);
    drafts.channelCreated(1, "C1");
    drafts.channelCreated(2, "C2");

    // The first saw the second waiting; the second, alone by then, was drafted.
    assertThat(drafts.take(1)).isEmpty();
    assertThat(drafts.take(2)).isPresent();
  }

  @Test
  void aDraftForgottenIsNeitherRenderedNorTaken() {
    drafts.expect(3);
    drafts.forget(3);
    drafts.render(3);
    drafts.channelCreated(3, "C3");

    assertThat(drafts.take(3)).isEmpty();
  }

  @Test
  void nothingIsDraftedUnlessExpected() {
    drafts.render(8);
    drafts.channelCreated(8, "C8");

    assertThat(drafts.take(8)).isEmpty();
  }

  @Test
  void anIncidentThatCannotBeReadLeavesNoDraft() {
    HeaderDrafts failing =
        new HeaderDrafts(
            id -> {
              throw new IllegalStateException("database closed");
            });
    failing.expect(9);
    failing.render(9);
    failing.channelCreated(9, "C9");

    assertThat(failing.take(9)).isEmpty();
  }

  @Test
  void draftsWhoseHeaderNeverCameAreForgotten() {
    for (long id = 1; id <= 1_000; id++) {
      drafts.expect(id);
      drafts.render(id);
      drafts.channelCreated(id, "C" + id);
    }

    assertThat(drafts.take(1)).isEmpty();
    assertThat(drafts.take(1_000)).isPresent();
  }
}
