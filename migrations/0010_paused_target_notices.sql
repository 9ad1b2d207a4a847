-- When a target is paused because the bot may not post there, the people who manage it are told where the
-- platform lets the bot reach them: at most once a week per target while it stays paused.
ALTER TABLE subscriptions ADD COLUMN admins_told_at timestamptz;
