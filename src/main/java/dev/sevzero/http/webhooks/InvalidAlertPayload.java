package dev.sevzero.http.webhooks;

/** A webhook body that is not the payload its endpoint takes; the message names the problem. */
public final class InvalidAlertPayload extends RuntimeException {

  public InvalidAlertPayload(String message) {
    super(message);
  }
}
