package dev.sevzero.followups;

import java.util.List;

/** Tells an owner which of their follow-ups are overdue (a Slack DM). */
@FunctionalInterface
public interface OverdueReminder {
  void remind(String owner, List<Followup> overdue);
}
