package dev.sevzero.sla;

/** Whether a month's average response time kept the SLA (SPEC §7). */
public enum Verdict {
  /** Average at or under the target. */
  MET,
  /** Over the target, at or under the ceiling. */
  WITHIN_TOLERANCE,
  /** Over the ceiling. */
  BREACHED
}
