package dev.sevzero.pagerduty;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentListener;
import dev.sevzero.incident.Role;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.incident.TimelineEntry;
import java.util.List;

/**
 * Which PagerDuty event goes when (SPEC §10): {@code trigger} at declaration and at reopening,
 * {@code acknowledge} at the first response after a trigger (unless PagerDuty itself told us of the
 * acknowledgement), {@code resolve} at resolution. Drills never page.
 *
 * <p>Triggers and resolutions are queued inside the change's transaction, so they are stored with
 * it; the acknowledgement is decided when the response is known.
 */
public final class PagerDutyPages implements IncidentListener {

  private final PageQueue queue;
  private final PagerDutyRecords records;

  public PagerDutyPages(PageQueue queue, PagerDutyRecords records) {
    this.queue = queue;
    this.records = records;
  }

  @Override
  public void declaring(Incident incident) {
    page(incident, PageAction.TRIGGER);
  }

  @Override
  public void reopening(Incident incident) {
    if (!incident.isDrill()) {
      records.clearAcknowledged(incident.id());
    }
    page(incident, PageAction.TRIGGER);
  }

  @Override
  public void resolving(Incident incident) {
    page(incident, PageAction.RESOLVE);
  }

  @Override
  public void changed(Incident incident, TimelineEntry entry) {
    if (entry.kind() == TimelineEntry.Kind.ACKNOWLEDGED) {
      responded(incident);
    }
  }

  @Override
  public void rolesChanged(Incident incident, Role role, List<String> joined) {
    responded(incident);
  }

  @Override
  public void postingUpdate(Incident incident, StatusUpdate update) {
    responded(incident);
  }

  private void responded(Incident incident) {
    if (!incident.isDrill() && incident.isOpen() && records.markAcknowledged(incident.id())) {
      queue.enqueue(new PageEvent(incident.id(), PageAction.ACKNOWLEDGE));
    }
  }

  private void page(Incident incident, PageAction action) {
    if (!incident.isDrill()) {
      queue.enqueue(new PageEvent(incident.id(), action));
    }
  }
}
