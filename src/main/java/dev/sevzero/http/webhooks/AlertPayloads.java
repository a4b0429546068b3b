package dev.sevzero.http.webhooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.sevzero.alerts.Alert;
import dev.sevzero.alerts.AlertNotification;
import dev.sevzero.alerts.AlertSource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads Alertmanager's (webhook payload version 4) and Grafana's (version 1) notifications, field
 * by field: a missing or mistyped field is an {@link InvalidAlertPayload} naming it, and fields
 * this version does not use are ignored (both senders add fields over time).
 */
public final class AlertPayloads {

  private AlertPayloads() {}

  public static AlertNotification alertmanager(String body) {
    JsonObject root = object(body);
    requireVersion(root, "4");
    return notification(AlertSource.ALERTMANAGER, root, true);
  }

  public static AlertNotification grafana(String body) {
    JsonObject root = object(body);
    requireVersion(root, "1");
    if (!root.has("orgId") || !isNumber(root.get("orgId"))) {
      throw new InvalidAlertPayload("orgId: expected a number");
    }
    return notification(AlertSource.GRAFANA, root, false);
  }

  private static AlertNotification notification(
      AlertSource source, JsonObject root, boolean fingerprintRequired) {
    String groupKey = string(root, "groupKey", "groupKey");
    if (groupKey.isBlank()) {
      throw new InvalidAlertPayload("groupKey: must not be empty");
    }
    boolean firing = status(root, "status");
    JsonArray alertArray = array(root, "alerts");
    if (alertArray.isEmpty()) {
      throw new InvalidAlertPayload("alerts: expected at least one alert");
    }
    List<Alert> alerts = new ArrayList<>();
    for (int i = 0; i < alertArray.size(); i++) {
      String path = "alerts[" + i + "]";
      if (!alertArray.get(i).isJsonObject()) {
        throw new InvalidAlertPayload(path + ": expected an object");
      }
      alerts.add(alert(alertArray.get(i).getAsJsonObject(), path, fingerprintRequired));
    }
    return new AlertNotification(
        source,
        groupKey,
        firing,
        labels(root, "commonLabels", "commonLabels"),
        labels(root, "commonAnnotations", "commonAnnotations"),
        alerts);
  }

  private static Alert alert(JsonObject alert, String path, boolean fingerprintRequired) {
    boolean firing = status(alert, path + ".status");
    Map<String, String> labels = labels(alert, "labels", path + ".labels");
    String fingerprint =
        alert.has("fingerprint") || fingerprintRequired
            ? string(alert, "fingerprint", path + ".fingerprint")
            : new TreeMap<>(labels).toString();
    if (fingerprint.isBlank()) {
      throw new InvalidAlertPayload(path + ".fingerprint: must not be empty");
    }
    Instant startsAt = instant(string(alert, "startsAt", path + ".startsAt"), path + ".startsAt");
    Optional<String> generatorUrl =
        alert.has("generatorURL") && !alert.get("generatorURL").isJsonNull()
            ? Optional.of(string(alert, "generatorURL", path + ".generatorURL"))
                .filter(url -> url.startsWith("http://") || url.startsWith("https://"))
            : Optional.empty();
    return new Alert(
        fingerprint,
        firing,
        labels,
        labels(alert, "annotations", path + ".annotations"),
        startsAt,
        generatorUrl);
  }

  private static JsonObject object(String body) {
    JsonElement root;
    try {
      root = JsonParser.parseString(body);
    } catch (JsonParseException e) {
      throw new InvalidAlertPayload("the body is not JSON");
    }
    if (!root.isJsonObject()) {
      throw new InvalidAlertPayload("the body is not a JSON object");
    }
    return root.getAsJsonObject();
  }

  private static void requireVersion(JsonObject root, String version) {
    String found = string(root, "version", "version");
    if (!found.equals(version)) {
      throw new InvalidAlertPayload(
          "version: expected \"" + version + "\", got \"" + abbreviate(found) + "\"");
    }
  }

  private static boolean status(JsonObject object, String path) {
    String status = string(object, "status", path);
    return switch (status) {
      case "firing" -> true;
      case "resolved" -> false;
      default ->
          throw new InvalidAlertPayload(
              path + ": expected \"firing\" or \"resolved\", got \"" + abbreviate(status) + "\"");
    };
  }

  private static String string(JsonObject object, String field, String path) {
    JsonElement value = object.get(field);
    if (value == null || value.isJsonNull()) {
      throw new InvalidAlertPayload(path + ": missing");
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw new InvalidAlertPayload(path + ": expected a string");
    }
    return value.getAsString();
  }

  private static JsonArray array(JsonObject object, String field) {
    JsonElement value = object.get(field);
    if (value == null || value.isJsonNull()) {
      throw new InvalidAlertPayload(field + ": missing");
    }
    if (!value.isJsonArray()) {
      throw new InvalidAlertPayload(field + ": expected an array");
    }
    return value.getAsJsonArray();
  }

  /** A label or annotation set: an object of strings; absent counts as empty. */
  private static Map<String, String> labels(JsonObject object, String field, String path) {
    JsonElement value = object.get(field);
    if (value == null || value.isJsonNull()) {
      return Map.of();
    }
    if (!value.isJsonObject()) {
      throw new InvalidAlertPayload(path + ": expected an object of strings");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> label : value.getAsJsonObject().entrySet()) {
      JsonElement text = label.getValue();
      if (!text.isJsonPrimitive() || !text.getAsJsonPrimitive().isString()) {
        throw new InvalidAlertPayload(path + "." + label.getKey() + ": expected a string");
      }
      labels.put(label.getKey(), text.getAsString());
    }
    return labels;
  }

  private static Instant instant(String text, String path) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidAlertPayload(
          path
              + ": expected an RFC 3339 time such as 2026-11-28T04:00:00Z, got \""
              + abbreviate(text)
              + "\"");
    }
  }

  private static boolean isNumber(JsonElement value) {
    return value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
