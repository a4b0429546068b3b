package dev.sevzero.slack.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.slack.command.UsageException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowupRequestTest {

  private static FollowupRequest parse(String typed) {
    return FollowupRequest.parse(List.of(typed.split(" ")));
  }

  @Test
  void textAlone() {
    assertThat(parse("Write the failover runbook"))
        .isEqualTo(
            new FollowupRequest("Write the failover runbook", Optional.empty(), Optional.empty()));
  }

  @Test
  void ownerAndDueDateInEitherOrder() {
    FollowupRequest expected =
        new FollowupRequest(
            "Alert on lag", Optional.of("UBOB"), Optional.of(LocalDate.of(2026, 12, 1)));
    assertThat(parse("Alert on lag <@UBOB|bob> by 2026-12-01")).isEqualTo(expected);
    assertThat(parse("Alert on lag by 2026-12-01 <@UBOB|bob>")).isEqualTo(expected);
    assertThat(parse("Alert on lag BY 2026-12-01 <@UBOB>")).isEqualTo(expected);
  }

  @Test
  void mentionsAndByInsideTheTextStayText() {
    FollowupRequest request =
        parse("Ask <@UCAROL|carol> about lag caused by replication <@UBOB|bob>");
    assertThat(request.text()).isEqualTo("Ask <@UCAROL|carol> about lag caused by replication");
    assertThat(request.owner()).contains("UBOB");
    assertThat(request.due()).isEmpty();
  }

  @Test
  void aMalformedDateIsAUsageError() {
    assertThatThrownBy(() -> parse("Alert on lag by 2026-13-01"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("`2026-13-01` is not a date: write it as YYYY-MM-DD");
    assertThatThrownBy(() -> parse("Alert on lag by 2026-02-30"))
        .hasMessageContaining("`2026-02-30` is not a date");
    assertThatThrownBy(() -> parse("Alert on lag by 12/01"))
        .hasMessageContaining("`12/01` is not a date");
  }

  @Test
  void nothingToDoIsAUsageError() {
    assertThatThrownBy(() -> parse("<@UBOB|bob> by 2026-12-01"))
        .isInstanceOf(UsageException.class)
        .hasMessage("Say what needs doing.");
    assertThatThrownBy(() -> FollowupRequest.parse(List.of())).hasMessage("Say what needs doing.");
  }

  @Test
  void onlyAPersonOwnsAFollowUp() {
    assertThatThrownBy(() -> parse("Alert on lag <@S123|oncall>"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("not a mention of a person");
  }

  @Test
  void tooLongIsAUsageError() {
    assertThatThrownBy(() -> parse("x".repeat(501)))
        .hasMessageContaining("501 characters; keep it under 500");
  }
}
