package dev.sevzero.slack.incident;

import static dev.sevzero.slack.SlackText.escape;

import dev.sevzero.deliveries.Delivery;
import dev.sevzero.deliveries.DeliveryHandler;
import dev.sevzero.deliveries.Outbox;
import dev.sevzero.deliveries.Outcome;
import dev.sevzero.incident.IncidentEvent;
import dev.sevzero.incident.IncidentEvents;
import dev.sevzero.incident.Transactions;
import dev.sevzero.postmortem.PostMortem;
import dev.sevzero.postmortem.PostMortems;
import dev.sevzero.postmortem.PublishStep;
import dev.sevzero.postmortem.PublishedPage;
import dev.sevzero.slack.delivery.MessageDeliveries;
import dev.sevzero.slack.delivery.Notices;
import dev.sevzero.slack.delivery.Poster;
import dev.sevzero.slack.delivery.SlackOutbox;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Shares a resolved incident's post-mortem in its channel: the Markdown draft as a file, then, with
 * Notion configured, the page it is published to, or why it could not be. Both are deliveries in
 * the incident's order, stored with the resolution (or with {@code /incident postmortem}, which
 * publishes again to the same page): Notion's 429 and outages only delay the page.
 */
public final class PostMortemRoom implements IncidentEvents {

  static final String PUBLISH = "postmortem.publish";

  private final SlackOutbox slack;
  private final Transactions transactions;
  private final PostMortems postMortems;
  private final Poster poster;
  private final Notices notices;
  private final IncidentChannels channels;

  /** An incident's channel, once created. */
  @FunctionalInterface
  public interface IncidentChannels {
    Optional<String> of(long incidentId);
  }

  public PostMortemRoom(
      SlackOutbox slack,
      Transactions transactions,
      PostMortems postMortems,
      MessageDeliveries messages,
      IncidentChannels channels) {
    this.slack = slack;
    this.transactions = transactions;
    this.postMortems = postMortems;
    this.poster = messages.poster();
    this.notices = messages.notices();
    this.channels = channels;
  }

  public Map<String, DeliveryHandler> handlers() {
    return Map.of(PUBLISH, MessageDeliveries.handler(this::publish, this::notPublished));
  }

  @Override
  public void on(IncidentEvent event) {
    if (event instanceof IncidentEvent.Resolved resolved) {
      store(resolved.incident().id(), resolved.incident().resolution().orElseThrow().by());
    }
  }

  /**
   * Drafts and publishes the post-mortem of a resolved incident again; {@code requester} gets the
   * file by DM if the channel cannot take it.
   */
  void share(long incidentId, String requester) {
    transactions.inTransaction(
        () -> {
          store(incidentId, requester);
          return null;
        });
  }

  private void store(long incidentId, String requester) {
    PostMortem postMortem = postMortems.draft(incidentId);
    slack.upload(
        Optional.empty(),
        Optional.of(incidentId),
        requester,
        PostMortemDraft.fileName(postMortem),
        "Post-mortem draft: " + IncidentViews.headline(postMortem.incident()),
        PostMortemDraft.markdown(postMortem).getBytes(StandardCharsets.UTF_8));
    if (postMortems.publishing()) {
      slack.inIncidentSequence(
          PUBLISH, incidentId, new RoomDeliveries.About(incidentId, requester));
    }
  }

  private Outcome publish(Delivery delivery) {
    long id = SlackOutbox.read(delivery.payload(), RoomDeliveries.About.class).incident();
    Optional<String> channel = channels.of(id);
    if (channel.isEmpty()) {
      return Outcome.failed("the incident has no channel");
    }
    boolean existed = postMortems.hasPage(id);
    PublishStep step = postMortems.publishOnce(id);
    if (step instanceof PublishStep.Delivered delivered) {
      String ts =
          poster.post(delivery, channel.get(), publishedText(delivered.published(), existed), null);
      return Outcome.delivered(ts);
    }
    if (step instanceof PublishStep.RetryLater retry) {
      return retry
          .after()
          .map(after -> Outcome.rateLimited(after, "Notion: " + retry.reason()))
          .orElseGet(() -> Outcome.retryLater("Notion: " + retry.reason(), true));
    }
    return Outcome.failed(((PublishStep.Failed) step).reason());
  }

  private void notPublished(Delivery delivery, String reason, Outbox outbox) {
    RoomDeliveries.About about = SlackOutbox.read(delivery.payload(), RoomDeliveries.About.class);
    notices.tell(
        outbox,
        delivery,
        "The post-mortem could not be published to Notion: "
            + escape(reason)
            + ". The Markdown draft above has all of it; `/incident postmortem` tries again.",
        true,
        Optional.ofNullable(about.user()));
  }

  static String publishedText(PublishedPage page, boolean updated) {
    return "📘 Post-mortem "
        + (updated ? "updated" : "published")
        + " in Notion: <"
        + page.url()
        + "|open the page>. Edit it there; `/incident postmortem` brings it up to date with"
        + " Slack again.";
  }
}
