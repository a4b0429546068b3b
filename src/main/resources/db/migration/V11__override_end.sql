-- The claim on telling that an on-call override ended (SPEC 6): set in the transaction that stores
-- the news, so a restart or a second replica neither loses nor repeats it.
ALTER TABLE oncall_override ADD COLUMN end_told_at BIGINT;
