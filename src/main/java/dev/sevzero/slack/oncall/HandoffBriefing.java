package dev.sevzero.slack.oncall;

import dev.sevzero.incident.Incident;
import dev.sevzero.sla.Punctuality;
import dev.sevzero.sla.Verdict;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What the incoming on-call needs to know at a handoff (SPEC 6): the open incidents, how busy last
 * week was, and how the month's SLA stands so far.
 *
 * @param lastWeek incidents (drills left out) declared in the seven days before the handoff
 * @param slaAverage the month-to-date SLA figure; empty while the month has no incidents
 * @param verdict empty while the month has no incidents
 * @param punctuality how punctual Sevzero's own scheduled work was in the seven days before
 */
record HandoffBriefing(
    List<Incident> open,
    int lastWeek,
    YearMonth month,
    Optional<Duration> slaAverage,
    Optional<Verdict> verdict,
    Punctuality punctuality) {

  HandoffBriefing {
    open = List.copyOf(open);
  }
}
