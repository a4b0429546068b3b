package dev.sevzero.incident;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of an incident's dedicated channel: {@code inc-<n>-<slug>} ({@code drill-<n>-<slug>} for
 * exercises). Slack channel names are at most 80 characters of lowercase {@code a-z0-9-_}, so the
 * slug keeps letters and digits (accents folded), turns everything else into single hyphens, and is
 * cut at a word boundary to leave room for a {@code -2}, {@code -3}… collision suffix.
 */
public final class ChannelName {

  public static final int MAX_LENGTH = 80;

  // Compiled once: a name is made inside every declaration's transaction.
  private static final Pattern MARKS = Pattern.compile("\\p{M}");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");
  private static final Pattern EDGE_HYPHENS = Pattern.compile("^-+|-+$");

  private ChannelName() {}

  /**
   * @param attempt 1 for the plain name, 2 and up after {@code name_taken}
   */
  public static String of(Incident incident, int attempt) {
    return of(incident.isDrill(), incident.id(), incident.title(), attempt);
  }

  static String of(boolean drill, long id, String title, int attempt) {
    String prefix = (drill ? "drill-" : "inc-") + id;
    String suffix = attempt > 1 ? "-" + attempt : "";
    int room = MAX_LENGTH - prefix.length() - suffix.length() - 1;
    String slug = truncate(slug(title), room);
    return prefix + (slug.isEmpty() ? "" : "-" + slug) + suffix;
  }

  static String slug(String title) {
    String folded =
        MARKS
            .matcher(Normalizer.normalize(title, Normalizer.Form.NFKD))
            .replaceAll("")
            .toLowerCase(Locale.ROOT);
    return EDGE_HYPHENS.matcher(NOT_ALPHANUMERIC.matcher(folded).replaceAll("-")).replaceAll("");
  }

  private static String truncate(String slug, int room) {
    if (slug.length() <= room) {
      return slug;
    }
    if (room <= 0) {
      return "";
    }
    String cut = slug.substring(0, room);
    int lastHyphen = cut.lastIndexOf('-');
    // Prefer ending on a whole word, unless that would throw most of the room away.
    if (lastHyphen > room / 2) {
      cut = cut.substring(0, lastHyphen);
    }
    return cut.replaceAll("-+$", "");
  }
}
