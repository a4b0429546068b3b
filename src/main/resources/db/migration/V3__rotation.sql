-- The on-call rotation (SPEC 6). Who is on call at any instant is derived from these facts:
-- the last handoff's incoming person, unless an override covers the instant.

CREATE TABLE roster_member (
  user_id TEXT PRIMARY KEY,            -- Slack user ID
  position INTEGER NOT NULL,           -- rotation order, 1-based
  added_at BIGINT NOT NULL
);

CREATE TABLE handoff (
  id BIGINT PRIMARY KEY,               -- sequential, computed by the writer
  scheduled_for BIGINT UNIQUE,         -- the cron instant it fulfils: the claim that makes it happen once; NULL if unscheduled
  at BIGINT NOT NULL,                  -- when it happened
  from_user TEXT,                      -- NULL when nobody held the pager before
  to_user TEXT NOT NULL,
  reason TEXT NOT NULL,                -- scheduled | startup-catch-up | manual | removal | first-member
  confirmed_at BIGINT,                 -- "I have the pager" pressed
  reminded_at BIGINT,                  -- the 15-minute reminder was claimed and sent
  escalated_at BIGINT                  -- the 30-minute "unconfirmed" notice was claimed and sent
);

CREATE INDEX handoff_by_at ON handoff (at);

CREATE TABLE oncall_override (
  user_id TEXT NOT NULL,
  starts_at BIGINT NOT NULL,
  ends_at BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, starts_at)
);

CREATE INDEX oncall_override_by_end ON oncall_override (ends_at);
