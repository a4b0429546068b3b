-- Incidents, their roles, timeline and status updates.
-- Times are epoch milliseconds (UTC): no zone, no DST, comparable and indexable on every database.
-- In sqlite3: SELECT id, datetime(declared_at / 1000, 'unixepoch') FROM incident;

CREATE TABLE incident (
  id BIGINT PRIMARY KEY,               -- shown as INC-<id>; sequential
  title TEXT NOT NULL,
  description TEXT,
  severity TEXT NOT NULL,              -- sev0 | sev1 | sev2 | sev3
  status TEXT NOT NULL,                -- open | resolved
  drill BOOLEAN NOT NULL,              -- exercise: full process, excluded from SLA figures
  declared_by TEXT NOT NULL,           -- Slack user ID
  declared_at BIGINT NOT NULL,
  started_at BIGINT NOT NULL,          -- declared_at, or the alert's start for alert-declared incidents
  channel_id TEXT,                     -- the dedicated incident channel, once created
  channel_name TEXT,
  header_ts TEXT,                      -- the pinned header message in that channel
  commander TEXT,
  scribe TEXT,
  acknowledged_by TEXT,                -- first acknowledgement
  acknowledged_at BIGINT,
  responded_by TEXT,                   -- first response: ack, role taken or update (SPEC 4)
  responded_at BIGINT,
  response_kind TEXT,                  -- ack | role | update
  response_ms BIGINT,                  -- responded_at - started_at: the SLA figure
  resolved_by TEXT,
  resolved_at BIGINT,
  resolution TEXT
);

CREATE INDEX incident_by_declared_at ON incident (declared_at);
CREATE INDEX incident_by_channel ON incident (channel_id);
CREATE INDEX incident_by_status ON incident (status);

CREATE TABLE incident_engineer (
  incident_id BIGINT NOT NULL REFERENCES incident (id),
  user_id TEXT NOT NULL,
  position INTEGER NOT NULL,           -- the order they joined in
  PRIMARY KEY (incident_id, user_id)
);

CREATE TABLE timeline_entry (
  incident_id BIGINT NOT NULL REFERENCES incident (id),
  seq INTEGER NOT NULL,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,                 -- Slack user ID, or 'sevzero'
  kind TEXT NOT NULL,                  -- declared | ack | role | update | note | severity | resolved | reopened | ...
  text TEXT NOT NULL,
  PRIMARY KEY (incident_id, seq)
);

CREATE TABLE status_update (
  incident_id BIGINT NOT NULL REFERENCES incident (id),
  number INTEGER NOT NULL,             -- Update #k on INC-n
  posted_at BIGINT NOT NULL,
  posted_by TEXT NOT NULL,
  status TEXT NOT NULL,                -- investigating | identified | monitoring
  text TEXT NOT NULL,
  PRIMARY KEY (incident_id, number)
);
