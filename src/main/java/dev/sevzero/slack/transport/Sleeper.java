package dev.sevzero.slack.transport;

import java.time.Duration;

/** How {@link SlackGateway} waits between attempts; tests record the waits instead. */
@FunctionalInterface
public interface Sleeper {

  Sleeper THREAD = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
