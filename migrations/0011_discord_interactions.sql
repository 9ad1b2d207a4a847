-- Discord interactions claimed by the replica that answers them. Discord sends a shard's events to every
-- session identified for that shard, so with several replicas holding the gateway each of them receives each
-- command; the first to insert its id handles it and the others leave it alone. Interaction tokens are valid
-- for 15 minutes, so ids are kept only for an hour.
CREATE TABLE discord_interactions (
  interaction_id  text PRIMARY KEY,
  claimed_by      text NOT NULL,
  claimed_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE INDEX discord_interactions_claimed_idx ON discord_interactions (claimed_at);
