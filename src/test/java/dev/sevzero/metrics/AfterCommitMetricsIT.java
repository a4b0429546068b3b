package dev.sevzero.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sevzero.incident.IncidentEvent;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.OnCall;
import dev.sevzero.incident.Severity;
import dev.sevzero.persistence.Database;
import dev.sevzero.persistence.DatabaseTransactions;
import dev.sevzero.persistence.JdbcIncidentRepository;
import dev.sevzero.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts of what a change stored follow its commit: a rolled-back change counts nothing. */
class AfterCommitMetricsIT {

  @TempDir Path directory;
  final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
  final List<String> counted = new ArrayList<>();
  final Metrics recording =
      new Metrics() {
        @Override
        public void incidentDeclared(String severity, boolean drill) {
          counted.add("declared " + severity);
        }

        @Override
        public void responded(Duration time) {
          counted.add("responded " + time);
        }

        @Override
        public void updateOutcome(String outcome) {}

        @Override
        public void handedOff() {}

        @Override
        public void externalCall(Target target, String method, String outcome) {
          counted.add("call " + method);
        }

        @Override
        public void alertReceived(String source, String outcome) {}

        @Override
        public void acknowledged(Duration time) {}

        @Override
        public void scheduledWorkRan(Duration lag) {}
      };
  Database database;
  DatabaseTransactions transactions;
  IncidentService incidents;
  boolean storageFails;

  @BeforeEach
  void open() {
    database = Database.open("jdbc:sqlite:" + directory.resolve("sevzero.db"));
    transactions = new DatabaseTransactions(database);
    incidents =
        new IncidentService(
            new JdbcIncidentRepository(database), transactions, OnCall.NOBODY, clock);
    incidents.subscribe(new IncidentMetrics(new AfterCommitMetrics(recording, transactions)));
    // A later subscriber whose storage fails rolls the whole declaration back.
    incidents.subscribe(
        event -> {
          if (storageFails && event instanceof IncidentEvent.Declared) {
            throw new IllegalStateException("disk full");
          }
        });
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aDeclarationRolledBackIsNotCounted() {
    storageFails = true;
    assertThatThrownBy(() -> incidents.declare("API errors", null, Severity.SEV1, false, "UALICE"))
        .hasMessage("disk full");

    assertThat(incidents.find(1)).isEmpty();
    assertThat(counted).isEmpty();
  }

  @Test
  void aDeclarationCommittedIsCountedOnceAfterTheCommit() {
    incidents.declare("API errors", null, Severity.SEV1, false, "UALICE");
    clock.advance(Duration.ofMinutes(3));
    incidents.acknowledge(1, "UBOB");

    assertThat(counted).containsExactly("declared sev1", "responded PT3M");
  }

  @Test
  void nestedTransactionsCountWhenTheOutermostCommits() {
    transactions.inTransaction(
        () -> {
          incidents.declare("API errors", null, Severity.SEV2, false, "UALICE");
          assertThat(counted).isEmpty();
          return null;
        });

    assertThat(counted).containsExactly("declared sev2");
  }

  @Test
  void whatHappenedOutsideTheDatabaseIsCountedAtOnce() {
    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      new AfterCommitMetrics(recording, transactions)
                          .externalCall(Metrics.Target.SLACK, "chat.postMessage", "ok");
                      throw new IllegalStateException("rolled back");
                    }))
        .hasMessage("rolled back");

    assertThat(counted).containsExactly("call chat.postMessage");
  }
}
