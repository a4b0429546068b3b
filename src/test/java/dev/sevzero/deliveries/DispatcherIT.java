package dev.sevzero.deliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.sevzero.persistence.Database;
import dev.sevzero.persistence.DatabaseTransactions;
import dev.sevzero.persistence.JdbcDeliveries;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a change stores is claimed in its transaction and started as it commits. The loop polls once
 * an hour here: a delivery that only the loop would find is not carried out during a test.
 */
class DispatcherIT {

  private static final Duration LOOP_POLL = Duration.ofHours(1);

  @TempDir Path dir;

  private final List<String> delivered = new CopyOnWriteArrayList<>();
  private Database database;
  private JdbcDeliveries store;
  private DatabaseTransactions transactions;
  private Dispatcher dispatcher;

  @BeforeEach
  void start() {
    database = Database.open("jdbc:sqlite:" + dir.resolve("deliveries.db"));
    store = new JdbcDeliveries(database, Clock.systemUTC());
    transactions = new DatabaseTransactions(database);
    DeliveryHandler record =
        delivery -> {
          delivered.add(delivery.payload());
          return Outcome.delivered();
        };
    dispatcher =
        new Dispatcher(
            store,
            store,
            transactions,
            Map.of("note", record),
            Clock.systemUTC(),
            new Dispatcher.Settings(4, Duration.ofSeconds(15), LOOP_POLL, Dispatcher.MAX_BACKOFF));
    dispatcher.start();
  }

  @AfterEach
  void stop() {
    dispatcher.close(Duration.ofSeconds(5));
    database.close();
  }

  @Test
  void whatAChangeStoredStartsAsItCommitsWithoutWaitingForTheLoop() {
    change("first");

    await().atMost(Duration.ofSeconds(5)).until(() -> delivered.contains("first"));
    await().atMost(Duration.ofSeconds(5)).until(() -> store.pending() == 0);
  }

  @Test
  void moreThanTheFreeWorkersAreLeftToTheLoopWhichIsWokenForThem() {
    transactions.inTransaction(
        () -> {
          for (int n = 1; n <= 10; n++) {
            store.enqueue(NewDelivery.of("note", "note " + n));
          }
          dispatcher.claimWithChange();
          return null;
        });

    await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() == 10);
  }

  @Test
  void aChangeThatRollsBackStartsNothing() {
    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      store.enqueue(NewDelivery.of("note", "rolled back"));
                      dispatcher.claimWithChange();
                      throw new IllegalStateException("the change failed");
                    }))
        .hasMessage("the change failed");
    change("kept");

    await().atMost(Duration.ofSeconds(5)).until(() -> delivered.contains("kept"));
    assertThat(delivered).containsExactly("kept");
    assertThat(store.pending()).isZero();
  }

  private void change(String payload) {
    transactions.inTransaction(
        () -> {
          store.enqueue(NewDelivery.of("note", payload));
          dispatcher.claimWithChange();
          return null;
        });
  }
}
