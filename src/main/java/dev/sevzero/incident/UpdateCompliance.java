package dev.sevzero.incident;

/**
 * How the 30-minute status updates of one incident, or of a month, went (SPEC §5): each due time
 * answered on time, late, or missed. Due times still pending are not counted.
 */
public record UpdateCompliance(int onTime, int late, int missed) {

  public static final UpdateCompliance NONE = new UpdateCompliance(0, 0, 0);

  public UpdateCompliance {
    if (onTime < 0 || late < 0 || missed < 0) {
      throw new IllegalArgumentException("negative update count");
    }
  }

  public UpdateCompliance plus(UpdateCompliance other) {
    return new UpdateCompliance(onTime + other.onTime, late + other.late, missed + other.missed);
  }

  public int total() {
    return onTime + late + missed;
  }
}
