-- Exercises (SPEC 11): drills with the scenario, checklist and recovery objectives they were run
-- with, and the claims that make each exercise reminder go out once.

CREATE TABLE drill (
  incident_id BIGINT PRIMARY KEY REFERENCES incident (id),
  kind TEXT NOT NULL,                  -- tabletop | dr
  scenario_id TEXT,                    -- the library's id; NULL for a scenario outside the library
  title TEXT NOT NULL,
  brief TEXT,
  rto_target_ms BIGINT,                -- DR drills: the targets...
  rpo_target_ms BIGINT,
  rto_achieved_ms BIGINT,              -- ...and what was achieved, recorded at resolution
  rpo_achieved_ms BIGINT,
  achieved_by TEXT,
  achieved_at BIGINT,
  checklist_ts TEXT,                   -- the Slack message showing the checklist
  started_at BIGINT NOT NULL
);

CREATE INDEX drill_by_started_at ON drill (started_at);

CREATE TABLE drill_step (
  incident_id BIGINT NOT NULL REFERENCES drill (incident_id),
  number INTEGER NOT NULL,             -- 1-based
  text TEXT NOT NULL,
  ticked_by TEXT,                      -- the first tick stands
  ticked_at BIGINT,
  PRIMARY KEY (incident_id, number)
);

CREATE TABLE exercise_schedule (
  kind TEXT PRIMARY KEY,               -- tabletop | dr
  reminding_since BIGINT NOT NULL      -- occurrences before this are not reminded of
);

CREATE TABLE exercise_reminder (
  kind TEXT NOT NULL,
  occurrence_at BIGINT NOT NULL,       -- the cron instant: the claim that makes the reminder go out once
  scenario_id TEXT NOT NULL,
  claimed_at BIGINT NOT NULL,
  PRIMARY KEY (kind, occurrence_at)
);
