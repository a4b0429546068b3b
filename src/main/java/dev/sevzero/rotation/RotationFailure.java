package dev.sevzero.rotation;

/**
 * A rotation request that was refused; nothing was changed. The message is a plain sentence meant
 * for the person who asked.
 */
public abstract sealed class RotationFailure extends RuntimeException
    permits NotAllowed, InvalidRequest {

  RotationFailure(String message) {
    super(message);
  }
}
