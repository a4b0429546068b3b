package dev.sevzero.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the bot is run as a service (SPEC §13).
 *
 * @param metricsToken {@code METRICS_TOKEN}: when present, {@code /metrics} wants it as a bearer
 * @param logFormat {@code LOG_FORMAT}
 */
public record OperationsSettings(Optional<String> metricsToken, LogFormat logFormat) {

  /** How log lines are written. */
  public enum LogFormat {
    /** One human-readable line per event. */
    TEXT,
    /** One JSON object per line, for a log collector. */
    JSON
  }

  public OperationsSettings {
    Objects.requireNonNull(metricsToken, "metricsToken");
    Objects.requireNonNull(logFormat, "logFormat");
  }

  static OperationsSettings read(EnvReader in) {
    return new OperationsSettings(in.optional("METRICS_TOKEN"), logFormat(in));
  }

  private static LogFormat logFormat(EnvReader in) {
    // Exactly as written: logback.xml picks its appender by this very value.
    String value = in.optional("LOG_FORMAT").orElse("text");
    return switch (value) {
      case "text" -> LogFormat.TEXT;
      case "json" -> LogFormat.JSON;
      default ->
          throw new ConfigException(
              "LOG_FORMAT: must be text or json, not " + EnvReader.quote(value));
    };
  }

  @Override
  public String toString() {
    return "OperationsSettings[metricsToken="
        + metricsToken.map(t -> "<redacted>").orElse("<unset>")
        + ", logFormat="
        + logFormat.name().toLowerCase(Locale.ROOT)
        + "]";
  }
}
