package dev.sevzero.slack.incident;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.followups.Followup;
import dev.sevzero.followups.OverdueReminder;
import dev.sevzero.slack.delivery.SlackOutbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The weekly reminder as a DM: the owner's open follow-ups, each with its Done button. */
public final class SlackOverdueReminder implements OverdueReminder {

  private final SlackOutbox slack;
  private final FollowupCommands followups;

  public SlackOverdueReminder(SlackOutbox slack, FollowupCommands followups) {
    this.slack = slack;
    this.followups = followups;
  }

  @Override
  public void remind(String owner, List<Followup> overdue) {
    String text = FollowupViews.reminderText(overdue.size());
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(text))));
    blocks.addAll(followups.ownerBlocks(owner));
    slack.directMessage(owner, text, blocks, Optional.empty(), null);
  }
}
