-- A busy 09:00 tick writes every alert of the day in one statement, and each index of the outbox costs
-- an entry per row (and again on every claim and outcome update, which are not HOT). An alert's dedupe
-- key (kind:milestone:due:subscription:slot) is made of its own columns by both writers of alerts (the
-- tick and the report at start, which take the milestone and its due date from the milestones row), so
-- uniqueness is kept on those columns instead, in the order of the (subscription, milestone, slot) index
-- it replaces: one index fewer, and integer comparisons instead of 56 characters of text. It still
-- serves the staleness check and the supersede lookups. The key's format never changed, so rows already
-- written are unique on the columns too.
-- Digests have no milestone (NULLs are distinct, so the column index leaves them alone): their text key
-- stays unique among digests.
CREATE UNIQUE INDEX notifications_alert_key ON notifications (subscription_id, milestone_id, slot_at, kind, due);
CREATE UNIQUE INDEX notifications_digest_key ON notifications (dedupe_key) WHERE kind = 'digest';
ALTER TABLE notifications DROP CONSTRAINT notifications_dedupe_key_key;
DROP INDEX notifications_subscription_milestone_idx;
