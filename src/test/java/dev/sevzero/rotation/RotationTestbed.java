package dev.sevzero.rotation;

import dev.sevzero.scheduling.quartz.QuartzCronCalendar;
import dev.sevzero.testing.MutableClock;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalInt;

/** An {@link OncallService} over in-memory facts, the default cron and a hand-moved clock. */
final class RotationTestbed {

  static final String ADMIN = "UADMIN";
  static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

  final MutableClock clock;
  final InMemoryRotationRepository repository = new InMemoryRotationRepository();
  final RecordingListener listener = new RecordingListener();
  final OncallService service;

  RotationTestbed(String now, List<String> admins) {
    clock = MutableClock.at(now);
    service =
        new OncallService(
            repository, new QuartzCronCalendar("0 0 12 ? * MON", PACIFIC), clock, listener, admins);
  }

  /** Everyone is an admin (no ADMINS configured). */
  RotationTestbed(String now) {
    this(now, List.of());
  }

  /** Adds the users in order, as an admin; the first takes the pager. */
  RotationTestbed withRoster(String... users) {
    for (String user : users) {
      service.add(ADMIN, user, OptionalInt.empty());
    }
    listener.events.clear();
    listener.handoffs.clear();
    listener.contexts.clear();
    return this;
  }
}
