package dev.sevzero.incident;

import java.time.Instant;

/** One line of an incident's history: who did what, when. */
public record TimelineEntry(long incidentId, Instant at, String actor, Kind kind, String text) {

  /** The actor recorded for what Sevzero does by itself. */
  public static final String SEVZERO = "sevzero";

  public enum Kind {
    DECLARED,
    PAGED,
    ACKNOWLEDGED,
    ROLE,
    UPDATE,
    NOTE,
    SEVERITY,
    RESOLVED,
    REOPENED,
    /** An alert of the incident's group started firing (again). */
    ALERT,
    /** Every alert of the incident's group has resolved. */
    ALERTS_RESOLVED,
    /** A channel message added with the "Add to incident timeline" shortcut. */
    MESSAGE,
    /** A drill's checklist step ticked. */
    CHECKLIST,
    /** A DR drill's recovery objectives achieved, against their targets. */
    OBJECTIVES;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Kind fromCode(String code) {
      return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
  }
}
