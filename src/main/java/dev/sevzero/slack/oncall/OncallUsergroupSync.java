package dev.sevzero.slack.oncall;

import dev.sevzero.slack.delivery.SlackOutbox;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps {@code ONCALL_USERGROUP} equal to whoever is on call, override included (SPEC §8), also
 * when nothing happened: an override that simply ran out, or a restart. Checked every minute; a
 * change stores a sync delivery, which reads who is on call when it runs (so it never writes a
 * holder that a handoff has replaced meanwhile).
 */
public final class OncallUsergroupSync {

  /** Often enough that an override's end shows within a minute. */
  public static final String EVERY_MINUTE = "0 * * * * ?";

  private final SlackOutbox slack;
  private final Supplier<Optional<String>> onCall;

  /** Who was on call at the last check; empty at start-up, so the first check syncs. */
  private Optional<String> lastSeen = Optional.empty();

  public OncallUsergroupSync(SlackOutbox slack, Supplier<Optional<String>> onCall) {
    this.slack = slack;
    this.onCall = onCall;
  }

  public synchronized void check() {
    Optional<String> current = onCall.get();
    if (current.isPresent() && !current.equals(lastSeen)) {
      slack.syncUsergroup();
      lastSeen = current;
    }
  }
}
