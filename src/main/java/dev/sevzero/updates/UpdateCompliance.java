package dev.sevzero.updates;

/** How an incident's stakeholder updates went against their due times. */
public record UpdateCompliance(int onTime, int late, int missed) {
  public static final UpdateCompliance NONE = new UpdateCompliance(0, 0, 0);
}
