-- Webhook updates of the Telegram bot, claimed before they are handled so that a re-sent or concurrently
-- delivered update (Telegram re-sends on a timeout or a failed answer; several replicas share the work) is
-- handled once per successful claim. The update itself is kept until handled, so a replica killed mid-handle
-- loses nothing: its claim runs out (lease_until) and another replica takes it over from here.
CREATE TABLE telegram_updates (
  bot_id       bigint NOT NULL,
  update_id    bigint NOT NULL,
  state        text NOT NULL CHECK (state IN ('handling', 'done', 'abandoned')),
  payload      jsonb,
  claimed_by   text NOT NULL,
  attempts     integer NOT NULL DEFAULT 1,
  lease_until  timestamptz NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  finished_at  timestamptz,
  PRIMARY KEY (bot_id, update_id)
);

-- The sweep for claims that ran out, and the pruning of old rows.
CREATE INDEX telegram_updates_handling_idx ON telegram_updates (lease_until) WHERE state = 'handling';
CREATE INDEX telegram_updates_received_idx ON telegram_updates (received_at);
