package dev.sevzero.slack.oncall;

import dev.sevzero.slack.SlackMessenger;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Keeps {@code ONCALL_USERGROUP} equal to whoever is on call, override included (SPEC §8). It
 * compares and sets rather than reacting to events, so an override that simply ran out, a restart
 * or a change made by hand in Slack is put right at the next sync.
 */
public final class OncallUsergroup {

  /** Often enough that an override's end shows within a minute. */
  public static final String EVERY_MINUTE = "0 * * * * ?";

  private final SlackMessenger slack;
  private final String usergroup;
  private final Supplier<Optional<String>> onCall;

  /** Who the group was last set to; after a restart the first sync sets it again, harmlessly. */
  private String synced;

  public OncallUsergroup(
      SlackMessenger slack, String usergroup, Supplier<Optional<String>> onCall) {
    this.slack = slack;
    this.usergroup = usergroup;
    this.onCall = onCall;
  }

  /** Makes the group the person on call alone, if it is not already; nobody on call: unchanged. */
  public synchronized void sync() {
    Optional<String> current = onCall.get();
    if (current.isEmpty() || current.get().equals(synced)) {
      return;
    }
    slack
        .gateway()
        .callOk(
            "usergroups.users.update",
            c ->
                c.usergroupsUsersUpdate(r -> r.usergroup(usergroup).users(List.of(current.get()))));
    synced = current.get();
  }
}
