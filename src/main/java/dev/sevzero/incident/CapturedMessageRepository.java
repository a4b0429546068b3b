package dev.sevzero.incident;

/** Where captured messages are kept, one per message and incident. */
public interface CapturedMessageRepository {

  /**
   * Stores {@code message} unless the same message was captured for the incident before.
   *
   * @return true when it was stored now
   */
  boolean insertIfNew(CapturedMessage message);
}
