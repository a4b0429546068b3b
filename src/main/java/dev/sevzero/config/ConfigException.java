package dev.sevzero.config;

/**
 * A missing or malformed environment variable. The message is one line that starts with the
 * variable's name and never contains a token or secret, so it can be printed as is at start-up.
 */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
