package dev.sevzero.http;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What {@code /readyz} and {@code /healthz} report: healthy, or not with a one-line reason for the
 * operator.
 *
 * @param reason why the process is unhealthy; {@code null} when healthy
 */
public record Health(String reason) {

  /** A check that always passes, for when there is nothing worth checking. */
  public static final Supplier<Health> ALWAYS_OK = Health::ok;

  public static Health ok() {
    return new Health(null);
  }

  public static Health unhealthy(String reason) {
    return new Health(Objects.requireNonNull(reason, "reason"));
  }

  public boolean healthy() {
    return reason == null;
  }
}
