package dev.sevzero.slack.incident;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.Severity;
import dev.sevzero.slack.command.UsageException;
import dev.sevzero.text.VisibleText;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The severity and title typed after {@code /incident declare} or {@code /incident drill}, read by
 * one set of rules wherever they are typed.
 */
public final class TypedIncident {

  /**
   * A first word that means to be a severity and is not one (sev4, sev-1): refused, not a title.
   */
  private static final Pattern LOOKS_LIKE_A_SEVERITY =
      Pattern.compile("sev-?\\d+", Pattern.CASE_INSENSITIVE);

  /** What someone who typed no visible title is told. */
  public static final String NO_TITLE = "The incident needs a title.";

  private TypedIncident() {}

  /**
   * Takes a leading severity off {@code words} (sev0–sev3, any case; sev0 when there is none). Any
   * other first word, "severe" included, starts the title.
   *
   * @throws UsageException for a first word like sev9 that looks like a severity and is not one
   */
  public static Severity takeSeverity(List<String> words) {
    if (words.isEmpty()) {
      return Severity.SEV0;
    }
    String first = words.get(0);
    if (Severity.parse(first).isPresent()) {
      return Severity.parse(words.remove(0)).orElseThrow();
    }
    if (LOOKS_LIKE_A_SEVERITY.matcher(first).matches()) {
      throw notASeverity(first);
    }
    return Severity.SEV0;
  }

  public static UsageException notASeverity(String typed) {
    return new UsageException("`" + typed + "` is not a severity: use sev0, sev1, sev2 or sev3.");
  }

  /**
   * The title as typed: something visible (zero-width characters alone are nothing), and at most
   * {@link Incident#MAX_TITLE_LENGTH} characters.
   *
   * @param ifEmpty what to tell someone who typed nothing visible
   * @throws UsageException naming what is wrong
   */
  public static String title(String typed, String ifEmpty) {
    String title = VisibleText.strip(typed);
    if (title.isEmpty()) {
      throw new UsageException(ifEmpty);
    }
    if (title.length() > Incident.MAX_TITLE_LENGTH) {
      throw new UsageException(
          "That title is "
              + title.length()
              + " characters; keep it to "
              + Incident.MAX_TITLE_LENGTH
              + ".");
    }
    return title;
  }
}
