package dev.sevzero.slack.incident;

/** The IDs that tie buttons and modals to their handlers; a button's value is the incident ID. */
final class IncidentActionIds {

  static final String ACKNOWLEDGE = "incident_acknowledge";
  static final String TAKE_COMMANDER = "incident_take_commander";
  static final String TAKE_SCRIBE = "incident_take_scribe";
  static final String JOIN_ENGINEER = "incident_join_engineer";
  static final String POST_UPDATE = "incident_post_update";
  static final String RESOLVE = "incident_resolve";

  static final String DECLARE_VIEW = "incident_declare";
  static final String UPDATE_VIEW = "incident_update";
  static final String RESOLVE_VIEW = "incident_resolve_view";

  static final String TITLE = "title";
  static final String SEVERITY = "severity";
  static final String DESCRIPTION = "description";
  static final String STATUS = "status";
  static final String TEXT = "text";
  static final String SUMMARY = "summary";

  private IncidentActionIds() {}
}
