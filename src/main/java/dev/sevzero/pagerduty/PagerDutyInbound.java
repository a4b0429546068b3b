package dev.sevzero.pagerduty;

import dev.sevzero.incident.Incident;
import dev.sevzero.incident.IncidentException;
import dev.sevzero.incident.IncidentService;
import dev.sevzero.incident.Transactions;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PagerDuty tells us (SPEC §10): an acknowledgement there acknowledges the Sevzero incident,
 * in the name of the Slack user the responder maps to, without being sent back to PagerDuty; a
 * resolution there is a timeline entry. Each delivery is handled once, however often it comes.
 */
public final class PagerDutyInbound {

  /** What a delivery did. */
  public enum Result {
    ACKNOWLEDGED,
    RECORDED,
    DUPLICATE,
    IGNORED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern DEDUP_KEY = Pattern.compile("sevzero-INC-(\\d{1,18})");
  private static final String SOMEONE = "someone in PagerDuty";

  private final IncidentService incidents;
  private final PagerDutyRecords records;
  private final Transactions transactions;
  private final Map<String, String> slackUserByPagerDutyUser;
  private final Clock clock;

  /**
   * @param slackUserByPagerDutyUser {@code PAGERDUTY_USER_MAP}: PagerDuty user id or email (lower
   *     case) → Slack user ID
   */
  public PagerDutyInbound(
      IncidentService incidents,
      PagerDutyRecords records,
      Transactions transactions,
      Map<String, String> slackUserByPagerDutyUser,
      Clock clock) {
    this.incidents = incidents;
    this.records = records;
    this.transactions = transactions;
    this.slackUserByPagerDutyUser = Map.copyOf(slackUserByPagerDutyUser);
    this.clock = clock;
  }

  public Result receive(PagerDutyNotice notice) {
    return transactions.inTransaction(
        () -> {
          if (!records.firstDelivery(notice.webhookId(), clock.instant())) {
            return Result.DUPLICATE;
          }
          Optional<Incident> incident = notice.incidentKey().flatMap(this::incident);
          if (incident.isEmpty() || !incident.get().isOpen()) {
            return Result.IGNORED;
          }
          long id = incident.get().id();
          String responder = responder(notice);
          try {
            switch (notice.eventType()) {
              case "incident.acknowledged" -> {
                // Recorded first, so that the acknowledgement is not sent back to PagerDuty.
                records.markAcknowledged(id);
                incidents.acknowledge(id, responder);
                return Result.ACKNOWLEDGED;
              }
              case "incident.resolved" -> {
                incidents.note(id, responder, "Resolved in PagerDuty");
                return Result.RECORDED;
              }
              default -> {
                return Result.IGNORED;
              }
            }
          } catch (IncidentException e) {
            return Result.IGNORED;
          }
        });
  }

  private Optional<Incident> incident(String incidentKey) {
    Matcher key = DEDUP_KEY.matcher(incidentKey);
    return key.matches() ? incidents.find(Long.parseLong(key.group(1))) : Optional.empty();
  }

  /** The Slack user the PagerDuty user maps to, else their PagerDuty name. */
  private String responder(PagerDutyNotice notice) {
    return notice
        .agentId()
        .map(id -> slackUserByPagerDutyUser.get(id.toLowerCase(Locale.ROOT)))
        .or(
            () ->
                notice
                    .agentEmail()
                    .map(email -> slackUserByPagerDutyUser.get(email.toLowerCase(Locale.ROOT))))
        .or(() -> notice.agentName().map(name -> name + " (PagerDuty)"))
        .orElse(SOMEONE);
  }
}
