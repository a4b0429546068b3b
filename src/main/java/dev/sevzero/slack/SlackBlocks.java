package dev.sevzero.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** Block Kit shapes several surfaces share. */
public final class SlackBlocks {

  private SlackBlocks() {}

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
}
