-- The transactional outbox (SPEC §14): every external effect a change promises (a Slack post, a
-- channel, a page, later PagerDuty events and Notion pages) is stored here in the change's
-- transaction and carried out after the commit by the dispatcher, which claims rows with an
-- expiring lease so that a replica that dies leaves nothing behind.
-- Times are epoch milliseconds of the wall clock.

CREATE TABLE delivery (
  id BIGINT PRIMARY KEY,               -- from the 'delivery' counter: the order they were stored in
  kind TEXT NOT NULL,                  -- which handler carries it out, e.g. slack.post
  sequence_key TEXT,                   -- one at a time, in id order, within a sequence (e.g. incident-7)
  after_id BIGINT,                     -- waits until that delivery is no longer pending
  incident_id BIGINT,                  -- the incident it is about, if any
  payload TEXT NOT NULL,               -- JSON, read by the handler
  state TEXT NOT NULL,                 -- pending | delivered | failed
  created_at BIGINT NOT NULL,
  not_before BIGINT NOT NULL,          -- not tried before then (Retry-After, backoff)
  attempts INTEGER NOT NULL,
  claimed_by TEXT,                     -- the replica trying it now
  lease_until BIGINT,                  -- its claim runs out then; set while an attempt is running
  uncertain BOOLEAN NOT NULL,          -- an earlier attempt may have reached the target: check first
  last_error TEXT,
  result TEXT,                         -- what the target answered (a message ts, a page id)
  finished_at BIGINT
);

CREATE INDEX delivery_ready ON delivery (state, not_before);
CREATE INDEX delivery_by_sequence ON delivery (sequence_key, state, id);
CREATE INDEX delivery_by_incident ON delivery (incident_id, state);

INSERT INTO counter (name, last_issued) VALUES ('delivery', 0);
