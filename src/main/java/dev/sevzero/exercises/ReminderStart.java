package dev.sevzero.exercises;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentService;

/** What pressing a reminder's Start drill did. */
public sealed interface ReminderStart {

  /** This press started the reminder's drill. */
  record Started(IncidentService.Declared declared) implements ReminderStart {}

  /** An earlier press (or another person's, at the same moment) started {@code drill}. */
  record AlreadyStarted(Incident drill) implements ReminderStart {}

  /** No reminder named the scenario: the button is from a database since replaced. */
  record NotReminded() implements ReminderStart {}
}
