package dev.sevzero.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import java.util.List;

/** Block Kit shapes several surfaces share. */
public final class SlackBlocks {

  private SlackBlocks() {}

  /** Slack refuses a message of more blocks than this ({@code invalid_blocks}). */
  public static final int MAX_BLOCKS = 50;

  /** The last line of a list cut short to fit {@link #MAX_BLOCKS}. */
  public static LayoutBlock andMore(int more) {
    return context(c -> c.elements(List.of(markdownText("…and " + more + " more, not shown."))));
  }

  /** A message asking for one thing: its text, and the primary button that does it. */
  public static List<LayoutBlock> textWithButton(
      String text, String actionId, String label, String value) {
    return List.of(
        section(s -> s.text(markdownText(text))),
        actions(
            a ->
                a.elements(
                    List.of(
                        button(
                            b ->
                                b.actionId(actionId)
                                    .text(plainText(label))
                                    .value(value)
                                    .style("primary"))))));
  }

  /**
   * A modal's select menu whose block and element share {@code id}, as {@link ViewValues} reads
   * them; {@code initial} is preselected unless null.
   */
  public static LayoutBlock selectInput(
      String id, String label, List<OptionObject> options, OptionObject initial) {
    return input(
        i ->
            i.blockId(id)
                .label(plainText(label))
                .element(
                    staticSelect(s -> s.actionId(id).options(options).initialOption(initial))));
  }
}
