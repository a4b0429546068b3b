package dev.sevzero.alerts;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.Origin;
import dev.sevzero.incident.TimelineEntry.Kind;
import dev.sevzero.incident.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns alert notifications into incidents (SPEC §10): the first firing notification of a group
 * declares one, a newly firing alert is a timeline entry, the group resolving is a timeline entry
 * (and a resolution with auto-resolve), the group firing again reopens the incident within the
 * reopen window and declares a new one after it. Repeats and duplicates change nothing.
 *
 * <p>A notification is handled in one transaction that holds its group, so that the deliveries of
 * one group are handled one after the other, each seeing what the previous one stored, even from
 * two replicas.
 */
public final class AlertIntake {

  /** What a notification did; {@code incident} is the group's incident, if it has one. */
  public record Outcome(Result result, Optional<Incident> incident) {}

  public enum Result {
    DECLARED,
    REOPENED,
    CHANGED,
    UNCHANGED,
    IGNORED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * @param autoResolve {@code ALERT_AUTO_RESOLVE}: resolve the incident when its alerts resolve
   * @param reopenWindow {@code ALERT_REOPEN_WINDOW}: firing again this soon after the resolution
   *     reopens the incident instead of declaring a new one
   */
  public record Settings(boolean autoResolve, Duration reopenWindow) {}

  private final IncidentService incidents;
  private final AlertGroups groups;
  private final Transactions transactions;
  private final SeverityMap severities;
  private final Settings settings;
  private final Clock clock;

  public AlertIntake(
      IncidentService incidents,
      AlertGroups groups,
      Transactions transactions,
      SeverityMap severities,
      Settings settings,
      Clock clock) {
    this.incidents = incidents;
    this.groups = groups;
    this.transactions = transactions;
    this.severities = severities;
    this.settings = settings;
    this.clock = clock;
  }

  public Outcome receive(AlertNotification notification) {
    return transactions.inTransaction(() -> handle(notification));
  }

  private Outcome handle(AlertNotification notification) {
    AlertSource source = notification.source();
    String groupKey = notification.groupKey();
    AlertGroups.GroupState group = groups.lock(source, groupKey);
    Optional<Incident> current = group.incidentId().flatMap(incidents::find);
    if (current.isEmpty()) {
      return notification.firingAlerts().isEmpty()
          ? new Outcome(Result.IGNORED, Optional.empty())
          : declare(notification, group.declarations() + 1);
    }
    Incident incident = current.get();
    Map<String, Boolean> known = group.firingByFingerprint();
    List<Alert> newlyFiring =
        notification.firingAlerts().stream()
            .filter(alert -> !Boolean.TRUE.equals(known.get(alert.fingerprint())))
            .toList();
    boolean allResolvedNow = !notification.firing() && known.containsValue(true);
    Map<String, Boolean> after = new HashMap<>(known);
    notification
        .alerts()
        .forEach(alert -> after.put(alert.fingerprint(), alert.firing() && notification.firing()));

    if (!incident.isOpen() && !newlyFiring.isEmpty()) {
      Instant resolvedAt = incident.resolution().orElseThrow().at();
      if (clock.instant().isAfter(resolvedAt.plus(settings.reopenWindow()))) {
        return declare(notification, group.declarations() + 1);
      }
      incidents.reopen(incident.id(), source.displayName());
      recordFiring(incident, source, newlyFiring, known);
      groups.saveAlerts(source, groupKey, after);
      return new Outcome(Result.REOPENED, incidents.find(incident.id()));
    }
    if (after.equals(known)) {
      return new Outcome(Result.UNCHANGED, current);
    }
    groups.saveAlerts(source, groupKey, after);
    if (incident.isOpen()) {
      recordFiring(incident, source, newlyFiring, known);
      if (allResolvedNow && settings.autoResolve()) {
        // The resolution is the timeline entry; a Resolve button would only be stale.
        incidents.resolve(incident.id(), source.displayName(), "all alerts resolved");
      } else if (allResolvedNow) {
        incidents.recordAlert(
            incident.id(), source.displayName(), Kind.ALERTS_RESOLVED, "All alerts resolved");
      }
    }
    boolean shown = incident.isOpen() && (!newlyFiring.isEmpty() || allResolvedNow);
    return new Outcome(shown ? Result.CHANGED : Result.UNCHANGED, incidents.find(incident.id()));
  }

  private Outcome declare(AlertNotification notification, int number) {
    AlertSource source = notification.source();
    groups.startDeclaration(source, notification.groupKey());
    IncidentService.Declared declared =
        incidents.declare(
            new IncidentService.Detection(
                new Origin(source.code(), notification.groupKey() + "#" + number),
                notification.detectedAt().orElseGet(clock::instant),
                source.displayName(),
                notification.title(),
                notification.description(),
                severities.severityOf(notification.severityLabel())));
    groups.linkIncident(source, notification.groupKey(), declared.incident().id());
    Map<String, Boolean> alerts = new HashMap<>();
    notification.alerts().forEach(alert -> alerts.put(alert.fingerprint(), alert.firing()));
    groups.saveAlerts(source, notification.groupKey(), alerts);
    return new Outcome(Result.DECLARED, Optional.of(declared.incident()));
  }

  private void recordFiring(
      Incident incident, AlertSource source, List<Alert> firing, Map<String, Boolean> known) {
    for (Alert alert : firing) {
      String what = known.containsKey(alert.fingerprint()) ? " firing again" : " firing";
      incidents.recordAlert(
          incident.id(), source.displayName(), Kind.ALERT, "Alert " + alert.name() + what);
    }
  }
}
