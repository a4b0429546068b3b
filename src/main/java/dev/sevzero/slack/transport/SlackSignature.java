package dev.sevzero.slack.transport;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Slack's request signature: {@code X-Slack-Signature = v0=hex(HMAC-SHA256(secret, "v0:" +
 * X-Slack-Request-Timestamp + ":" + body))}, with the timestamp within five minutes of now in
 * <em>both</em> directions (Bolt's own check lets future timestamps through, so a captured request
 * signed with a future timestamp could be replayed for as long as the attacker chose).
 */
public final class SlackSignature {

  static final Duration MAX_SKEW = Duration.ofMinutes(5);

  private final SecretKeySpec key;
  private final Clock clock;

  /**
   * One keyed MAC per request thread: looking up the provider and keying a new one for every
   * request cost about as much as the hashing itself (bench/README, "Peer").
   */
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  public SlackSignature(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isEmpty()) {
      throw new IllegalArgumentException("signing secret is required");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /** The {@code X-Slack-Signature} value for a request; used by tests and fakes to sign. */
  public String sign(String timestamp, byte[] body) {
    Mac mac = macs.get();
    // doFinal leaves the MAC reset, keyed, for the next request on this thread.
    mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
    return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** True when the signature matches and the timestamp is fresh; either header may be null. */
  public boolean verify(String timestamp, String signature, byte[] body) {
    if (timestamp == null || signature == null || !fresh(timestamp)) {
      return false;
    }
    // Constant-time comparison: a byte-by-byte early exit would leak how much of a guess is right.
    return MessageDigest.isEqual(
        sign(timestamp, body).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
  }

  private boolean fresh(String timestamp) {
    long seconds;
    try {
      seconds = Long.parseLong(timestamp);
    } catch (NumberFormatException e) {
      return false;
    }
    long now = clock.instant().getEpochSecond();
    return seconds >= now - MAX_SKEW.toSeconds() && seconds <= now + MAX_SKEW.toSeconds();
  }
}
