package dev.sevzero.persistence;

/** A database failure the caller cannot repair; carries no SQL parameters or credentials. */
public final class DatabaseException extends RuntimeException {
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
