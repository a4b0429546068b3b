package dev.sevzero.rotation;

/** The caller may not do this (not an admin, not the current on-call). */
public final class NotAllowed extends RotationFailure {

  NotAllowed(String message) {
    super(message);
  }
}
