package dev.sevzero.followups;

/** A follow-up request the rules refuse; the message is worded for the person asking. */
public final class FollowupRefused extends RuntimeException {
  public FollowupRefused(String message) {
    super(message);
  }
}
