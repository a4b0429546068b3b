package dev.sevzero.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real bot as a process of its own (this test run's classpath, {@code dev.sevzero.Main}), so
 * that a test can kill it as an operator or the kernel would: SIGKILL mid-delivery, or SIGTERM as a
 * deploy does. Its output goes to a log file beside its database.
 */
public final class ChildBot implements AutoCloseable {

  private final Process process;

  private ChildBot(Process process) {
    this.process = process;
  }

  /** Starts the bot with {@code environment} (PORT is chosen here); logs to {@code log}. */
  public static ChildBot start(Map<String, String> environment, Path log) throws IOException {
    Map<String, String> withPort = new HashMap<>(environment);
    withPort.putIfAbsent("PORT", Integer.toString(freePort()));
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sevzero.Main")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(withPort);
    return new ChildBot(builder.start());
  }

  /** SIGKILL: nothing runs after it, no shutdown hook, no drain. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, as a deploy stops it; true if it exited within {@code patience}. */
  public boolean terminate(Duration patience) throws InterruptedException {
    process.destroy();
    return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
  }

  public boolean alive() {
    return process.isAlive();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
