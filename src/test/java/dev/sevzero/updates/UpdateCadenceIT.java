package dev.sevzero.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentEvent;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.OnCall;
import dev.sevzero.incident.Role;
import dev.sevzero.incident.Severity;
import dev.sevzero.incident.UpdateCompliance;
import dev.sevzero.incident.UpdateStatus;
import dev.sevzero.persistence.Database;
import dev.sevzero.persistence.DatabaseTransactions;
import dev.sevzero.persistence.JdbcIncidentRepository;
import dev.sevzero.persistence.JdbcUpdateDueRepository;
import dev.sevzero.testing.ManualScheduler;
import dev.sevzero.testing.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The due-time arithmetic and exactly-once claims of SPEC §5, on a real SQLite file. */
class UpdateCadenceIT {

  static final Duration INTERVAL = Duration.ofMinutes(30);
  static final Duration GRACE = Duration.ofMinutes(5);
  static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  /** What the cadence asked Slack to say. */
  record Said(String kind, long incident, Instant due) {}

  static final class RecordingPrompts implements UpdatePrompts {
    final List<Said> said = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override
    public void prompt(Incident incident, Instant dueAt) {
      say("prompt", incident, dueAt);
    }

    @Override
    public void missed(Incident incident, Instant dueAt) {
      say("missed", incident, dueAt);
    }

    /** Stored in the claim's transaction: failing undoes the claim. */
    private void say(String kind, Incident incident, Instant dueAt) {
      if (failing) {
        throw new IllegalStateException("the disk is full");
      }
      said.add(new Said(kind, incident.id(), dueAt));
    }
  }

  @TempDir Path directory;
  final MutableClock clock = new MutableClock(T0);
  final RecordingPrompts prompts = new RecordingPrompts();
  Database database;
  IncidentService incidents;
  ManualScheduler scheduler;
  UpdateCadence cadence;

  @BeforeEach
  void start() {
    database = Database.open("jdbc:sqlite:" + directory.resolve("sevzero.db"));
    incidents =
        new IncidentService(
            new JdbcIncidentRepository(database),
            new DatabaseTransactions(database),
            OnCall.NOBODY,
            clock);
    scheduler = new ManualScheduler(clock);
    cadence = newCadence(scheduler);
    incidents.subscribe(cadence);
  }

  private UpdateCadence newCadence(ManualScheduler onScheduler) {
    return new UpdateCadence(
        new JdbcUpdateDueRepository(database),
        incidents,
        new DatabaseTransactions(database),
        onScheduler,
        prompts,
        clock,
        INTERVAL,
        GRACE);
  }

  @AfterEach
  void stop() {
    database.close();
  }

  private void at(Duration sinceStart) {
    clock.set(T0.plus(sinceStart));
    scheduler.runDue();
  }

  private long declare(Severity severity) {
    return incidents.declare("db down", null, severity, false, "UALICE").incident().id();
  }

  @Test
  void theFirstUpdateIsDueOneIntervalAfterDeclarationAndPromptedOnce() {
    long id = declare(Severity.SEV0);
    assertThat(cadence.nextDue(id)).contains(T0.plus(INTERVAL));
    assertThat(scheduler.next(UpdateCadence.WAKE_UP)).contains(T0.plus(INTERVAL));

    at(Duration.ofMinutes(29));
    assertThat(prompts.said).isEmpty();
    at(Duration.ofMinutes(30));
    cadence.tick();
    cadence.tick();
    assertThat(prompts.said).containsExactly(new Said("prompt", id, T0.plus(INTERVAL)));
  }

  /**
   * A tick reading what is due while a declaration's transaction holds the database. The tick used
   * to hold the cadence's lock while it waited for the database, and the declaration then waited
   * for that lock to move the wake-up: each waited for the other and the whole bot froze (found by
   * bench/run Soak within a minute of 5 commands a second).
   */
  @Test
  void aTickAndADeclarationAtTheSameMomentBothFinish() throws Exception {
    // A database of its own: if the two deadlock, it stays locked and is left unclosed.
    Database raced = Database.open("jdbc:sqlite:" + directory.resolve("raced.db"));
    DatabaseTransactions transactions = new DatabaseTransactions(raced);
    IncidentService declarations =
        new IncidentService(new JdbcIncidentRepository(raced), transactions, OnCall.NOBODY, clock);
    CountDownLatch declaring = new CountDownLatch(1);
    CountDownLatch tickReadsDues = new CountDownLatch(1);
    UpdateDueRepository jdbc = new JdbcUpdateDueRepository(raced);
    UpdateDueRepository signalling =
        (UpdateDueRepository)
            Proxy.newProxyInstance(
                UpdateDueRepository.class.getClassLoader(),
                new Class<?>[] {UpdateDueRepository.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("pendingDueBy")) {
                    tickReadsDues.countDown();
                  }
                  try {
                    return method.invoke(jdbc, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    UpdateCadence racing =
        new UpdateCadence(
            signalling, declarations, transactions, scheduler, prompts, clock, INTERVAL, GRACE);
    declarations.subscribe(racing);
    ExecutorService threads =
        Executors.newFixedThreadPool(
            2,
            task -> {
              Thread thread = new Thread(task, "race");
              thread.setDaemon(true);
              return thread;
            });
    Future<Long> declared =
        threads.submit(
            () ->
                transactions.inTransaction(
                    () -> {
                      declaring.countDown();
                      await(tickReadsDues);
                      return declarations
                          .declare("db down", null, Severity.SEV0, false, "UALICE")
                          .incident()
                          .id();
                    }));
    Future<?> ticked =
        threads.submit(
            () -> {
              await(declaring);
              racing.tick();
            });

    long id = declared.get(10, TimeUnit.SECONDS);
    ticked.get(10, TimeUnit.SECONDS);
    assertThat(racing.nextDue(id)).contains(T0.plus(INTERVAL));
    threads.shutdown();
    raced.close();
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aDeclarationIsStoredTogetherWithItsFirstDueUpdateOrNotAtAll() {
    incidents.subscribe(
        event -> {
          throw new IllegalStateException("the disk is full");
        });

    assertThatThrownBy(() -> declare(Severity.SEV0)).hasMessage("the disk is full");

    assertThat(incidents.find(1)).isEmpty();
    assertThat(new JdbcUpdateDueRepository(database).pending(1)).isEmpty();
    // A wake-up set before the rollback is harmless: it finds nothing due.
    at(INTERVAL.plus(GRACE));
    assertThat(prompts.said).isEmpty();
  }

  @Test
  void anUpdateOrAResolutionIsStoredTogetherWithItsCadenceChangeOrNotAtAll() {
    long id = declare(Severity.SEV0);
    incidents.subscribe(
        event -> {
          if (event instanceof IncidentEvent.UpdatePosted
              || event instanceof IncidentEvent.Resolved) {
            throw new IllegalStateException("the disk is full");
          }
        });
    clock.set(T0.plus(Duration.ofMinutes(20)));

    assertThatThrownBy(() -> incidents.postUpdate(id, "UBOB", UpdateStatus.IDENTIFIED, "found it"))
        .hasMessage("the disk is full");
    assertThatThrownBy(() -> incidents.resolve(id, "UBOB", "fixed")).hasMessage("the disk is full");

    assertThat(incidents.updates(id)).isEmpty();
    assertThat(incidents.find(id).orElseThrow().isOpen()).isTrue();
    assertThat(cadence.nextDue(id)).contains(T0.plus(INTERVAL));
    assertThat(cadence.compliance(id)).isEqualTo(UpdateCompliance.NONE);
  }

  @Test
  void aMissedUpdateIsEscalatedOnceAndTheNextIsDueOneIntervalAfterTheMissedDueTime() {
    long id = declare(Severity.SEV1);
    at(Duration.ofMinutes(30));
    at(Duration.ofMinutes(34));
    assertThat(prompts.said).extracting(Said::kind).containsExactly("prompt");
    at(Duration.ofMinutes(35));
    cadence.tick();
    assertThat(prompts.said)
        .containsExactly(
            new Said("prompt", id, T0.plus(INTERVAL)), new Said("missed", id, T0.plus(INTERVAL)));
    assertThat(cadence.nextDue(id)).contains(T0.plus(Duration.ofMinutes(60)));
    assertThat(cadence.compliance(id)).isEqualTo(new UpdateCompliance(0, 0, 1));

    at(Duration.ofMinutes(60));
    assertThat(prompts.said)
        .last()
        .isEqualTo(new Said("prompt", id, T0.plus(Duration.ofMinutes(60))));
  }

  @Test
  void anUpdateResetsTheCadenceAndIsJudgedAgainstItsDueTime() {
    long id = declare(Severity.SEV0);
    clock.set(T0.plus(Duration.ofMinutes(20)));
    incidents.postUpdate(id, "UBOB", UpdateStatus.INVESTIGATING, "looking");
    assertThat(cadence.nextDue(id)).contains(T0.plus(Duration.ofMinutes(50)));

    at(Duration.ofMinutes(50));
    clock.set(T0.plus(Duration.ofMinutes(52)));
    incidents.postUpdate(id, "UBOB", UpdateStatus.IDENTIFIED, "found it");
    assertThat(cadence.nextDue(id)).contains(T0.plus(Duration.ofMinutes(82)));
    assertThat(cadence.compliance(id)).isEqualTo(new UpdateCompliance(1, 1, 0));

    at(Duration.ofMinutes(60));
    assertThat(prompts.said).extracting(Said::kind).containsExactly("prompt");
  }

  @Test
  void twoUpdatesPostedAtTheSameInstantLeaveTheNextOneDue() {
    long id = declare(Severity.SEV0);
    clock.set(T0.plus(Duration.ofMinutes(20)));
    incidents.postUpdate(id, "UBOB", UpdateStatus.INVESTIGATING, "looking");
    incidents.postUpdate(id, "UCAROL", UpdateStatus.INVESTIGATING, "looking too");

    assertThat(cadence.nextDue(id)).contains(T0.plus(Duration.ofMinutes(50)));
    assertThat(cadence.compliance(id)).isEqualTo(new UpdateCompliance(1, 0, 0));
  }

  @Test
  void resolvingStopsThePromptsAndReopeningRestartsThem() {
    long id = declare(Severity.SEV0);
    clock.set(T0.plus(Duration.ofMinutes(10)));
    incidents.resolve(id, "UBOB", "fixed");
    assertThat(cadence.nextDue(id)).isEmpty();
    assertThat(scheduler.next(UpdateCadence.WAKE_UP)).isEmpty();
    at(Duration.ofHours(2));
    assertThat(prompts.said).isEmpty();

    incidents.reopen(id, "UBOB");
    assertThat(cadence.nextDue(id)).contains(T0.plus(Duration.ofHours(2)).plus(INTERVAL));
  }

  @Test
  void onlySev0AndSev1HaveACadenceAndSeverityChangesFollow() {
    long id = declare(Severity.SEV2);
    assertThat(cadence.nextDue(id)).isEmpty();

    clock.set(T0.plus(Duration.ofMinutes(5)));
    incidents.changeSeverity(id, "UBOB", Severity.SEV1);
    assertThat(cadence.nextDue(id)).contains(T0.plus(Duration.ofMinutes(35)));

    incidents.changeSeverity(id, "UBOB", Severity.SEV3);
    assertThat(cadence.nextDue(id)).isEmpty();
    at(Duration.ofHours(1));
    assertThat(prompts.said).isEmpty();
  }

  @Test
  void promptsDueWhileTheBotWasDownGoOutOnceAtStartUp() {
    long id = declare(Severity.SEV0);
    incidents.assign(id, Role.SCRIBE, List.of("UCAROL"), "UCAROL");

    clock.set(T0.plus(Duration.ofMinutes(100)));
    UpdateCadence restarted = newCadence(new ManualScheduler(clock));
    restarted.start();
    restarted.start();

    assertThat(prompts.said)
        .containsExactly(new Said("prompt", id, T0.plus(Duration.ofMinutes(90))));
    assertThat(restarted.compliance(id)).isEqualTo(new UpdateCompliance(0, 0, 2));
    assertThat(restarted.nextDue(id)).contains(T0.plus(Duration.ofMinutes(90)));
  }

  @Test
  void aPromptGoingOutLateAfterARestartStillGetsItsGrace() {
    long id = declare(Severity.SEV0);
    clock.set(T0.plus(Duration.ofMinutes(40)));
    UpdateCadence restarted = newCadence(scheduler);
    restarted.start();
    assertThat(prompts.said).extracting(Said::kind).containsExactly("prompt");

    clock.set(T0.plus(Duration.ofMinutes(44)));
    restarted.tick();
    assertThat(prompts.said).extracting(Said::kind).containsExactly("prompt");
    clock.set(T0.plus(Duration.ofMinutes(45)));
    restarted.tick();
    assertThat(prompts.said).extracting(Said::kind).containsExactly("prompt", "missed");
    assertThat(restarted.nextDue(id)).contains(T0.plus(Duration.ofMinutes(60)));
  }

  @Test
  void twoReplicasOnOneDatabaseSendEachPromptOnce() {
    long id = declare(Severity.SEV0);
    UpdateCadence other = newCadence(new ManualScheduler(clock));
    clock.set(T0.plus(INTERVAL));
    cadence.tick();
    other.tick();
    clock.set(T0.plus(INTERVAL).plus(GRACE));
    other.tick();
    cadence.tick();
    assertThat(prompts.said)
        .containsExactly(
            new Said("prompt", id, T0.plus(INTERVAL)), new Said("missed", id, T0.plus(INTERVAL)));
  }

  @Test
  void aPromptThatCouldNotBeSentIsTriedAgain() {
    long id = declare(Severity.SEV0);
    prompts.failing = true;
    at(Duration.ofMinutes(30));
    assertThat(prompts.said).isEmpty();

    prompts.failing = false;
    at(Duration.ofMinutes(31));
    assertThat(prompts.said).containsExactly(new Said("prompt", id, T0.plus(INTERVAL)));
  }
}
