package dev.sevzero.incident;

import java.util.Locale;

/** What counted as the first response to an incident (SPEC §4). */
public enum ResponseKind {
  ACK,
  ROLE,
  UPDATE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ResponseKind fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
