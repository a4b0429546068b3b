package dev.sevzero.slack.incident;

import dev.sevzero.incident.Incident;
import dev.sevzero.slack.delivery.SlackOutbox;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headers rendered while their incident's channel is being created. The header's post follows the
 * channel's answer, and rendering it then (reading the incident, building its blocks) was time
 * everyone waits for the pin, the more so in a bot whose declaration code runs cold; during the
 * channel's round trip the cores are idle.
 *
 * <p>A draft may miss a change made meanwhile. Every change stores a header update that follows the
 * header's post in the incident's sequence, so the header is current one call later, as it would be
 * had the change come a moment after the post.
 */
final class HeaderDrafts {

  /**
   * How long after the channel's request the draft is rendered. Not at once: in those first
   * milliseconds the cores are sending the request and the declaration's acknowledgement, and a
   * draft rendered beside them delays both (bench/README, "Ninth session"). Should Slack answer
   * sooner, the header renders itself, as it does without a draft.
   */
  static final Duration AFTER = Duration.ofMillis(5);

  /** Drafts whose header never came (the channel failed for good) are forgotten past this many. */
  private static final int KEPT = 64;

  private static final Logger log = LoggerFactory.getLogger(HeaderDrafts.class);
  private static final ScheduledExecutorService RENDERER =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "header-drafts");
            thread.setDaemon(true);
            return thread;
          });

  /** A header ready to post in {@code channel} once both are known (null until then). */
  record Draft(String channel, String text, String blocks) {

    boolean complete() {
      return channel != null && text != null;
    }
  }

  private final LongFunction<Optional<Incident>> incidents;
  private final Map<Long, Draft> drafts =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Draft> eldest) {
              return size() > KEPT;
            }
          });

  HeaderDrafts(LongFunction<Optional<Incident>> incidents) {
    this.incidents = incidents;
  }

  /** The channel of {@code incident} is being requested: its header is drafted meanwhile. */
  void draftWhileCreating(long incident) {
    expect(incident);
    RENDERER.schedule(() -> render(incident), AFTER.toNanos(), TimeUnit.NANOSECONDS);
  }

  void expect(long incident) {
    drafts.put(incident, new Draft(null, null, null));
  }

  /** Renders the header expected for {@code incident}; nothing if it was taken already. */
  void render(long incident) {
    if (!drafts.containsKey(incident)) {
      return; // the header came first (a quick Slack): nothing to read or render
    }
    if (othersAwaitRendering(incident)) {
      // Several channels requested at once (a burst of declarations, an alert storm): the cores
      // are not idle, and a draft would take them from the acknowledgements. Their headers render
      // themselves.
      drafts.remove(incident);
      return;
    }
    try {
      incidents
          .apply(incident)
          .ifPresent(
              stored -> {
                String text = IncidentViews.headerText(stored);
                String blocks = SlackOutbox.blocks(IncidentViews.headerBlocks(stored));
                drafts.computeIfPresent(
                    incident, (id, draft) -> new Draft(draft.channel(), text, blocks));
              });
    } catch (RuntimeException e) {
      // Only the head start is lost: the header renders itself.
      log.debug("No header drafted for incident {}: {}", incident, e.toString());
    }
  }

  private boolean othersAwaitRendering(long incident) {
    synchronized (drafts) {
      return drafts.entrySet().stream()
          .anyMatch(entry -> entry.getKey() != incident && entry.getValue().text() == null);
    }
  }

  /** The channel the draft is for has been created. */
  void channelCreated(long incident, String channel) {
    drafts.computeIfPresent(
        incident, (id, draft) -> new Draft(channel, draft.text(), draft.blocks()));
  }

  /** The channel was not created by the attempt that asked for the draft. */
  void forget(long incident) {
    drafts.remove(incident);
  }

  /** The draft of {@code incident}'s header, if it is ready; taken (or given up) only once. */
  Optional<Draft> take(long incident) {
    Draft draft = drafts.remove(incident);
    return draft != null && draft.complete() ? Optional.of(draft) : Optional.empty();
  }
}
