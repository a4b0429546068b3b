package dev.sevzero.playground;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Keeps the bot's log out of the conversation: every line goes to a file in the playground's
 * folder, and a warning or error shows in the terminal as one line pointing there.
 */
final class PlaygroundLog {

  static final String FILE_NAME = "sevzero.log";

  private PlaygroundLog() {}

  /** Sends {@code context}'s log to {@code folder}/sevzero.log and warnings to {@code warn}. */
  static void redirect(LoggerContext context, Path folder, Consumer<String> warn) {
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();

    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n");
    encoder.start();
    FileAppender<ILoggingEvent> file = new FileAppender<>();
    file.setContext(context);
    file.setFile(folder.resolve(FILE_NAME).toString());
    file.setEncoder(encoder);
    file.start();
    root.addAppender(file);

    Path log = folder.resolve(FILE_NAME);
    AppenderBase<ILoggingEvent> warnings =
        new AppenderBase<>() {
          @Override
          protected void append(ILoggingEvent event) {
            if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
              warn.accept(
                  "(⚠ the bot logged "
                      + (event.getLevel() == Level.ERROR ? "an error" : "a warning")
                      + ": "
                      + firstLine(event.getFormattedMessage())
                      + " — details in "
                      + log
                      + ")");
            }
          }
        };
    warnings.setContext(context);
    warnings.start();
    root.addAppender(warnings);
  }

  private static String firstLine(String message) {
    String line = message == null ? "" : message.lines().findFirst().orElse("");
    return line.length() > 160 ? line.substring(0, 157) + "…" : line;
  }
}
