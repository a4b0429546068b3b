package dev.sevzero.alerts;

import java.util.Map;
import java.util.Optional;

/**
 * What is known of each alert group: how many incidents it declared, its current one, and the state
 * of each of its alerts. Called inside the intake's transaction.
 */
public interface AlertGroups {

  /**
   * The group's state, recorded first if the group is new. From here to the end of the transaction
   * the group is this caller's: another delivery of the same group (a second replica, the other
   * half of an HA pair) waits, then sees what this one stored.
   */
  GroupState lock(AlertSource source, String groupKey);

  /** Starts the group's next incident: one more declaration, and no alerts known yet. */
  void startDeclaration(AlertSource source, String groupKey);

  /** The incident the group's current declaration made. */
  void linkIncident(AlertSource source, String groupKey, long incidentId);

  /** Stores each alert's state, by fingerprint: true while firing. */
  void saveAlerts(AlertSource source, String groupKey, Map<String, Boolean> firingByFingerprint);

  /**
   * @param declarations incidents declared for the group so far
   * @param incidentId its current incident, once declared
   * @param firingByFingerprint the alerts of the current incident, true while firing
   */
  record GroupState(
      int declarations, Optional<Long> incidentId, Map<String, Boolean> firingByFingerprint) {

    public GroupState {
      firingByFingerprint = Map.copyOf(firingByFingerprint);
    }
  }
}
