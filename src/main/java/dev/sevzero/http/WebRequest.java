package dev.sevzero.http;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request as a handler sees it: read whole, since every body we accept is small.
 *
 * @param headers as the JDK's server gives them: names case-insensitive
 * @param rawQuery the query string undecoded, or {@code null}
 */
public record WebRequest(
    String method,
    String path,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    String remoteAddress) {

  /** The first value of header {@code name}, or {@code null}. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
