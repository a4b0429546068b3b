-- Learning from incidents (SPEC 12): follow-ups to done, messages captured from the incident
-- channel, and the Notion page each post-mortem is published to.

CREATE TABLE followup (
  id BIGINT PRIMARY KEY,               -- shown as #<id>; sequential (counter 'followup')
  incident_id BIGINT NOT NULL REFERENCES incident (id),
  text TEXT NOT NULL,
  owner TEXT,                          -- Slack user ID; NULL: nobody yet
  due_on TEXT,                         -- YYYY-MM-DD in SLA_TIMEZONE; NULL: no due date
  created_by TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  done_by TEXT,                        -- set once, by whoever pressed Done first
  done_at BIGINT
);

CREATE INDEX followup_by_incident ON followup (incident_id);
CREATE INDEX followup_by_created_at ON followup (created_at);
CREATE INDEX followup_open_by_due ON followup (done_at, due_on);

INSERT INTO counter (name, last_issued) VALUES ('followup', 0);

-- The weekly reminder to an owner of overdue follow-ups: the row is the claim, so each owner is
-- reminded once per week whatever the number of replicas and restarts.
CREATE TABLE followup_nudge (
  owner TEXT NOT NULL,
  week_of TEXT NOT NULL,               -- the Monday (YYYY-MM-DD, SLA_TIMEZONE) of the week
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (owner, week_of)
);

-- A message added to the timeline with the "Add to incident timeline" shortcut; its timeline entry
-- carries the author, text and original time. The key makes a second capture of it a no-op.
CREATE TABLE captured_message (
  incident_id BIGINT NOT NULL REFERENCES incident (id),
  message_ts TEXT NOT NULL,            -- Slack's ts of the message in the incident channel
  author TEXT NOT NULL,
  posted_at BIGINT NOT NULL,
  text TEXT NOT NULL,
  captured_by TEXT NOT NULL,
  captured_at BIGINT NOT NULL,
  PRIMARY KEY (incident_id, message_ts)
);

-- The Notion page an incident's post-mortem is published to: publishing again replaces its content.
CREATE TABLE postmortem_page (
  incident_id BIGINT PRIMARY KEY REFERENCES incident (id),
  page_id TEXT NOT NULL,
  url TEXT NOT NULL,
  published_at BIGINT                  -- NULL while a publication is incomplete
);
