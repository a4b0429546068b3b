package dev.sevzero.app;

import dev.sevzero.config.Config;
import dev.sevzero.config.ConfigException;
import dev.sevzero.playground.PlaygroundCommand;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Chooses what to run from the command line and turns start-up problems into one clear line. */
public final class Launcher {

  private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

  private Launcher() {}

  /** Runs until stopped; returns the process exit code. */
  public static int run(String[] args, Map<String, String> environment) {
    if (args.length > 0 && args[0].equals("playground")) {
      return playground(Arrays.asList(args).subList(1, args.length));
    }
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

  /** The playground ignores the environment: it always runs against its own local Slack. */
  private static int playground(List<String> args) {
    // The bot's INFO logs would bury the conversation in the terminal; warnings still show.
    if (System.getProperty(LOG_LEVEL) == null) {
      System.setProperty(LOG_LEVEL, "warn");
    }
    return PlaygroundCommand.run(args, System.in, System.out);
  }
}
