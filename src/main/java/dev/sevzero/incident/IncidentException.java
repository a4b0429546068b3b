package dev.sevzero.incident;

/**
 * A request the incident rules refuse (acting on a resolved incident, an unknown incident…). The
 * message is written for the person who asked and is shown to them as it is.
 */
public final class IncidentException extends RuntimeException {
  public IncidentException(String message) {
    super(message);
  }
}
