package dev.sevzero.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SlackSignatureTest {

  private static final long NOW = 1_800_000_000L;
  private static final byte[] BODY = "command=%2Fincident&text=hi".getBytes(StandardCharsets.UTF_8);

  private final SlackSignature signature =
      new SlackSignature("secret", Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

  @Test
  void acceptsItsOwnSignatureWithinFiveMinutesEitherWay() {
    for (long ts : new long[] {NOW, NOW - 300, NOW + 300}) {
      String timestamp = Long.toString(ts);
      assertThat(signature.verify(timestamp, signature.sign(timestamp, BODY), BODY)).isTrue();
    }
  }

  @Test
  void rejectsTimestampsOutsideTheWindow() {
    for (long ts : new long[] {NOW - 301, NOW + 301, Long.MIN_VALUE, Long.MAX_VALUE}) {
      String timestamp = Long.toString(ts);
      assertThat(signature.verify(timestamp, signature.sign(timestamp, BODY), BODY)).isFalse();
    }
  }

  @Test
  void rejectsWrongOrMissingParts() {
    String timestamp = Long.toString(NOW);
    String good = signature.sign(timestamp, BODY);

    assertThat(good).matches("v0=[0-9a-f]{64}");
    assertThat(signature.verify(timestamp, good.toUpperCase(), BODY)).isFalse();
    assertThat(signature.verify(timestamp, good, "other".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
    assertThat(signature.verify("soon", good, BODY)).isFalse();
    assertThat(signature.verify(null, good, BODY)).isFalse();
    assertThat(signature.verify(timestamp, null, BODY)).isFalse();
    assertThat(
            new SlackSignature("other", Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
                .verify(timestamp, good, BODY))
        .isFalse();
  }
}
