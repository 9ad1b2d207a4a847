-- The notifications outbox is written in bulk by the tick (a busy 09:00 tick inserts 100,000 rows), and
-- checking both foreign keys row by row cost about a third of that statement. The ids it writes come
-- from a join with subscriptions and milestones in the same statement, and neither table ever deletes
-- rows (subscriptions are disabled, milestones withdrawn), so the checks add no protection.
ALTER TABLE notifications DROP CONSTRAINT notifications_subscription_id_fkey;
ALTER TABLE notifications DROP CONSTRAINT notifications_milestone_id_fkey;
