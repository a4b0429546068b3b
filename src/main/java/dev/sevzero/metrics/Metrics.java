package dev.sevzero.metrics;

import java.time.Duration;

/**
 * What the bot tells its operators, whatever exports it: counts and durations of the things that
 * matter when it runs as a service (SPEC §13). Every label value an implementation receives comes
 * from a small fixed set: no user ids, no incident numbers.
 */
public interface Metrics {

  /** Calls out of the process, by the service they go to. */
  enum Target {
    SLACK,
    PAGERDUTY,
    NOTION
  }

  /** A declaration; {@code severity} is its code (sev0…sev3). */
  void incidentDeclared(String severity, boolean drill);

  /** An incident's first response, {@code time} after its start. */
  void responded(Duration time);

  /** A due stakeholder update's outcome: on_time, late or missed. */
  void updateOutcome(String outcome);

  /** The pager passed to the next person. */
  void handedOff();

  /**
   * One call to {@code target}: {@code method} a name from its fixed API surface (a Slack Web API
   * method, an HTTP verb), {@code outcome} one of a few words (ok, error, rate_limited…).
   */
  void externalCall(Target target, String method, String outcome);

  /** An alert webhook: {@code source} alertmanager or grafana, {@code outcome} a fixed word. */
  void alertReceived(String source, String outcome);

  /** A Slack request answered (acknowledged) {@code time} after it came in. */
  void acknowledged(Duration time);

  /** Scheduled work ran {@code lag} after it was due. */
  void scheduledWorkRan(Duration lag);

  /** Counts nothing: for tests and tools that build parts of the bot alone. */
  Metrics NONE =
      new Metrics() {
        @Override
        public void incidentDeclared(String severity, boolean drill) {}

        @Override
        public void responded(Duration time) {}

        @Override
        public void updateOutcome(String outcome) {}

        @Override
        public void handedOff() {}

        @Override
        public void externalCall(Target target, String method, String outcome) {}

        @Override
        public void alertReceived(String source, String outcome) {}

        @Override
        public void acknowledged(Duration time) {}

        @Override
        public void scheduledWorkRan(Duration lag) {}
      };
}
