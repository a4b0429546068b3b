package dev.sevzero.rotation;

/** Why the pager changed hands; stored as {@link #code()}. */
public enum HandoffReason {
  /** The rotation's cron time came. */
  SCHEDULED("scheduled"),
  /** A scheduled handoff performed late, because the bot was down when it was due. */
  STARTUP_CATCH_UP("startup-catch-up"),
  /** An admin handed over with {@code /oncall handoff}. */
  MANUAL("manual"),
  /** The person on call was removed from the roster. */
  REMOVAL("removal"),
  /** The first person was added to an empty roster and so took the pager. */
  FIRST_MEMBER("first-member");

  private final String code;

  HandoffReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static HandoffReason fromCode(String code) {
    for (HandoffReason reason : values()) {
      if (reason.code.equals(code)) {
        return reason;
      }
    }
    throw new IllegalArgumentException("unknown handoff reason: " + code);
  }
}
