package dev.sevzero.slack;

import com.slack.api.model.view.ViewState;
import java.util.Map;
import java.util.Optional;

/**
 * What a person typed or chose in a submitted modal. Our modals give each input block and its
 * element the same id, so one id finds a value.
 */
public final class ViewValues {

  private ViewValues() {}

  /** A text input's value. */
  public static Optional<String> text(Map<String, Map<String, ViewState.Value>> values, String id) {
    return value(values, id).map(ViewState.Value::getValue);
  }

  /** A select menu's chosen option's value. */
  public static Optional<String> selected(
      Map<String, Map<String, ViewState.Value>> values, String id) {
    return value(values, id)
        .map(ViewState.Value::getSelectedOption)
        .map(option -> option.getValue());
  }

  private static Optional<ViewState.Value> value(
      Map<String, Map<String, ViewState.Value>> values, String id) {
    return Optional.ofNullable(values.get(id)).map(block -> block.get(id));
  }
}
