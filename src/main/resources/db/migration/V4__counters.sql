-- Numbers handed out in sequence (INC-n, handoff ids, timeline seq, Update #k) are taken from a
-- counter with UPDATE … RETURNING: on PostgreSQL the update row-locks the counter until commit, so
-- replicas allocating at the same moment queue up instead of reading the same MAX and colliding.
-- Each counter holds the last number issued and starts from the data already stored.

CREATE TABLE counter (
  name TEXT PRIMARY KEY,               -- incident | handoff
  last_issued BIGINT NOT NULL
);

INSERT INTO counter (name, last_issued) SELECT 'incident', COALESCE(MAX(id), 0) FROM incident;
INSERT INTO counter (name, last_issued) SELECT 'handoff', COALESCE(MAX(id), 0) FROM handoff;

-- Per incident, the counters are columns of its row: allocating locks just that incident.
ALTER TABLE incident ADD COLUMN last_timeline_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incident ADD COLUMN last_update_number INTEGER NOT NULL DEFAULT 0;

UPDATE incident SET last_timeline_seq =
  COALESCE((SELECT MAX(seq) FROM timeline_entry WHERE timeline_entry.incident_id = incident.id), 0);
UPDATE incident SET last_update_number =
  COALESCE((SELECT MAX(number) FROM status_update WHERE status_update.incident_id = incident.id), 0);
