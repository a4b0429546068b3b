package dev.sevzero.incident;

import dev.sevzero.incident.TimelineEntry.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The incident lifecycle use cases. Each one checks the rules and stores the new state, its
 * timeline entry and its {@link IncidentEvent} in one transaction: the subscribers store what the
 * event means for them (due times, deliveries to Slack) inside it, so nothing a change promises is
 * kept only in memory.
 */
public final class IncidentService {

  private final IncidentRepository incidents;
  private final Transactions transactions;
  private final OnCall onCall;
  private final Clock clock;
  private final List<IncidentEvents> subscribers = new CopyOnWriteArrayList<>();

  public IncidentService(
      IncidentRepository incidents, Transactions transactions, OnCall onCall, Clock clock) {
    this.incidents = incidents;
    this.transactions = transactions;
    this.onCall = onCall;
    this.clock = clock;
  }

  /** Subscribers hear events in the order they were added. */
  public void subscribe(IncidentEvents subscriber) {
    subscribers.add(subscriber);
  }

  private void publish(IncidentEvent event) {
    subscribers.forEach(subscriber -> subscriber.on(event));
  }

  /**
   * A declared incident and who was paged for it (nobody when nobody is on call). {@code created}
   * is false when its origin had already declared it: nothing was stored and nobody was told.
   */
  public record Declared(Incident incident, Optional<String> paged, boolean created) {}

  /**
   * A declaration by an outside system (an alert source).
   *
   * @param origin the source and its id for the incident: declaring it again changes nothing
   * @param detectedAt when the source detected the problem; the SLA clock starts there (or at the
   *     declaration, if that is earlier)
   * @param declaredBy the source's name, shown as the declarer
   */
  public record Detection(
      Origin origin,
      Instant detectedAt,
      String declaredBy,
      String title,
      String description,
      Severity severity) {}

  public Declared declare(
      String title, String description, Severity severity, boolean drill, String declaredBy) {
    return declare(
        now -> new Incident.Declaration(title, description, severity, drill, declaredBy, now));
  }

  /** Declares an incident an outside system detected, once per origin. */
  public Declared declare(Detection detection) {
    return declare(
        now ->
            new Incident.Declaration(
                detection.title(),
                detection.description(),
                detection.severity(),
                false,
                detection.declaredBy(),
                now,
                detection.detectedAt(),
                Optional.of(detection.origin())));
  }

  private Declared declare(Function<Instant, Incident.Declaration> declarationAt) {
    Instant now = clock.instant();
    Incident.Declaration declaration = declarationAt.apply(now);
    // One transaction: a declaration is on the path of a slash command's ack, and every commit
    // holds the database that a burst of declarations queues for.
    Declared declared =
        transactions.inTransaction(
            () -> {
              Optional<Incident> already = declaration.origin().flatMap(incidents::findByOrigin);
              if (already.isPresent()) {
                return new Declared(already.get(), Optional.empty(), false);
              }
              Optional<String> paged = onCall.at(now);
              Incident stored = incidents.insert(declaration);
              String what =
                  (stored.isDrill() ? "Drill" : "Incident")
                      + " declared ("
                      + stored.severity().label()
                      + "): "
                      + stored.title();
              incidents.append(
                  new TimelineEntry(
                      stored.id(), now, declaration.declaredBy(), Kind.DECLARED, what));
              paged.ifPresent(
                  user ->
                      incidents.append(
                          new TimelineEntry(
                              stored.id(),
                              now,
                              TimelineEntry.SEVZERO,
                              Kind.PAGED,
                              "Paged <@" + user + ">")));
              publish(new IncidentEvent.Declared(stored, paged));
              return new Declared(stored, paged, true);
            });
    return declared;
  }

  /** Records the incident's channel, once Slack has made it. */
  public void channelReady(long id, String channelId, String channelName) {
    incidents.attachChannel(id, channelId, channelName);
  }

  /** Records the incident's pinned header message, once Slack has posted it. */
  public void headerPosted(long id, String ts) {
    incidents.attachHeader(id, ts);
  }

  public Acknowledgement acknowledge(long id, String user) {
    Acknowledgement result =
        transactions.inTransaction(
            () -> {
              Incident incident = requireForChange(id);
              Instant now = clock.instant();
              boolean first = incident.acknowledgement().isEmpty();
              incident.acknowledge(user, now);
              Incident.Stamp firstAck = incident.acknowledgement().orElseThrow();
              incidents.save(incident);
              String text =
                  first ? "Acknowledged" : "Acknowledged again (first by <@" + firstAck.by() + ">)";
              incidents.append(new TimelineEntry(id, now, user, Kind.ACKNOWLEDGED, text));
              if (first) {
                publish(
                    new IncidentEvent.EntryRecorded(
                        incident,
                        new TimelineEntry(id, now, user, Kind.ACKNOWLEDGED, "Acknowledged")));
              }
              return new Acknowledgement(
                  incident,
                  first,
                  firstAck.by(),
                  Duration.between(incident.startedAt(), firstAck.at()));
            });
    return result;
  }

  /**
   * Gives {@code role} to {@code users} (a commander or scribe takes over from the previous one;
   * engineers are added).
   *
   * @return the people who did not already hold the role
   */
  public List<String> assign(long id, Role role, List<String> users, String actor) {
    if (role != Role.ENGINEER && users.size() != 1) {
      throw new IllegalArgumentException("one " + role.title() + " at a time");
    }
    List<String> joined = new ArrayList<>();
    Incident incident =
        transactions.inTransaction(
            () -> {
              Incident current = requireForChange(id);
              Instant now = clock.instant();
              for (String user : users) {
                if (current.assign(role, user, now)) {
                  joined.add(user);
                  String who =
                      user.equals(actor)
                          ? "<@" + user + "> took"
                          : "<@" + actor + "> made <@" + user + ">";
                  incidents.append(
                      new TimelineEntry(id, now, actor, Kind.ROLE, who + " " + role.title()));
                }
              }
              if (!joined.isEmpty()) {
                incidents.save(current);
                publish(new IncidentEvent.RolesAssigned(current, role, List.copyOf(joined), now));
              }
              return current;
            });
    return joined;
  }

  public TimelineEntry note(long id, String actor, String text) {
    return record(id, actor, Kind.NOTE, text, incident -> incident.requireOpen("add notes to"));
  }

  /**
   * News from the incident's alert group on its timeline: {@link Kind#ALERT} (an alert firing) or
   * {@link Kind#ALERTS_RESOLVED}.
   */
  public TimelineEntry recordAlert(long id, String source, Kind kind, String text) {
    if (kind != Kind.ALERT && kind != Kind.ALERTS_RESOLVED) {
      throw new IllegalArgumentException("not an alert entry: " + kind);
    }
    return record(id, source, kind, text, incident -> incident.requireOpen("add alerts to"));
  }

  public void changeSeverity(long id, String actor, Severity severity) {
    transactions.inTransaction(
        () -> {
          Incident current = requireForChange(id);
          Instant now = clock.instant();
          Severity previous = current.severity();
          if (previous == severity) {
            throw new IncidentException(current.key() + " is already " + severity.label() + ".");
          }
          current.changeSeverity(severity);
          incidents.save(current);
          String text = "Severity " + previous.label() + " → " + severity.label();
          incidents.append(new TimelineEntry(id, now, actor, Kind.SEVERITY, text));
          publish(new IncidentEvent.SeverityChanged(current, previous));
          return null;
        });
  }

  public StatusUpdate postUpdate(long id, String actor, UpdateStatus status, String text) {
    return transactions.inTransaction(
        () -> {
          Incident current = requireForChange(id);
          Instant now = clock.instant();
          current.recordUpdate(actor, now);
          incidents.save(current);
          StatusUpdate update = incidents.insertUpdate(id, now, actor, status, text);
          String line = "Update #" + update.number() + " (" + status.label() + "): " + text;
          incidents.append(new TimelineEntry(id, now, actor, Kind.UPDATE, line));
          publish(new IncidentEvent.UpdatePosted(current, update));
          return update;
        });
  }

  public Incident resolve(long id, String actor, String summary) {
    return transactions.inTransaction(
        () -> {
          Incident current = requireForChange(id);
          Instant now = clock.instant();
          current.resolve(actor, now, summary);
          incidents.save(current);
          incidents.append(
              new TimelineEntry(
                  id,
                  now,
                  actor,
                  Kind.RESOLVED,
                  summary == null ? "Resolved" : "Resolved: " + summary));
          publish(new IncidentEvent.Resolved(current));
          return current;
        });
  }

  public Incident reopen(long id, String actor) {
    return transactions.inTransaction(
        () -> {
          Incident current = requireForChange(id);
          Instant now = clock.instant();
          current.reopen();
          incidents.save(current);
          incidents.append(new TimelineEntry(id, now, actor, Kind.REOPENED, "Reopened"));
          publish(new IncidentEvent.Reopened(current));
          return current;
        });
  }

  public Optional<Incident> find(long id) {
    return incidents.find(id);
  }

  /** The incident an outside system declared, if it did. */
  public Optional<Incident> findByOrigin(Origin origin) {
    return incidents.findByOrigin(origin);
  }

  public Optional<Incident> findByChannel(String channelId) {
    return incidents.findByChannel(channelId);
  }

  public List<Incident> open() {
    return incidents.open();
  }

  public List<OpenIncident> openAtAGlance() {
    return incidents.openAtAGlance();
  }

  public List<TimelineEntry> timeline(long id) {
    return incidents.timeline(id);
  }

  public List<StatusUpdate> updates(long id) {
    return incidents.updates(id);
  }

  private TimelineEntry record(
      long id, String actor, Kind kind, String text, Consumer<Incident> check) {
    return transactions.inTransaction(
        () -> {
          // Held too: the check still holds when the entry is stored (no note lands on an
          // incident another replica has just resolved).
          Incident current = requireForChange(id);
          check.accept(current);
          TimelineEntry entry = new TimelineEntry(id, clock.instant(), actor, kind, text);
          incidents.append(entry);
          publish(new IncidentEvent.EntryRecorded(current, entry));
          return entry;
        });
  }

  /**
   * The incident a use case is about to change, held until its transaction ends: two replicas
   * changing one incident at the same moment take turns, instead of the later save overwriting the
   * earlier one's change with what it read before. Use cases read the clock after it, so that
   * changes that had to wait are stamped in the order they are stored.
   */
  private Incident requireForChange(long id) {
    return incidents
        .findForChange(id)
        .orElseThrow(() -> new IncidentException("There is no incident INC-" + id + "."));
  }
}
