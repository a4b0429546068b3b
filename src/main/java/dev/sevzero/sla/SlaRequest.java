package dev.sevzero.sla;

import java.time.YearMonth;

/** What {@code /sla month} was asked for: see {@link SlaMonth#parse}. */
public sealed interface SlaRequest {

  /** A valid request: the report for {@code month}, with the CSV upload when {@code csv}. */
  record Report(YearMonth month, boolean csv) implements SlaRequest {}

  /**
   * A request that cannot be served: nothing should happen but an ephemeral reply naming {@code
   * problem}, followed by the usage (which the command registry adds).
   */
  record Rejected(String problem) implements SlaRequest {}
}
