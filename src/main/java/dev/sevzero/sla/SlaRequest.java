package dev.sevzero.sla;

import java.time.YearMonth;

/** What {@code /sla} was asked for: see {@link SlaMonth#parse}. */
public sealed interface SlaRequest {

  /** A valid request: the report for {@code month}, with the CSV upload when {@code csv}. */
  record Report(YearMonth month, boolean csv) implements SlaRequest {}

  /**
   * A request that cannot be served; nothing should happen but an ephemeral reply of {@link
   * #message()}.
   */
  record Rejected(String problem) implements SlaRequest {

    /** The problem followed by the correct usage, ready to show. */
    public String message() {
      return problem + "\nUsage: " + SlaMonth.USAGE;
    }
  }
}
