package dev.sevzero.incident;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An incident and the rules of its lifecycle. Mutations check the rules, change the state and
 * return what a timeline entry should say; {@link IncidentService} stores both together.
 */
public final class Incident {

  /**
   * The longest title accepted, wherever it is typed: long enough for a sentence, short enough for
   * a channel topic and a header.
   */
  public static final int MAX_TITLE_LENGTH = 150;

  /** Who did something and when. */
  public record Stamp(String by, Instant at) {}

  /** The first response (SPEC §4): ack, role taken or update, whichever came first. */
  public record Response(String by, Instant at, ResponseKind kind, Duration time) {}

  public record Resolution(String by, Instant at, String summary) {}

  /**
   * Everything known when an incident is first stored.
   *
   * @param startedAt when the SLA clock starts: the declaration, or the detection of an alert-born
   *     incident (never after the declaration)
   * @param origin the outside system that declared it, if any
   */
  public record Declaration(
      String title,
      String description,
      Severity severity,
      boolean drill,
      String declaredBy,
      Instant declaredAt,
      Instant startedAt,
      Optional<Origin> origin) {

    public Declaration {
      if (startedAt.isAfter(declaredAt)) {
        startedAt = declaredAt;
      }
    }

    /** Declared by a person: the clock starts at the declaration. */
    public Declaration(
        String title,
        String description,
        Severity severity,
        boolean drill,
        String declaredBy,
        Instant declaredAt) {
      this(
          title,
          description,
          severity,
          drill,
          declaredBy,
          declaredAt,
          declaredAt,
          Optional.empty());
    }
  }

  private final long id;
  private final String title;
  private final String description;
  private final boolean drill;
  private final Stamp declared;
  private final Instant startedAt;
  private final Origin origin;
  private Severity severity;
  private IncidentStatus status;
  private String channelId;
  private String channelName;
  private String headerTs;
  private String commander;
  private String scribe;
  private final Set<String> engineers;
  private Stamp acknowledgement;
  private Response response;
  private Resolution resolution;

  private Incident(Builder b) {
    this.id = b.id;
    this.title = b.title;
    this.description = b.description;
    this.drill = b.drill;
    this.declared = b.declared;
    this.startedAt = b.startedAt;
    this.origin = b.origin;
    this.severity = b.severity;
    this.status = b.status;
    this.channelId = b.channelId;
    this.channelName = b.channelName;
    this.headerTs = b.headerTs;
    this.commander = b.commander;
    this.scribe = b.scribe;
    this.engineers = new LinkedHashSet<>(b.engineers);
    this.acknowledgement = b.acknowledgement;
    this.response = b.response;
    this.resolution = b.resolution;
  }

  /** A newly declared incident, open, with no roles taken. */
  public static Incident declare(long id, Declaration declaration) {
    Builder builder = new Builder();
    builder.id = id;
    builder.title = declaration.title();
    builder.description = declaration.description();
    builder.severity = declaration.severity();
    builder.drill = declaration.drill();
    builder.declared = new Stamp(declaration.declaredBy(), declaration.declaredAt());
    builder.startedAt = declaration.startedAt();
    builder.origin = declaration.origin().orElse(null);
    builder.status = IncidentStatus.OPEN;
    return builder.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code INC-12}, or {@code DRILL-12} for an exercise. */
  public String key() {
    return key(id, drill);
  }

  /**
   * How people name an incident: {@code INC-3}, or {@code DRILL-3} for a drill. Drills take their
   * number from the same sequence, so the number alone identifies either.
   */
  public static String key(long id, boolean drill) {
    return (drill ? "DRILL-" : "INC-") + id;
  }

  void acknowledge(String user, Instant at) {
    requireOpen("acknowledge");
    if (acknowledgement == null) {
      acknowledgement = new Stamp(user, at);
    }
    recordResponse(user, at, ResponseKind.ACK);
  }

  /**
   * @return false when {@code user} already held the role (nothing changed)
   */
  boolean assign(Role role, String user, Instant at) {
    requireOpen("change roles of");
    boolean changed;
    switch (role) {
      case COMMANDER -> {
        changed = !user.equals(commander);
        commander = user;
      }
      case SCRIBE -> {
        changed = !user.equals(scribe);
        scribe = user;
      }
      default -> changed = engineers.add(user);
    }
    if (changed) {
      recordResponse(user, at, ResponseKind.ROLE);
    }
    return changed;
  }

  void recordUpdate(String user, Instant at) {
    requireOpen("post an update on");
    recordResponse(user, at, ResponseKind.UPDATE);
  }

  void changeSeverity(Severity newSeverity) {
    requireOpen("change the severity of");
    severity = newSeverity;
  }

  /** Refuses {@code action} (worded for the person asking) on a resolved incident. */
  public void requireOpen(String action) {
    if (status == IncidentStatus.RESOLVED) {
      throw new IncidentException(
          key() + " is resolved, so you can't " + action + " it. `/incident reopen` it first.");
    }
  }

  void resolve(String user, Instant at, String summary) {
    requireOpen("resolve");
    status = IncidentStatus.RESOLVED;
    resolution = new Resolution(user, at, summary);
  }

  void reopen() {
    if (status == IncidentStatus.OPEN) {
      throw new IncidentException(key() + " is still open; there is nothing to reopen.");
    }
    status = IncidentStatus.OPEN;
    resolution = null;
  }

  private void recordResponse(String user, Instant at, ResponseKind kind) {
    if (response == null) {
      response = new Response(user, at, kind, Duration.between(startedAt, at));
    }
  }

  /** How long this incident has been open: until resolution, or until {@code now}. */
  public Duration age(Instant now) {
    Instant end = resolution == null ? now : resolution.at();
    return Duration.between(startedAt, end);
  }

  public long id() {
    return id;
  }

  public String title() {
    return title;
  }

  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  public boolean isDrill() {
    return drill;
  }

  public Stamp declared() {
    return declared;
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** The outside system that declared this incident; empty when a person did. */
  public Optional<Origin> origin() {
    return Optional.ofNullable(origin);
  }

  public Severity severity() {
    return severity;
  }

  public IncidentStatus status() {
    return status;
  }

  public boolean isOpen() {
    return status == IncidentStatus.OPEN;
  }

  public Optional<String> channelId() {
    return Optional.ofNullable(channelId);
  }

  public Optional<String> channelName() {
    return Optional.ofNullable(channelName);
  }

  public Optional<String> headerTs() {
    return Optional.ofNullable(headerTs);
  }

  public Optional<String> commander() {
    return Optional.ofNullable(commander);
  }

  public Optional<String> scribe() {
    return Optional.ofNullable(scribe);
  }

  public List<String> engineers() {
    return Collections.unmodifiableList(new ArrayList<>(engineers));
  }

  public Optional<Stamp> acknowledgement() {
    return Optional.ofNullable(acknowledgement);
  }

  public Optional<Response> response() {
    return Optional.ofNullable(response);
  }

  public Optional<Resolution> resolution() {
    return Optional.ofNullable(resolution);
  }

  /** Rebuilds a stored incident; used by repositories. */
  public static final class Builder {
    private long id;
    private String title;
    private String description;
    private Severity severity;
    private IncidentStatus status;
    private boolean drill;
    private Stamp declared;
    private Instant startedAt;
    private Origin origin;
    private String channelId;
    private String channelName;
    private String headerTs;
    private String commander;
    private String scribe;
    private List<String> engineers = List.of();
    private Stamp acknowledgement;
    private Response response;
    private Resolution resolution;

    public Builder id(long id) {
      this.id = id;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder description(String description) {
      this.description = description;
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    public Builder status(IncidentStatus status) {
      this.status = status;
      return this;
    }

    public Builder drill(boolean drill) {
      this.drill = drill;
      return this;
    }

    public Builder declared(Stamp declared) {
      this.declared = declared;
      return this;
    }

    public Builder startedAt(Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    public Builder origin(Origin origin) {
      this.origin = origin;
      return this;
    }

    public Builder channel(String id, String name) {
      this.channelId = id;
      this.channelName = name;
      return this;
    }

    public Builder headerTs(String headerTs) {
      this.headerTs = headerTs;
      return this;
    }

    public Builder commander(String commander) {
      this.commander = commander;
      return this;
    }

    public Builder scribe(String scribe) {
      this.scribe = scribe;
      return this;
    }

    public Builder engineers(List<String> engineers) {
      this.engineers = List.copyOf(engineers);
      return this;
    }

    public Builder acknowledgement(Stamp acknowledgement) {
      this.acknowledgement = acknowledgement;
      return this;
    }

    public Builder response(Response response) {
      this.response = response;
      return this;
    }

    public Builder resolution(Resolution resolution) {
      this.resolution = resolution;
      return this;
    }

    public Incident build() {
      return new Incident(this);
    }
  }
}
