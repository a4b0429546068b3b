package dev.sevzero.playground;

import dev.sevzero.fakeslack.FakeChannel;
import dev.sevzero.fakeslack.FakeSlack;
import java.util.Locale;
import java.util.Optional;

/**
 * The person the terminal acts as and the channel they are in, and how people and channels are
 * named to them: handles and {@code #names} rather than Slack's ids.
 */
final class ShellUser {

  private final Playground playground;
  private final FakeSlack slack;
  // Also read on the fake Slack's threads, which print what the bot posts as it arrives.
  private volatile String user;
  private volatile String channel;

  ShellUser(Playground playground) {
    this.playground = playground;
    this.slack = playground.slack();
    this.user = Playground.userId("alice");
    this.channel = slack.channelByName("general").orElseThrow().id();
  }

  /** The id of the person acting. */
  String id() {
    return user;
  }

  /** The id of the channel they are in. */
  String channel() {
    return channel;
  }

  /** {@code as @bob}. */
  void actAs(String handle) {
    user = userByName(handle);
  }

  /** {@code in #incidents}, or following the bot into a channel it invited them to. */
  void moveTo(String channelId) {
    channel = channelId;
  }

  String prompt() {
    return name(user) + " in " + where(channel) + "> ";
  }

  String name(String userId) {
    return playground.userName(userId).orElse(userId);
  }

  String where(String channelId) {
    return slack
        .channel(channelId)
        .map(c -> c.isIm() ? "DM " + playground.label(c) : "#" + c.name())
        .orElse(channelId);
  }

  Optional<String> dmWith(String userId) {
    return slack.channels().stream()
        .filter(c -> c.isIm() && c.members().contains(userId))
        .map(FakeChannel::id)
        .findFirst();
  }

  /** The id of a person typed as {@code @bob} or {@code bob}; bots cannot be acted as. */
  String userByName(String ref) {
    String handle = (ref.startsWith("@") ? ref.substring(1) : ref).toLowerCase(Locale.ROOT);
    return slack
        .userByName(handle)
        .filter(u -> !u.isBot())
        .orElseThrow(
            () ->
                new ShellError(
                    "nobody called @"
                        + handle
                        + "; people here: "
                        + String.join(", ", Playground.PEOPLE)))
        .id();
  }

  /** The id of a channel typed as {@code #incidents} or {@code incidents}. */
  String channelByName(String ref) {
    String name = (ref.startsWith("#") ? ref.substring(1) : ref).toLowerCase(Locale.ROOT);
    return slack
        .channelByName(name)
        .orElseThrow(() -> new ShellError("no channel #" + name + "; type channels to list them"))
        .id();
  }
}
