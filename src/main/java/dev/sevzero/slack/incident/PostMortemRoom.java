package dev.sevzero.slack.incident;

import static dev.sevzero.slack.SlackText.escape;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentListener;
import dev.sevzero.postmortem.PostMortem;
import dev.sevzero.postmortem.PostMortems;
import dev.sevzero.postmortem.Publication;
import dev.sevzero.slack.SlackMessenger;
import dev.sevzero.slack.SlackWork;
import java.nio.charset.StandardCharsets;

/**
 * Shares a resolved incident's post-mortem in its channel: the Markdown draft as a file, then, with
 * Notion configured, the page it is published to, or why it could not be. Runs after the rest of
 * the resolution is shown, in the incident's order, and again on {@code /incident postmortem}.
 */
public final class PostMortemRoom implements IncidentListener {

  private final SlackMessenger slack;
  private final SlackWork work;
  private final PostMortems postMortems;

  public PostMortemRoom(SlackMessenger slack, SlackWork work, PostMortems postMortems) {
    this.slack = slack;
    this.work = work;
    this.postMortems = postMortems;
  }

  @Override
  public void resolved(Incident incident) {
    share(incident, incident.resolution().orElseThrow().by());
  }

  /**
   * Drafts and publishes the post-mortem of a resolved incident; {@code requester} gets the file by
   * DM if the channel cannot take it.
   */
  void share(Incident incident, String requester) {
    work.forIncident(
        incident.id(),
        "share the post-mortem",
        () -> {
          PostMortem postMortem = postMortems.draft(incident.id());
          String channelId = postMortem.incident().channelId().orElseThrow();
          slack.upload(
              channelId,
              requester,
              PostMortemDraft.fileName(postMortem),
              "Post-mortem draft: " + IncidentViews.headline(postMortem.incident()),
              PostMortemDraft.markdown(postMortem).getBytes(StandardCharsets.UTF_8));
          if (postMortems.publishing()) {
            slack.post(channelId, publicationText(postMortems.publish(incident.id())));
          }
        });
  }

  static String publicationText(Publication publication) {
    if (publication instanceof Publication.Published published) {
      return "📘 Post-mortem "
          + (published.updated() ? "updated" : "published")
          + " in Notion: <"
          + published.page().url()
          + "|open the page>. Edit it there; `/incident postmortem` brings it up to date with"
          + " Slack again.";
    }
    return "⚠️ The post-mortem could not be published to Notion: "
        + escape(((Publication.NotPublished) publication).reason())
        + ". The Markdown draft above has all of it; `/incident postmortem` tries again.";
  }
}
