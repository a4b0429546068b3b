package dev.sevzero.pagerduty;

import java.util.Locale;

/** The Events API v2 {@code event_action}s Sevzero sends. */
public enum PageAction {
  TRIGGER,
  ACKNOWLEDGE,
  RESOLVE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
