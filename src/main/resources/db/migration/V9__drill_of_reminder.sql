-- The drill a reminder's Start drill button started. Pressing it again, two people pressing it at
-- once, or Slack retrying the press start no second drill: the first press claims the reminder
-- (a conditional update, so two replicas cannot both win) and the others are shown its drill.
ALTER TABLE exercise_reminder ADD COLUMN drill_started_by TEXT;
ALTER TABLE exercise_reminder ADD COLUMN drill_incident_id BIGINT REFERENCES incident (id);
