package dev.sevzero.slack.incident;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.sevzero.incident.Incident;
import dev.sevzero.slack.command.SubCommand;
import java.util.List;
import java.util.Optional;

/**
 * What other surfaces add to {@code /incident} without the incident code knowing them: their
 * sub-commands, lines in {@code /incident status}, and a form that resolving opens instead of
 * resolving at once (a DR drill asks for its recovery objectives first).
 */
public interface IncidentExtensions {

  IncidentExtensions NONE = new IncidentExtensions() {};

  /** Listed in help after {@code declare}, routed like the built-in ones. */
  default List<SubCommand> subCommands() {
    return List.of();
  }

  /** Added at the end of {@code /incident status} for {@code incident}. */
  default List<LayoutBlock> statusBlocks(Incident incident) {
    return List.of();
  }

  /**
   * The modal resolving {@code incident} opens instead of resolving it (the command's summary, if
   * one was typed, filled in); empty to resolve as usual.
   */
  default Optional<View> resolveForm(Incident incident, String summary) {
    return Optional.empty();
  }
}
