package dev.sevzero.rotation;

/** The request makes no sense in the current state or has a bad value. */
public final class InvalidRequest extends RotationFailure {

  InvalidRequest(String message) {
    super(message);
  }
}
