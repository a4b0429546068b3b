-- The 30-minute update cadence (SPEC 5): one row per due time of an incident's updates.
-- The pending row (outcome NULL) is the incident's next due update. Setting prompted_at / escalated_at
-- with a conditional UPDATE is how a replica claims a prompt or an escalation, so each is sent once.

CREATE TABLE update_due (
  incident_id BIGINT NOT NULL REFERENCES incident (id),
  due_at BIGINT NOT NULL,
  prompted_at BIGINT,                  -- set when the prompt was claimed and sent
  escalated_at BIGINT,                 -- set when the missed-update escalation was claimed and sent
  outcome TEXT,                        -- on_time | late | missed; NULL while pending
  update_number INTEGER,               -- the status_update that answered it
  PRIMARY KEY (incident_id, due_at)
);

CREATE INDEX update_due_by_outcome ON update_due (outcome, due_at);
