package dev.sevzero.app;

import dev.sevzero.config.Config;
import dev.sevzero.config.ConfigException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs the bot from its environment and turns start-up problems into one clear line. */
public final class Launcher {

  private Launcher() {}

  /** Runs the bot until stopped; returns the process exit code. */
  public static int run(Map<String, String> environment) {
    try {
      Config config = Config.fromEnvironment(environment);
      Sevzero sevzero = Sevzero.start(config, Clock.systemUTC());
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    sevzero.close();
                    stopped.countDown();
                  }));
      stopped.await();
      return 0;
    } catch (ConfigException e) {
      System.err.println("sevzero: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } catch (Exception e) {
      System.err.println("sevzero: cannot start: " + e.getMessage());
      return 1;
    }
  }
}
