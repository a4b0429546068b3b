package dev.sevzero.slack.incident;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import dev.sevzero.followups.Followup;
import dev.sevzero.followups.OverdueReminder;
import dev.sevzero.slack.SlackMessenger;
import dev.sevzero.slack.SlackWork;
import java.util.ArrayList;
import java.util.List;

/** The weekly reminder as a DM: the owner's open follow-ups, each with its Done button. */
public final class SlackOverdueReminder implements OverdueReminder {

  private final SlackMessenger slack;
  private final SlackWork work;
  private final FollowupCommands followups;

  public SlackOverdueReminder(SlackMessenger slack, SlackWork work, FollowupCommands followups) {
    this.slack = slack;
    this.work = work;
    this.followups = followups;
  }

  @Override
  public void remind(String owner, List<Followup> overdue) {
    String text = FollowupViews.reminderText(overdue.size());
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(section(s -> s.text(markdownText(text))));
    blocks.addAll(followups.ownerBlocks(owner));
    work.inParallel(
        "remind " + owner + " of overdue follow-ups",
        () -> slack.directMessage(owner, text, blocks));
  }
}
