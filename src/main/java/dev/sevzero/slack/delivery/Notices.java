package dev.sevzero.slack.delivery;

import dev.sevzero.deliveries.Delivery;
import dev.sevzero.deliveries.NewDelivery;
import dev.sevzero.deliveries.Outbox;
import java.util.Optional;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells people what Slack refused for good: in the incident's channel when the refusal was
 * elsewhere (a page, an announcement), else by DM to whoever acted. A notice that is itself refused
 * is only logged, so notices never chase each other.
 */
public final class Notices {

  private static final Logger log = LoggerFactory.getLogger(Notices.class);

  private final LongFunction<Optional<String>> incidentChannel;

  Notices(LongFunction<Optional<String>> incidentChannel) {
    this.incidentChannel = incidentChannel;
  }

  /** Tells it in {@code channel}, for refusals that concern no incident (the rotation's). */
  public void tellIn(Outbox outbox, String channel, String text) {
    String notice = "⚠️ " + text;
    log.warn("Telling people in {}: {}", channel, text);
    outbox.enqueue(
        NewDelivery.of(
            SlackOutbox.POST,
            SlackOutbox.payload(
                new SlackMessage(channel, null, null, notice, null, null, null, null))));
  }

  /**
   * @param inIncidentChannel whether the incident's channel can be told (it was not what failed)
   * @param person who to DM otherwise
   */
  public void tell(
      Outbox outbox,
      Delivery failed,
      String text,
      boolean inIncidentChannel,
      Optional<String> person) {
    String notice = "⚠️ " + text;
    log.warn("Telling people: {}", text);
    Optional<Long> incident = failed.incidentId();
    if (inIncidentChannel
        && incident.isPresent()
        && incidentChannel.apply(incident.get()).isPresent()) {
      outbox.enqueue(
          NewDelivery.of(
                  SlackOutbox.POST,
                  SlackOutbox.payload(
                      new SlackMessage(null, incident.get(), null, notice, null, null, null, null)))
              .inSequence(SlackOutbox.sequenceOf(incident.get()))
              .about(incident.get()));
    } else if (person.isPresent()) {
      outbox.enqueue(
          NewDelivery.of(
              SlackOutbox.POST,
              SlackOutbox.payload(
                  new SlackMessage(null, null, person.get(), notice, null, null, null, null))));
    }
  }
}
