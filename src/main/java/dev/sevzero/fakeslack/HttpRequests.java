package dev.sevzero.fakeslack;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads HTTP/1.1 requests off a connection for {@link LoopbackHttpServer}: the request line, the
 * headers, and a body of {@code Content-Length} bytes or in chunks.
 */
final class HttpRequests {

  private static final int MAX_LINE = 64 * 1024;

  private HttpRequests() {}

  /** The next request on the connection; null at a clean end of stream. */
  static LoopbackHttpServer.Request read(InputStream in, OutputStream out) throws IOException {
    String requestLine = line(in, true);
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length != 3) {
      throw new IOException("malformed request line: " + requestLine);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in, false); !header.isEmpty(); header = line(in, false)) {
      int colon = header.indexOf(':');
      if (colon > 0) {
        headers.put(
            header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            header.substring(colon + 1).trim());
      }
    }
    if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
      out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked(in);
    } else {
      String length = headers.get("content-length");
      body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
    }
    String target = parts[1];
    int query = target.indexOf('?');
    String connection = headers.get("connection");
    boolean keepAlive =
        parts[2].equals("HTTP/1.0")
            ? "keep-alive".equalsIgnoreCase(connection)
            : !"close".equalsIgnoreCase(connection);
    return new LoopbackHttpServer.Request(
        parts[0],
        query < 0 ? target : target.substring(0, query),
        query < 0 ? null : target.substring(query + 1),
        headers,
        body,
        keepAlive);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in, false);
      int semicolon = size.indexOf(';');
      int length =
          Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (length == 0) {
        while (!line(in, false).isEmpty()) {
          // trailers: none of ours send any, and none matter to the fake
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(length));
      line(in, false);
    }
  }

  /**
   * A CRLF-terminated line, without its end; null if the stream ends before the first byte and
   * {@code endAllowed}.
   */
  private static String line(InputStream in, boolean endAllowed) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); ; b = in.read()) {
      if (b < 0) {
        if (endAllowed && line.length() == 0) {
          return null;
        }
        throw new EOFException("connection closed mid-request");
      }
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      if (line.length() == MAX_LINE) {
        throw new IOException("request line or header too long");
      }
      line.append((char) b);
    }
  }
}
