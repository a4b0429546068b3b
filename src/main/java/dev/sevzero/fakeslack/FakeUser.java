package dev.sevzero.fakeslack;

/**
 * A workspace member; {@code name} is the handle people type after "@". A deactivated member keeps
 * its ID and answers {@code users.info} with {@code deleted: true}, as on Slack.
 */
public record FakeUser(String id, String name, boolean isBot, boolean deleted) {

  FakeUser deactivated() {
    return new FakeUser(id, name, isBot, true);
  }
}
