-- A delivery may wait for another (after_id) only so long: a PagerDuty trigger waits for the
-- incident's channel so that the page links it, but not past after_until (NULL: no limit), so a
-- slow Slack does not hold up the page.
ALTER TABLE delivery ADD COLUMN after_until BIGINT;
