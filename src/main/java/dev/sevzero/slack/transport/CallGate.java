package dev.sevzero.slack.transport;

/**
 * Passed before every Web API attempt {@link SlackGateway} makes, so that whatever has priority
 * over background Slack work can hold it back between calls.
 */
@FunctionalInterface
public interface CallGate {

  CallGate OPEN = () -> {};

  /** Returns when the calling thread may make its next Slack call. */
  void awaitTurn();
}
