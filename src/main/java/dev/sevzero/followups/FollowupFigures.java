package dev.sevzero.followups;

/**
 * A month's follow-ups for the SLA report.
 *
 * @param opened recorded in the month
 * @param done of those, done by now
 * @param overdue of those, overdue now
 * @param overdueAllMonths every follow-up overdue now, whatever month it was recorded in
 */
public record FollowupFigures(int opened, int done, int overdue, int overdueAllMonths) {}
