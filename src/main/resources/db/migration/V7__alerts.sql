-- Incidents declared by an outside system (an alert group), and what Sevzero knows of each group.

-- Who declared it, for an alert-born incident: the source ('alertmanager', 'grafana') and its id
-- for the incident there. A declaration with an origin already stored returns that incident: two
-- replicas, or an HA pair of Alertmanagers, delivering the same group at once declare it once.
ALTER TABLE incident ADD COLUMN source TEXT;
ALTER TABLE incident ADD COLUMN external_id TEXT;
CREATE UNIQUE INDEX incident_by_origin ON incident (source, external_id);

-- One row per alert group ever seen. Its lock serialises the notifications of one group; the
-- group's current incident is declared under external id '<group_key>#<declarations>'.
CREATE TABLE alert_group (
  source TEXT NOT NULL,                -- alertmanager | grafana
  group_key TEXT NOT NULL,
  declarations INTEGER NOT NULL,       -- incidents declared for this group so far
  incident_id BIGINT REFERENCES incident (id), -- the current one, once declared
  PRIMARY KEY (source, group_key)
);

-- The alerts of a group's current incident, by fingerprint: a new one is a timeline entry.
CREATE TABLE alert_state (
  source TEXT NOT NULL,
  group_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  firing BOOLEAN NOT NULL,
  PRIMARY KEY (source, group_key, fingerprint)
);

-- PagerDuty webhook deliveries already handled (X-Webhook-Id): PagerDuty delivers at least once.
CREATE TABLE pagerduty_webhook (
  webhook_id TEXT PRIMARY KEY,
  received_at BIGINT NOT NULL
);

-- Incidents PagerDuty knows to be acknowledged since their last trigger: the first response
-- sends one acknowledge, and none goes back for an acknowledgement that came from PagerDuty.
CREATE TABLE pagerduty_page (
  incident_id BIGINT PRIMARY KEY REFERENCES incident (id),
  acknowledged BOOLEAN NOT NULL
);
