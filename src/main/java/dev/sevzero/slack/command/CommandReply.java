package dev.sevzero.slack.command;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * What the caller sees at once, in the acknowledgement: private to them unless {@code inChannel}.
 */
public record CommandReply(String text, List<LayoutBlock> blocks, boolean inChannel) {

  public static CommandReply ephemeral(String text) {
    return new CommandReply(text, List.of(), false);
  }

  public static CommandReply ephemeral(String text, List<LayoutBlock> blocks) {
    return new CommandReply(text, blocks, false);
  }

  /** Nothing to say now: the work shows up in Slack shortly (a modal, a channel). */
  public static CommandReply silent() {
    return new CommandReply(null, List.of(), false);
  }
}
