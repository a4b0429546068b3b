package dev.sevzero.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.alerts.Alert;
import dev.sevzero.alerts.AlertIntake;
import dev.sevzero.alerts.AlertNotification;
import dev.sevzero.alerts.AlertSource;
import dev.sevzero.alerts.SeverityMap;
import dev.sevzero.config.ExerciseSettings;
import dev.sevzero.exercises.BuiltInScenarios;
import dev.sevzero.exercises.ChecklistStep;
import dev.sevzero.exercises.Drill;
import dev.sevzero.exercises.DrillRequest;
import dev.sevzero.exercises.ExerciseKind;
import dev.sevzero.exercises.ExerciseListener;
import dev.sevzero.exercises.ExerciseReminders;
import dev.sevzero.exercises.ExerciseService;
import dev.sevzero.exercises.Reminder;
import dev.sevzero.exercises.ReminderStart;
import dev.sevzero.exercises.TickResult;
import dev.sevzero.followups.FollowupNudges;
import dev.sevzero.followups.NewFollowup;
import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentException;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.MessageCapture;
import dev.sevzero.incident.OnCall;
import dev.sevzero.incident.Role;
import dev.sevzero.incident.Severity;
import dev.sevzero.incident.StatusUpdate;
import dev.sevzero.incident.TimelineEntry;
import dev.sevzero.incident.TimelineEntry.Kind;
import dev.sevzero.incident.Transactions;
import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.incident.UpdateStatus;
import dev.sevzero.postmortem.PublishedPage;
import dev.sevzero.rotation.Handoff;
import dev.sevzero.rotation.HandoffContext;
import dev.sevzero.rotation.HandoffReason;
import dev.sevzero.rotation.NewHandoff;
import dev.sevzero.rotation.OncallOverride;
import dev.sevzero.rotation.OncallService;
import dev.sevzero.rotation.RotationListener;
import dev.sevzero.scheduling.quartz.QuartzCronCalendar;
import dev.sevzero.sla.IncidentFacts;
import dev.sevzero.testing.ManualScheduler;
import dev.sevzero.testing.MutableClock;
import dev.sevzero.updates.UpdateCadence;
import dev.sevzero.updates.UpdateDueRepository;
import dev.sevzero.updates.UpdatePrompts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same migrations and repositories on a real PostgreSQL (embedded, from Maven artifacts), with
 * two connections standing in for two bot replicas: what several replicas need stays possible.
 */
class PostgresIT {

  /** Racing replicas: two of them, each with this many threads making this many calls. */
  private static final int THREADS = 3;

  private static final int CALLS_PER_THREAD = 4;
  private static final int CALLS = 2 * THREADS * CALLS_PER_THREAD;

  private static EmbeddedPostgres postgres;
  private static int schemas;

  private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
  private String url;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  /** A fresh database per test, so tests do not see each other's rows. */
  @BeforeEach
  void freshDatabase() throws Exception {
    url = createDatabase();
  }

  /** The URL of a new, empty database. */
  private static String createDatabase() throws Exception {
    String name = "sevzero_" + ++schemas;
    try (var connection = postgres.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    }
    return postgres.getJdbcUrl("postgres", name);
  }

  @Test
  void replicasStartingAtOnceOnAFreshDatabaseMigrateItOnce() throws Exception {
    // A few fresh databases: the race is between the first replicas to read the schema version.
    for (int attempt = 0; attempt < 3; attempt++) {
      List<Database> replicas = new CopyOnWriteArrayList<>();
      try {
        String fresh = createDatabase();
        atOnce(List.of(fresh, fresh), (database, n) -> replicas.add(Database.open(database)));

        assertThat(replicas).hasSize(CALLS);
        assertThat(numbers(replicas.get(0), "SELECT version FROM schema_version ORDER BY version"))
            .containsExactlyElementsOf(oneTo(Migrations.FILES.size()));
      } finally {
        replicas.forEach(Database::close);
      }
    }
  }

  @Test
  void theIncidentLifecycleIsStoredAndReadBack() {
    try (Database database = Database.open(url)) {
      IncidentService incidents = incidents(database);
      long id =
          incidents.declare("db down", "primary lost", Severity.SEV0, false, "UA").incident().id();
      clock.advance(Duration.ofMinutes(3));
      incidents.assign(id, Role.COMMANDER, List.of("UB"), "UB");
      incidents.assign(id, Role.ENGINEER, List.of("UC", "UD"), "UB");
      incidents.acknowledge(id, "UC");
      incidents.postUpdate(id, "UB", UpdateStatus.IDENTIFIED, "failing over");
      clock.advance(Duration.ofMinutes(20));
      incidents.resolve(id, "UB", "failed over");

      Incident stored = incidents.find(id).orElseThrow();
      assertThat(stored.response().orElseThrow().time()).isEqualTo(Duration.ofMinutes(3));
      assertThat(stored.response().orElseThrow().by()).isEqualTo("UB");
      assertThat(stored.engineers()).containsExactly("UC", "UD");
      assertThat(stored.isOpen()).isFalse();
      assertThat(incidents.timeline(id))
          .extracting(entry -> entry.kind().code())
          .containsExactly(
              "declared", "role", "role", "role", "acknowledged", "update", "resolved");
      assertThat(incidents.updates(id)).extracting(u -> u.text()).containsExactly("failing over");

      List<IncidentFacts> month =
          new JdbcSlaRepository(database)
              .incidentsDeclaredBetween(
                  Instant.parse("2026-11-01T07:00:00Z"), Instant.parse("2026-12-01T08:00:00Z"));
      assertThat(month).hasSize(1);
    }
  }

  @Test
  void theListOfOpenIncidentsShowsWhatAnotherReplicaChanged() {
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      IncidentService first = incidents(one);
      IncidentService second = incidents(two);
      long id = first.declare("db down", null, Severity.SEV1, false, "UA").incident().id();
      assertThat(second.openAtAGlance())
          .singleElement()
          .satisfies(i -> assertThat(i.acknowledged()).isFalse());

      first.acknowledge(id, "UC");
      assertThat(second.openAtAGlance())
          .singleElement()
          .satisfies(i -> assertThat(i.acknowledged()).isTrue());
      first.resolve(id, "UB", "failed over");
      assertThat(second.openAtAGlance()).isEmpty();
    }
  }

  @Test
  void twoReplicasSendEachUpdatePromptOnce() {
    List<String> said = new CopyOnWriteArrayList<>();
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      IncidentService first = incidents(one);
      UpdateCadence cadenceOne = cadence(one, first, said);
      UpdateCadence cadenceTwo = cadence(two, incidents(two), said);
      first.subscribe(cadenceOne);
      long id = first.declare("api errors", null, Severity.SEV1, false, "UA").incident().id();

      clock.advance(Duration.ofMinutes(30));
      cadenceOne.tick();
      cadenceTwo.tick();
      clock.advance(Duration.ofMinutes(5));
      cadenceTwo.tick();
      cadenceOne.tick();

      assertThat(said).containsExactly("prompt " + id, "missed " + id);
      assertThat(cadenceTwo.compliance(id)).isEqualTo(new UpdateCompliance(0, 0, 1));
    }
  }

  @Test
  void twoReplicasPerformAMissedHandoffOnce() {
    List<String> handedOff = new CopyOnWriteArrayList<>();
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      rotation(one, handedOff).add("UADMIN", "UA", OptionalInt.empty());
      rotation(one, handedOff).add("UADMIN", "UB", OptionalInt.empty());
      handedOff.clear();

      clock.set(Instant.parse("2026-12-16T21:00:00Z"));
      rotation(one, handedOff).handoffIfDue();
      rotation(two, handedOff).handoffIfDue();

      assertThat(handedOff).containsExactly("UA->UB");
      assertThat(rotation(two, handedOff).onCallNow()).contains("UB");
    }
  }

  @Test
  void twoReplicasRemindEachOwnerOfOverdueFollowUpsOncePerWeek() {
    List<String> reminded = new CopyOnWriteArrayList<>();
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      long id =
          incidents(one).declare("api errors", null, Severity.SEV1, false, "UA").incident().id();
      new JdbcFollowupRepository(one)
          .insert(
              new NewFollowup(
                  id,
                  "alert on lag",
                  Optional.of("UB"),
                  Optional.of(LocalDate.of(2026, 11, 20)),
                  "UA"),
              clock.instant());

      for (Database replica : List.of(one, two, one)) {
        new FollowupNudges(
                new JdbcFollowupRepository(replica),
                (owner, overdue) -> reminded.add(owner + " " + overdue.size()),
                new DatabaseTransactions(replica),
                clock,
                ZoneId.of("America/Los_Angeles"))
            .remindDue();
      }

      assertThat(reminded).containsExactly("UB 1");
    }
  }

  @Test
  void aMessageCapturedByTwoReplicasIsOnTheTimelineOnceAndThePagePublishedIsUpdatedInPlace() {
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      IncidentService incidents = incidents(one);
      long id = incidents.declare("api errors", null, Severity.SEV1, false, "UA").incident().id();
      incidents.channelReady(id, "C1", "inc-1-api-errors");
      MessageCapture.Message said =
          new MessageCapture.Message(
              "C1", "1795514460.000100", "UB", Instant.parse("2026-11-24T10:01:00Z"), "lag");

      for (Database replica : List.of(one, two)) {
        new MessageCapture(
                new JdbcIncidentRepository(replica),
                new JdbcCapturedMessageRepository(replica),
                new DatabaseTransactions(replica),
                clock)
            .capture(said, "UC");
      }
      new JdbcPublishedPages(one)
          .save(id, new PublishedPage("p1", "https://x/1"), Optional.empty());
      new JdbcPublishedPages(two)
          .save(id, new PublishedPage("p1", "https://x/1"), Optional.of(clock.instant()));

      assertThat(incidents.timeline(id))
          .extracting(entry -> entry.kind())
          .containsExactly(Kind.DECLARED, Kind.MESSAGE);
      assertThat(new JdbcPublishedPages(one).find(id))
          .contains(new PublishedPage("p1", "https://x/1"));
    }
  }

  @Test
  void twoReplicasDeclaringAtOnceGetDistinctSequentialIds() throws Exception {
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      List<Long> ids =
          atOnce(
              List.of(incidents(one), incidents(two)),
              (replica, n) ->
                  replica.declare("outage " + n, null, Severity.SEV2, false, "UA").incident().id());

      assertThat(ids).containsExactlyInAnyOrderElementsOf(oneTo(ids.size()));
      assertThat(ids).hasSize(CALLS);
    }
  }

  @Test
  void twoReplicasReceivingOneAlertGroupAtOnceDeclareItOnce() throws Exception {
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      AlertNotification firing =
          new AlertNotification(
              AlertSource.ALERTMANAGER,
              "{}:{alertname=\"HighLatency\"}",
              true,
              Map.of("alertname", "HighLatency", "severity", "critical"),
              Map.of(),
              List.of(
                  new Alert(
                      "f1",
                      true,
                      Map.of("alertname", "HighLatency"),
                      Map.of(),
                      clock.instant().minus(Duration.ofMinutes(2)),
                      Optional.empty())));

      List<AlertIntake.Result> results =
          atOnce(
              List.of(alertIntake(one), alertIntake(two)),
              (intake, n) -> intake.receive(firing).result());

      assertThat(results).containsOnlyOnce(AlertIntake.Result.DECLARED).hasSize(CALLS);
      assertThat(incidents(one).open()).hasSize(1);
      assertThat(incidents(two).open().get(0).startedAt())
          .isEqualTo(clock.instant().minus(Duration.ofMinutes(2)));
    }
  }

  private AlertIntake alertIntake(Database database) {
    return new AlertIntake(
        incidents(database),
        new JdbcAlertGroups(database),
        new DatabaseTransactions(database),
        new SeverityMap(Map.of("critical", Severity.SEV0)),
        new AlertIntake.Settings(false, Duration.ofHours(1)),
        clock);
  }

  @Test
  void twoReplicasWritingToOneIncidentAtOnceNumberEveryEntryAndUpdate() throws Exception {
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      IncidentService first = incidents(one);
      long id = first.declare("api errors", null, Severity.SEV1, false, "UA").incident().id();

      atOnce(
          List.of(first, incidents(two)),
          (replica, n) ->
              n % 2 == 0
                  ? replica.note(id, "UA", "note " + n)
                  : replica.postUpdate(id, "UB", UpdateStatus.INVESTIGATING, "update " + n));

      assertThat(first.updates(id))
          .extracting(StatusUpdate::number)
          .map(Integer::longValue)
          .containsExactlyElementsOf(oneTo(CALLS / 2));
      assertThat(numbers(one, "SELECT seq FROM timeline_entry ORDER BY seq"))
          .containsExactlyElementsOf(oneTo(1 + CALLS));
    }
  }

  @Test
  void twoReplicasChangingOneIncidentAtOnceKeepEveryChange() throws Exception {
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      IncidentService first = incidents(one);
      List<Long> ids = new ArrayList<>();
      for (int i = 0; i < CALLS_PER_THREAD; i++) {
        ids.add(first.declare("api errors " + i, null, Severity.SEV1, false, "UA").incident().id());
      }

      // Each thread makes one kind of change, on each incident in turn: every incident gets six
      // different changes from both replicas at the same moment.
      atOnce(
          List.of(first, incidents(two)),
          (replica, n) -> {
            long id = ids.get(n % CALLS_PER_THREAD);
            switch (n / CALLS_PER_THREAD) {
              case 0 -> replica.assign(id, Role.COMMANDER, List.of("UC"), "UC");
              case 1 -> replica.assign(id, Role.SCRIBE, List.of("US"), "US");
              case 2 -> replica.acknowledge(id, "UK");
              case 3 -> replica.changeSeverity(id, "UX", Severity.SEV0);
              case 4 -> replica.assign(id, Role.ENGINEER, List.of("UE"), "UE");
              default -> replica.postUpdate(id, "UU", UpdateStatus.INVESTIGATING, "looking");
            }
            return null;
          });

      for (long id : ids) {
        Incident stored = first.find(id).orElseThrow();
        assertThat(stored.commander()).as("commander of %d", id).contains("UC");
        assertThat(stored.scribe()).as("scribe of %d", id).contains("US");
        assertThat(stored.acknowledgement()).as("ack of %d", id).isPresent();
        assertThat(stored.severity()).as("severity of %d", id).isEqualTo(Severity.SEV0);
        assertThat(stored.engineers()).as("engineers of %d", id).containsExactly("UE");
        assertThat(stored.response().map(Incident.Response::by))
            .as("first response to %d", id)
            .contains(firstResponder(first, id));
      }
    }
  }

  @Test
  void twoReplicasPostingUpdatesOnOneIncidentAtOnceLeaveItOnePendingDue() throws Exception {
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      List<IncidentService> replicas = withCadence(one, two);
      IncidentService first = replicas.get(0);
      long id = first.declare("api errors", null, Severity.SEV0, false, "UA").incident().id();

      atOnce(
          replicas,
          (replica, n) ->
              replica.postUpdate(id, "U" + n % 2, UpdateStatus.INVESTIGATING, "update " + n));

      assertThat(pendingDues(one, id)).as("pending dues").hasSize(1);
      assertThat(cadence(one, first, new ArrayList<>()).compliance(id))
          .isEqualTo(new UpdateCompliance(CALLS, 0, 0));
      // Each update is stamped after it got the incident, so Update #k+1 is never older than #k.
      assertThat(first.updates(id))
          .extracting(StatusUpdate::postedAt)
          .isSortedAccordingTo(Comparator.naturalOrder());
    }
  }

  @Test
  void twoReplicasChangingSeverityWhilePostingUpdatesLeaveOnePendingDueOnlyWhileOneIsRequired()
      throws Exception {
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      List<IncidentService> replicas = withCadence(one, two);
      IncidentService first = replicas.get(0);
      long id = first.declare("api errors", null, Severity.SEV1, false, "UA").incident().id();

      // Severity goes back and forth between needing updates and not, while updates are posted.
      for (int round = 1; round <= 20; round++) {
        atOnce(
            replicas,
            (replica, n) -> {
              try {
                switch (n % 3) {
                  case 0 -> replica.changeSeverity(id, "UX", Severity.SEV2);
                  case 1 -> replica.changeSeverity(id, "UX", Severity.SEV1);
                  default -> replica.postUpdate(id, "UU", UpdateStatus.INVESTIGATING, "looking");
                }
              } catch (IncidentException alreadyThatSeverity) {
                // the other replica got there first
              }
              return null;
            });

        Severity severity = first.find(id).orElseThrow().severity();
        assertThat(pendingDues(one, id))
            .as("pending dues of a %s after round %d", severity.label(), round)
            .hasSize(severity.requiresUpdates() ? 1 : 0);
      }
    }
  }

  @Test
  void anUpdatePostedAsAnotherReplicaRecordsItsDueMissedAnswersTheDueThatTookItsPlace() {
    List<String> said = new CopyOnWriteArrayList<>();
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      IncidentService first = incidents(one);
      AtomicReference<Runnable> meanwhile = new AtomicReference<>();
      first.subscribe(
          cadence(
              interleaving(new JdbcUpdateDueRepository(one), meanwhile),
              first,
              new DatabaseTransactions(one),
              clock,
              said));
      UpdateCadence cadenceTwo = cadence(two, incidents(two), said);
      long id = first.declare("api errors", null, Severity.SEV1, false, "UA").incident().id();
      clock.advance(Duration.ofMinutes(30));
      cadenceTwo.tick();

      // The grace is over just as the update is posted: replica two records the due missed
      // between replica one reading it as pending and answering it.
      clock.advance(Duration.ofMinutes(5));
      meanwhile.set(cadenceTwo::tick);
      first.postUpdate(id, "UB", UpdateStatus.IDENTIFIED, "found it");

      assertThat(said).containsExactly("prompt " + id, "missed " + id);
      assertThat(pendingDues(one, id))
          .containsExactly(clock.instant().plus(Duration.ofMinutes(30)).toEpochMilli());
      assertThat(cadenceTwo.compliance(id)).isEqualTo(new UpdateCompliance(1, 0, 1));
    }
  }

  @Test
  void twoReplicasRecordingHandoffsAtOnceGetDistinctSequentialIds() throws Exception {
    Instant monday = Instant.parse("2026-11-30T20:00:00Z");
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      List<Optional<Handoff>> recorded =
          atOnce(
              List.of(new JdbcRotationRepository(one), new JdbcRotationRepository(two)),
              (replica, n) ->
                  replica.recordHandoff(
                      n % 4 == 0
                          ? new NewHandoff(monday, "UA", "UB", HandoffReason.SCHEDULED, monday)
                          : new NewHandoff(monday, "UB", "UC", HandoffReason.MANUAL, null)));

      List<Long> ids = recorded.stream().flatMap(Optional::stream).map(Handoff::id).toList();
      assertThat(ids).containsExactlyInAnyOrderElementsOf(oneTo(CALLS * 3 / 4 + 1));
    }
  }

  @Test
  void twoReplicasRemindOfAnExerciseOnceAndKeepTheFirstTickOfAStep() throws Exception {
    List<String> reminded = new CopyOnWriteArrayList<>();
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      ExerciseReminders first = reminders(one, reminded);
      ExerciseReminders second = reminders(two, reminded);
      ExerciseReminders.Schedule tabletop = tabletopSchedule();
      first.remindIfDue(tabletop);

      clock.set(Instant.parse("2026-12-01T18:00:00Z"));
      atOnce(List.of(first, second), (replica, n) -> replica.remindIfDue(tabletop));

      assertThat(reminded).containsExactly("tabletop lb-failure");

      ExerciseService exercises = exercises(one);
      ExerciseService otherReplica = exercises(two);
      long drill =
          exercises
              .start(
                  DrillRequest.of(
                      ExerciseKind.TABLETOP,
                      BuiltInScenarios.library().find("lb-failure").orElseThrow(),
                      Severity.SEV2,
                      Optional.empty(),
                      "UA"))
              .incident()
              .id();
      List<TickResult> ticks =
          atOnce(
              List.of(exercises, otherReplica),
              (replica, n) -> replica.tick(drill, 3, n % 2 == 0 ? "UA" : "UB"));
      assertThat(ticks).filteredOn(TickResult.Ticked.class::isInstance).hasSize(1);
      assertThat(incidents(two).timeline(drill))
          .filteredOn(entry -> entry.kind() == TimelineEntry.Kind.CHECKLIST)
          .hasSize(1);
    }
  }

  @Test
  void twoReplicasPressingStartDrillAtOnceStartOneDrill() throws Exception {
    try (Database one = Database.open(url);
        Database two = Database.open(url)) {
      clock.set(Instant.parse("2026-12-01T18:00:00Z"));
      reminders(one, new CopyOnWriteArrayList<>()).remindIfDue(tabletopSchedule());
      DrillRequest press =
          DrillRequest.of(
              ExerciseKind.TABLETOP,
              BuiltInScenarios.library().find("lb-failure").orElseThrow(),
              Severity.SEV0,
              Optional.empty(),
              "UA");

      List<ReminderStart> presses =
          atOnce(
              List.of(exercises(one), exercises(two)),
              (replica, n) -> replica.startFromReminder(press));

      List<Long> started =
          presses.stream()
              .filter(ReminderStart.Started.class::isInstance)
              .map(p -> ((ReminderStart.Started) p).declared().incident().id())
              .toList();
      assertThat(started).hasSize(1);
      assertThat(presses)
          .filteredOn(ReminderStart.AlreadyStarted.class::isInstance)
          .hasSize(CALLS - 1)
          .allSatisfy(
              p ->
                  assertThat(((ReminderStart.AlreadyStarted) p).drill().id())
                      .isEqualTo(started.get(0)));
      assertThat(numbers(one, "SELECT id FROM incident")).containsExactly(started.get(0));
      assertThat(numbers(two, "SELECT incident_id FROM drill")).containsExactly(started.get(0));
    }
  }

  private ExerciseReminders.Schedule tabletopSchedule() {
    return new ExerciseReminders.Schedule(
        ExerciseKind.TABLETOP,
        ExerciseSettings.DEFAULT_TABLETOP_CRON,
        new QuartzCronCalendar(
            ExerciseSettings.DEFAULT_TABLETOP_CRON, ZoneId.of("America/Los_Angeles")));
  }

  private ExerciseReminders reminders(Database database, List<String> reminded) {
    return new ExerciseReminders(
        List.of(tabletopSchedule()),
        BuiltInScenarios.library(),
        new JdbcDrillRepository(database),
        new DatabaseTransactions(database),
        clock,
        new ExerciseListener() {
          @Override
          public void reminderDue(Reminder reminder) {
            reminded.add(reminder.kind().code() + " " + reminder.scenario().id());
          }

          @Override
          public void stepTicked(Drill drill, ChecklistStep step) {}
        });
  }

  private ExerciseService exercises(Database database) {
    return new ExerciseService(
        BuiltInScenarios.library(),
        new JdbcDrillRepository(database),
        incidents(database),
        new JdbcIncidentRepository(database),
        new DatabaseTransactions(database),
        clock);
  }

  /** One call made by a replica; {@code n} (0, 1, 2…) tells the calls apart. */
  @FunctionalInterface
  private interface Call<R, T> {
    T make(R replica, int n) throws Exception;
  }

  /**
   * Makes {@link #CALLS} calls from {@link #THREADS} threads on each replica, all released at the
   * same moment, and returns their results; a call that failed fails the test.
   */
  private static <R, T> List<T> atOnce(List<R> replicas, Call<R, T> call) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(replicas.size() * THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<T> results = new CopyOnWriteArrayList<>();
    List<Exception> failures = new CopyOnWriteArrayList<>();
    List<Future<?>> running = new ArrayList<>();
    try {
      for (int thread = 0; thread < replicas.size() * THREADS; thread++) {
        R replica = replicas.get(thread % replicas.size());
        int first = thread * CALLS_PER_THREAD;
        running.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int n = first; n < first + CALLS_PER_THREAD; n++) {
                    try {
                      results.add(call.make(replica, n));
                    } catch (Exception e) {
                      failures.add(e);
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> thread : running) {
        thread.get(1, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(failures).isEmpty();
    return results;
  }

  private static List<Long> oneTo(long last) {
    return LongStream.rangeClosed(1, last).boxed().toList();
  }

  /** Who responded first according to the timeline (an ack, a role taken or an update). */
  private static String firstResponder(IncidentService incidents, long id) {
    return incidents.timeline(id).stream()
        .filter(
            entry -> EnumSet.of(Kind.ACKNOWLEDGED, Kind.ROLE, Kind.UPDATE).contains(entry.kind()))
        .findFirst()
        .orElseThrow()
        .actor();
  }

  /** The numbers in the first column of {@code query}'s rows, in order. */
  private static List<Long> numbers(Database database, String query) {
    return database.transaction(
        connection -> {
          List<Long> numbers = new ArrayList<>();
          try (var statement = connection.createStatement();
              var rows = statement.executeQuery(query)) {
            while (rows.next()) {
              numbers.add(rows.getLong(1));
            }
          }
          return numbers;
        });
  }

  private IncidentService incidents(Database database) {
    return incidents(database, clock);
  }

  private static IncidentService incidents(Database database, Clock clock) {
    return new IncidentService(
        new JdbcIncidentRepository(database),
        new DatabaseTransactions(database),
        OnCall.NOBODY,
        clock);
  }

  /**
   * Each replica's incidents with its update cadence listening, on a clock that gives each change
   * its own instant, as people's have: each update then answers a due of its own.
   */
  private List<IncidentService> withCadence(Database... replicas) {
    Clock ticking = eachReadLater(clock);
    List<IncidentService> services = new ArrayList<>();
    for (Database database : replicas) {
      IncidentService incidents = incidents(database, ticking);
      incidents.subscribe(
          cadence(
              new JdbcUpdateDueRepository(database),
              incidents,
              new DatabaseTransactions(database),
              ticking,
              new ArrayList<>()));
      services.add(incidents);
    }
    return services;
  }

  /** {@code clock}, one millisecond later at each read: no two reads give the same instant. */
  private static Clock eachReadLater(Clock clock) {
    AtomicLong reads = new AtomicLong();
    return new Clock() {
      @Override
      public Instant instant() {
        return clock.instant().plusMillis(reads.incrementAndGet());
      }

      @Override
      public ZoneId getZone() {
        return clock.getZone();
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }
    };
  }

  /**
   * {@code dues}, running what {@code meanwhile} holds (once) right after a pending due is read.
   */
  private static UpdateDueRepository interleaving(
      UpdateDueRepository dues, AtomicReference<Runnable> meanwhile) {
    return (UpdateDueRepository)
        Proxy.newProxyInstance(
            UpdateDueRepository.class.getClassLoader(),
            new Class<?>[] {UpdateDueRepository.class},
            (proxy, method, args) -> {
              Object result;
              try {
                result = method.invoke(dues, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              Runnable once = method.getName().equals("pending") ? meanwhile.getAndSet(null) : null;
              if (once != null) {
                once.run();
              }
              return result;
            });
  }

  /** The due times of the incident's pending updates. */
  private static List<Long> pendingDues(Database database, long id) {
    return numbers(
        database,
        "SELECT due_at FROM update_due WHERE outcome IS NULL AND incident_id = "
            + id
            + " ORDER BY due_at");
  }

  private UpdateCadence cadence(Database database, IncidentService incidents, List<String> said) {
    return cadence(
        new JdbcUpdateDueRepository(database),
        incidents,
        new DatabaseTransactions(database),
        clock,
        said);
  }

  private static UpdateCadence cadence(
      UpdateDueRepository dues,
      IncidentService incidents,
      Transactions transactions,
      Clock clock,
      List<String> said) {
    UpdatePrompts prompts =
        new UpdatePrompts() {
          @Override
          public void prompt(Incident incident, Instant dueAt) {
            said.add("prompt " + incident.id());
          }

          @Override
          public void missed(Incident incident, Instant dueAt) {
            said.add("missed " + incident.id());
          }
        };
    return new UpdateCadence(
        dues,
        incidents,
        transactions,
        new ManualScheduler(clock),
        prompts,
        clock,
        Duration.ofMinutes(30),
        Duration.ofMinutes(5));
  }

  private OncallService rotation(Database database, List<String> handedOff) {
    RotationListener listener =
        new RotationListener() {
          @Override
          public void handedOff(Handoff handoff, HandoffContext context) {
            handedOff.add(handoff.from() + "->" + handoff.to());
          }

          @Override
          public void overrideStarted(OncallOverride override) {}

          @Override
          public void overrideEnded(OncallOverride override, Optional<String> onCallNow) {}

          @Override
          public void handoffReminder(Handoff handoff) {}

          @Override
          public void handoffUnconfirmed(Handoff handoff) {}
        };
    return new OncallService(
        new JdbcRotationRepository(database),
        new QuartzCronCalendar("0 0 12 ? * MON", ZoneId.of("America/Los_Angeles")),
        clock,
        listener,
        List.of());
  }
}
