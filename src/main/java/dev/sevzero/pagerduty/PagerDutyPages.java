package dev.sevzero.pagerduty;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentEvent;
import dev.sevzero.incident.IncidentEvents;
import dev.sevzero.incident.TimelineEntry;

/**
 * Which PagerDuty event goes when (SPEC §10): {@code trigger} at declaration and at reopening,
 * {@code acknowledge} at the first response after a trigger (unless PagerDuty itself told us of the
 * acknowledgement), {@code resolve} at resolution. Drills never page.
 *
 * <p>Everything is decided and queued inside the change's transaction, so an event is stored with
 * its change or not at all.
 */
public final class PagerDutyPages implements IncidentEvents {

  private final PageQueue queue;
  private final PagerDutyRecords records;

  public PagerDutyPages(PageQueue queue, PagerDutyRecords records) {
    this.queue = queue;
    this.records = records;
  }

  @Override
  public void on(IncidentEvent event) {
    Incident incident = event.incident();
    if (event instanceof IncidentEvent.Declared) {
      page(incident, PageAction.TRIGGER);
    } else if (event instanceof IncidentEvent.Reopened) {
      if (!incident.isDrill()) {
        records.clearAcknowledged(incident.id());
      }
      page(incident, PageAction.TRIGGER);
    } else if (event instanceof IncidentEvent.Resolved) {
      page(incident, PageAction.RESOLVE);
    } else if (event instanceof IncidentEvent.RolesAssigned
        || event instanceof IncidentEvent.UpdatePosted
        || (event instanceof IncidentEvent.EntryRecorded recorded
            && recorded.entry().kind() == TimelineEntry.Kind.ACKNOWLEDGED)) {
      responded(incident);
    }
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
