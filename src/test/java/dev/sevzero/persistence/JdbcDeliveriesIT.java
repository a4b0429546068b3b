package dev.sevzero.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sevzero.deliveries.Delivery;
import dev.sevzero.deliveries.NewDelivery;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox table: storing several deliveries at once, and claiming what a change stored. */
class JdbcDeliveriesIT {

  private static final Set<String> KINDS = Set.of("channel", "header", "invite", "note");
  private static final String OWNER = "replica-a";

  @TempDir Path dir;

  private Database database;
  private JdbcDeliveries deliveries;

  @BeforeEach
  void open() {
    database = Database.open("jdbc:sqlite:" + dir.resolve("outbox.db"));
    deliveries = new JdbcDeliveries(database, Clock.systemUTC());
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aBatchIsNumberedInOrderAcrossSeveralInsertsAndTheNextDeliveryFollowsIt() {
    List<NewDelivery> batch = new ArrayList<>();
    for (int n = 1; n <= 250; n++) {
      batch.add(NewDelivery.of("note", "note " + n));
    }

    List<Long> ids = deliveries.enqueueAll(batch);
    long next = deliveries.enqueue(NewDelivery.of("note", "note 251"));

    long first = ids.get(0);
    assertThat(ids)
        .containsExactlyElementsOf(LongStream.range(first, first + 250).boxed().toList());
    assertThat(next).isEqualTo(first + 250);
    List<Delivery> claimed = claimReady(300);
    assertThat(claimed)
        .extracting(Delivery::id)
        .containsExactlyElementsOf(LongStream.rangeClosed(first, next).boxed().toList());
    assertThat(claimed.get(0).payload()).isEqualTo("note 1");
    assertThat(claimed.get(250).payload()).isEqualTo("note 251");
  }

  @Test
  void aChangeClaimsWhatItStoredAndLeavesTheRestOfTheBacklog() {
    deliveries.enqueue(NewDelivery.of("note", "stored earlier"));

    List<Delivery> claimedWithChange =
        database.transaction(
            connection -> {
              deliveries.enqueue(NewDelivery.of("note", "stored by this change"));
              return claimStoredHere(10);
            });
    List<Delivery> claimedByAChangeStoringNothing =
        database.transaction(connection -> claimStoredHere(10));

    assertThat(claimedWithChange)
        .extracting(Delivery::payload)
        .containsExactly("stored by this change");
    assertThat(claimedByAChangeStoringNothing).isEmpty();
    assertThat(claimReady(10)).extracting(Delivery::payload).containsExactly("stored earlier");
  }

  @Test
  void whatAChangeStoredIsClaimedOnlyWhenReady() {
    List<Delivery> claimed =
        database.transaction(
            connection -> {
              long channel =
                  deliveries.enqueue(NewDelivery.of("channel", "create").inSequence("incident-1"));
              deliveries.enqueueAll(
                  List.of(
                      NewDelivery.of("header", "header").inSequence("incident-1"),
                      NewDelivery.of("invite", "invite").after(channel),
                      NewDelivery.of("note", "independent")));
              return claimStoredHere(10);
            });

    assertThat(claimed).extracting(Delivery::payload).containsExactly("create", "independent");
  }

  @Test
  void theNextOfASequenceIsClaimedOnceItsTurnHasComeAndItIsNoLongerWaiting() {
    long channel = deliveries.enqueue(NewDelivery.of("channel", "create").inSequence("incident-1"));
    long page = deliveries.enqueue(NewDelivery.of("note", "page").after(channel));
    deliveries.enqueue(NewDelivery.of("header", "header").inSequence("incident-1").after(page));
    Instant now = Instant.now();

    assertThat(claimNext(now)).map(Delivery::payload).contains("create");
    assertThat(claimNext(now)).isEmpty(); // claimed already
    deliveries.delivered(channel, Optional.of("C1"), now);
    assertThat(claimNext(now)).isEmpty(); // its turn, but it waits for the page
    assertThat(claimReady(10)).extracting(Delivery::payload).containsExactly("page");
    deliveries.delivered(page, Optional.empty(), now);

    assertThat(claimNext(now)).map(Delivery::payload).contains("header");
    assertThat(claimNext(now)).isEmpty(); // claimed once
  }

  private List<Delivery> claimReady(int limit) {
    Instant now = Instant.now();
    return deliveries.claimReady(KINDS, OWNER, now, now.plus(Duration.ofSeconds(15)), limit);
  }

  private List<Delivery> claimStoredHere(int limit) {
    Instant now = Instant.now();
    return deliveries.claimStoredHere(KINDS, OWNER, now, now.plus(Duration.ofSeconds(15)), limit);
  }

  private Optional<Delivery> claimNext(Instant now) {
    return deliveries.claimNext(KINDS, "incident-1", OWNER, now, now.plus(Duration.ofSeconds(15)));
  }
}
