package dev.sevzero.pagerduty.client;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.sevzero.deliveries.Delivery;
import dev.sevzero.deliveries.DeliveryHandler;
import dev.sevzero.deliveries.NewDelivery;
import dev.sevzero.deliveries.Outbox;
import dev.sevzero.deliveries.Outcome;
import dev.sevzero.pagerduty.PageAction;
import dev.sevzero.pagerduty.PageEvent;
import dev.sevzero.pagerduty.PageQueue;
import dev.sevzero.pagerduty.PageSender;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * PagerDuty events as deliveries of the outbox (SPEC §14): queued in the change's transaction, in
 * one sequence per incident (PagerDuty drops an acknowledge that arrives before its trigger), and
 * carried out by the dispatcher, which retries 429, 5xx and network errors with its backoff (from a
 * second, capped at a minute). A refusal (400) is told in the incident's channel. Sending an event
 * again is harmless: PagerDuty keys it by its dedup key.
 */
public final class PagerDutyDeliveries implements PageQueue, DeliveryHandler {

  public static final String KIND = "pagerduty.event";

  /**
   * How long a trigger waits for the incident's channel, so that the page links it. Slack makes a
   * channel in well under a second; a slow or rate-limiting Slack does not hold the page up longer.
   */
  public static final Duration LINK_WAIT = Duration.ofSeconds(2);

  private final Outbox outbox;
  private final PageSender sender;
  private final Refusals refused;
  private final LongFunction<Optional<Long>> channelCreation;

  /** Tells people that PagerDuty refused an event for good. */
  @FunctionalInterface
  public interface Refusals {
    /** Runs in the transaction recording the failure: store the notice through {@code outbox}. */
    void tell(PageEvent event, String reason, Outbox outbox);
  }

  /**
   * @param channelCreation the pending delivery that makes an incident's channel, if any: its
   *     trigger waits for it (at most {@link #LINK_WAIT})
   */
  public PagerDutyDeliveries(
      Outbox outbox,
      PageSender sender,
      Refusals refused,
      LongFunction<Optional<Long>> channelCreation) {
    this.outbox = outbox;
    this.sender = sender;
    this.refused = refused;
    this.channelCreation = channelCreation;
  }

  /** The sequence of an incident's PagerDuty events: apart from its Slack channel's. */
  static String sequenceOf(long incidentId) {
    return "pagerduty-" + incidentId;
  }

  @Override
  public void enqueue(PageEvent event) {
    JsonObject payload = new JsonObject();
    payload.addProperty("incident", event.incidentId());
    payload.addProperty("action", event.action().code());
    NewDelivery delivery =
        NewDelivery.of(KIND, payload.toString())
            .inSequence(sequenceOf(event.incidentId()))
            .about(event.incidentId());
    if (event.action() == PageAction.TRIGGER) {
      // The trigger reads the channel when it is sent; the rest of the sequence follows it.
      delivery = delivery.after(channelCreation.apply(event.incidentId()), LINK_WAIT);
    }
    outbox.enqueue(delivery);
  }

  @Override
  public Outcome deliver(Delivery delivery) {
    PageSender.Result result = sender.send(event(delivery));
    if (result instanceof PageSender.Delivered) {
      return Outcome.delivered();
    }
    if (result instanceof PageSender.RetryLater retry) {
      // PagerDuty names no wait: the dispatcher's own backoff applies.
      return new Outcome.Retry(Optional.empty(), retry.why(), false);
    }
    return Outcome.failed(((PageSender.Refused) result).reason());
  }

  @Override
  public void failedForGood(Delivery delivery, String reason, Outbox outbox) {
    refused.tell(event(delivery), reason, outbox);
  }

  private static PageEvent event(Delivery delivery) {
    JsonObject payload = JsonParser.parseString(delivery.payload()).getAsJsonObject();
    return new PageEvent(
        payload.get("incident").getAsLong(),
        PageAction.valueOf(payload.get("action").getAsString().toUpperCase(Locale.ROOT)));
  }
}
