package dev.sevzero.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a handler answers.
 *
 * @param contentType {@code null} for none
 * @param headers extra response headers
 */
public record WebReply(
    int status, String contentType, Map<String, List<String>> headers, byte[] body) {

  private static final String TEXT = "text/plain; charset=utf-8";

  public static WebReply text(int status, String body) {
    return new WebReply(status, TEXT, Map.of(), body.getBytes(StandardCharsets.UTF_8));
  }

  public WebReply withHeader(String name, String value) {
    var more = new LinkedHashMap<>(headers);
    more.put(name, List.of(value));
    return new WebReply(status, contentType, Map.copyOf(more), body);
  }
}
