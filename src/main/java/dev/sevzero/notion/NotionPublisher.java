package dev.sevzero.notion;

import com.google.gson.JsonObject;
import dev.sevzero.metrics.Metrics;
import dev.sevzero.postmortem.PostMortem;
import dev.sevzero.postmortem.PostMortemPublisher;
import dev.sevzero.postmortem.PublishStep;
import dev.sevzero.postmortem.PublishedPage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes post-mortems as Notion pages under {@code NOTION_PARENT_PAGE_ID}. A new page is created
 * with the first 100 blocks and the rest appended 100 at a time; before creating one, a page an
 * earlier attempt created without hearing back is looked for and adopted. Publishing to an existing
 * page sets its title, deletes its blocks and appends the post-mortem again: whichever step fails,
 * the next attempt converges on the same page showing the whole post-mortem once.
 */
public final class NotionPublisher implements PostMortemPublisher {

  /** Notion's per-request payload limit is 500 KB; blocks are batched well below it. */
  static final int MAX_BATCH_CHARS = 300_000;

  private final NotionApi api;
  private final String parentPageId;

  public NotionPublisher(String apiUrl, String token, String parentPageId, Metrics metrics) {
    this.api = new NotionApi(apiUrl, token, metrics);
    this.parentPageId = parentPageId;
  }

  @Override
  public PublishStep publish(PostMortem postMortem, Optional<PublishedPage> page) {
    List<List<JsonObject>> batches = batches(NotionBlocks.of(postMortem));
    JsonObject title = NotionBlocks.titleProperty(postMortem.title());
    Optional<PublishedPage> known = page;
    try {
      int appendFrom = 0;
      if (known.isEmpty()) {
        known = adopt(postMortem);
      }
      if (known.isEmpty()) {
        JsonObject created = api.createPage(parentPageId, title, batches.get(0));
        known =
            Optional.of(
                new PublishedPage(
                    created.get("id").getAsString(), created.get("url").getAsString()));
        appendFrom = 1;
      } else {
        String id = known.get().id();
        api.updatePage(id, title);
        for (String child : api.childIds(id)) {
          api.deleteBlock(child);
        }
      }
      for (List<JsonObject> batch : batches.subList(appendFrom, batches.size())) {
        api.appendChildren(known.get().id(), batch);
      }
      return new PublishStep.Delivered(known.get());
    } catch (NotionRefusal refusal) {
      return refusal.retryable()
          ? new PublishStep.RetryLater(known, refusal.retryAfter(), refusal.getMessage())
          : new PublishStep.Failed(known, refusal.getMessage());
    }
  }

  /**
   * The incident's page if an earlier attempt created it but never heard back (a timeout, a lost
   * answer): Notion has no idempotency key, so the parent's child pages are the only record.
   */
  private Optional<PublishedPage> adopt(PostMortem postMortem) throws NotionRefusal {
    return api.childPages(parentPageId).entrySet().stream()
        .filter(page -> postMortem.isTitleOf(page.getValue()))
        .findFirst()
        .map(page -> new PublishedPage(page.getKey(), pageUrl(page.getKey())));
  }

  /** Notion serves every page at its id without dashes. */
  static String pageUrl(String pageId) {
    return "https://www.notion.so/" + pageId.replace("-", "");
  }

  /** At most 100 blocks, and well under Notion's payload limit, per request. */
  static List<List<JsonObject>> batches(List<JsonObject> blocks) {
    List<List<JsonObject>> batches = new ArrayList<>();
    List<JsonObject> batch = new ArrayList<>();
    int chars = 0;
    for (JsonObject block : blocks) {
      int size = block.toString().length();
      if (!batch.isEmpty()
          && (batch.size() == NotionBlocks.MAX_ARRAY || chars + size > MAX_BATCH_CHARS)) {
        batches.add(batch);
        batch = new ArrayList<>();
        chars = 0;
      }
      batch.add(block);
      chars += size;
    }
    batches.add(batch);
    return batches;
  }
}
