package dev.sevzero.playground;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Gives the bot time to finish what a command set off, and makes playground time pass the way it
 * would: the bot answers on its own threads, so a command is done when Slack has been quiet a
 * while.
 */
final class BotPacing {

  private static final Duration QUIET = Duration.ofMillis(300);
  private static final Duration SETTLE_LIMIT = Duration.ofSeconds(5);

  private final Playground playground;
  private final SlackPrinter printer;

  BotPacing(Playground playground, SlackPrinter printer) {
    this.playground = playground;
    this.printer = printer;
  }

  /**
   * Makes time pass as it would: the clock stops at every time something is due on the way
   * (prompts, escalations, handoffs, reminders), the bot does it and is given time to finish, and
   * only then does the clock move on. Each message is therefore stamped, and shown, at its own
   * time.
   */
  void waitFor(String spec) {
    Instant target =
        TimeJump.target(spec, playground.clock().instant(), PlaygroundShell.ROTATION_ZONE);
    printer.stampArrivals(true);
    try {
      Optional<Instant> next;
      while ((next = playground.bot().nextDue().filter(at -> !at.isAfter(target))).isPresent()) {
        moveClockTo(next.get());
        playground.bot().runDue();
        settleIfBusy();
      }
      moveClockTo(target);
      playground.bot().runDue();
      settle();
    } finally {
      printer.stampArrivals(false);
    }
    printer.timePassed();
  }

  private void moveClockTo(Instant at) {
    PlaygroundClock clock = playground.clock();
    Instant now = clock.instant();
    if (at.isAfter(now)) {
      clock.advance(Duration.between(now, at));
    }
  }

  /**
   * Most stops on the way do nothing visible (the rotation's reminder check runs every minute);
   * those are passed at once. What a stop changed is stored with its deliveries to Slack before
   * {@code runDue} returns, so a stop with deliveries pending waits until they are all made.
   */
  private void settleIfBusy() {
    if (playground.bot().deliveries().pending() == 0) {
      return;
    }
    long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
    while (playground.bot().deliveries().pending() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    settle();
  }

  /**
   * Waits until the bot has made no Web API call and posted nothing for a while. It polls in real
   * time: the bot works on its own threads and the playground clock may jump.
   */
  void settle() {
    long deadline = System.nanoTime() + SETTLE_LIMIT.toNanos();
    int last = activity();
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline && System.nanoTime() - quietSince < QUIET.toNanos()) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      int now = activity();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      }
    }
  }

  /** Grows with every Web API call and every message printed. */
  private int activity() {
    return playground.slack().calls().size() + printer.printed();
  }
}
