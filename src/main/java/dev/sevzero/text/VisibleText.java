package dev.sevzero.text;

/**
 * Text as a reader sees it. Zero-width and other format characters (U+200B, U+200D, U+2060,
 * U+FEFF…) print as nothing, so a title or note made only of them is as empty as a blank one.
 */
public final class VisibleText {

  private VisibleText() {}

  /**
   * {@code text} without the whitespace and invisible characters at either end; empty when nothing
   * visible is left.
   */
  public static String strip(String text) {
    if (text == null) {
      return "";
    }
    int start = 0;
    int end = text.length();
    while (start < end && invisible(text.codePointAt(start))) {
      start += Character.charCount(text.codePointAt(start));
    }
    while (end > start && invisible(text.codePointBefore(end))) {
      end -= Character.charCount(text.codePointBefore(end));
    }
    return text.substring(start, end);
  }

  private static boolean invisible(int codePoint) {
    return Character.isWhitespace(codePoint)
        || Character.isSpaceChar(codePoint)
        || Character.getType(codePoint) == Character.FORMAT;
  }
}
