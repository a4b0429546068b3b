package dev.sevzero.playground;

import static dev.sevzero.playground.BlockKitText.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.sevzero.fakeslack.FakeSlack;
import dev.sevzero.fakeslack.FakeView;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The modal open for a user, filled in field by field and submitted the way Slack's client does:
 * fields left alone keep their initial values, and a select takes an option's value or label.
 */
final class ModalForm {

  private final FakeSlack slack;
  private final Set<String> shown = new HashSet<>();
  private final Set<String> dismissed = new HashSet<>();
  private final Map<String, String> values = new LinkedHashMap<>();

  ModalForm(FakeSlack slack) {
    this.slack = slack;
  }

  /** The user's top modal if it was not reported before; a new modal starts empty. */
  Optional<FakeView> newlyOpened(String user) {
    Optional<FakeView> view = open(user).filter(v -> shown.add(v.id()));
    view.ifPresent(v -> values.clear());
    return view;
  }

  void set(String user, String field, String value) {
    FakeView view = required(user);
    JsonObject element = inputs(view).get(field);
    if (element == null) {
      throw new ShellError(
          "this modal has no field \"" + field + "\"; its fields: " + inputs(view).keySet());
    }
    values.put(field, element.has("options") ? option(element, value) : value);
  }

  /**
   * Submits the modal; returns the app's complaints per field, empty when it was accepted (then the
   * modal is closed, as in Slack, unless the app answered with another view).
   */
  Map<String, String> submit(String user) {
    FakeView view = required(user);
    Map<String, String> submitted = new LinkedHashMap<>(initialValues(view));
    submitted.putAll(values);
    JsonObject ack = slack.submitView(user, view.id(), submitted).ackPayload();
    Map<String, String> errors = new LinkedHashMap<>();
    if (ack != null && ack.has("errors")) {
      ack.getAsJsonObject("errors")
          .entrySet()
          .forEach(error -> errors.put(error.getKey(), error.getValue().getAsString()));
    } else {
      values.clear();
    }
    return errors;
  }

  /**
   * Dismisses the modal. The app is not told: its modals do not ask for view_closed, so in Slack
   * too the modal just goes away.
   */
  void cancel(String user) {
    dismissed.add(required(user).id());
    values.clear();
  }

  private FakeView required(String user) {
    return open(user).orElseThrow(() -> new ShellError("no modal is open for you"));
  }

  private Optional<FakeView> open(String user) {
    List<FakeView> views =
        slack.openViews(user).stream().filter(v -> !dismissed.contains(v.id())).toList();
    return views.isEmpty() ? Optional.empty() : Optional.of(views.get(views.size() - 1));
  }

  /** Input elements by action id. */
  private static Map<String, JsonObject> inputs(FakeView view) {
    Map<String, JsonObject> inputs = new LinkedHashMap<>();
    for (JsonElement b : view.view().getAsJsonArray("blocks")) {
      JsonObject block = b.getAsJsonObject();
      if ("input".equals(string(block, "type"))) {
        JsonObject element = block.getAsJsonObject("element");
        inputs.put(string(element, "action_id"), element);
      }
    }
    return inputs;
  }

  private static Map<String, String> initialValues(FakeView view) {
    Map<String, String> initial = new LinkedHashMap<>();
    inputs(view)
        .forEach(
            (actionId, element) -> {
              if (element.has("initial_option")) {
                initial.put(actionId, string(element.getAsJsonObject("initial_option"), "value"));
              } else if (element.has("initial_value")) {
                initial.put(actionId, string(element, "initial_value"));
              }
            });
    return initial;
  }

  private static String option(JsonObject select, String typed) {
    List<String> options = new ArrayList<>();
    for (JsonElement o : select.getAsJsonArray("options")) {
      JsonObject option = o.getAsJsonObject();
      String value = string(option, "value");
      if (typed.equalsIgnoreCase(value)
          || typed.equalsIgnoreCase(string(option.getAsJsonObject("text"), "text"))) {
        return value;
      }
      options.add(value);
    }
    throw new ShellError("\"" + typed + "\" is not an option; choose one of " + options);
  }
}
