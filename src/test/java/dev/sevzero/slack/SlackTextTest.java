package dev.sevzero.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackTextTest {

  @Test
  void typedTextIsEscapedButItsMentionsStayMentions() {
    assertThat(
            SlackText.escapeKeepingMentions(
                "ask <@UCAROL|carol> & <@W123> about <b>lag</b> in <#C1|db> <!here>"))
        .isEqualTo(
            "ask <@UCAROL> &amp; <@W123> about &lt;b&gt;lag&lt;/b&gt; in &lt;#C1|db&gt;"
                + " &lt;!here&gt;");
  }
}
