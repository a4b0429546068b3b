package dev.sevzero.slack.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MentionsTest {

  @Test
  void readsEscapedUserMentions() {
    assertThat(Mentions.user("<@U123ABC|alice>")).isEqualTo("U123ABC");
    assertThat(Mentions.user("<@W42>")).isEqualTo("W42");
  }

  @Test
  void refusesWhatIsNotAPerson() {
    assertThatThrownBy(() -> Mentions.user("<#C123|general>"))
        .isInstanceOf(UsageException.class)
        .hasMessage("`#general` is a channel, not a person.");
    assertThatThrownBy(() -> Mentions.user("<!subteam^S1|@oncall>"))
        .hasMessage("`@oncall` is a group, not a person: mention one person.");
    assertThatThrownBy(() -> Mentions.user("@bob"))
        .hasMessageContaining("I can't tell who `@bob` is");
    assertThatThrownBy(() -> Mentions.user("bob"))
        .hasMessage("`bob` is not a mention of a person.");
  }
}
