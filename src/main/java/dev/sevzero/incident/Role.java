package dev.sevzero.incident;

/** The incident roles of the process: one commander, one scribe, any number of engineers. */
public enum Role {
  COMMANDER("Incident Commander"),
  SCRIBE("Scribe / comms lead"),
  ENGINEER("Engineer");

  private final String title;

  Role(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
