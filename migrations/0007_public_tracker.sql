-- Public tracker: trigram search over commitment texts (Chinese has no spaces, so words cannot be split; pg_trgm
-- matches any run of three characters), indexes for the lists and feeds, and the secret calendar tokens of
-- subscriptions.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX IF NOT EXISTS commitments_text_trgm_idx ON commitments USING gin (text gin_trgm_ops);
CREATE INDEX IF NOT EXISTS commitments_created_idx ON commitments (created_at);
CREATE INDEX IF NOT EXISTS milestones_commitment_due_idx ON milestones (due, commitment_id);

-- One secret per subscription; rotating replaces it, so an old URL stops working at once.
CREATE TABLE calendar_tokens (
  subscription_id  bigint PRIMARY KEY REFERENCES subscriptions(id),
  token            text NOT NULL UNIQUE,
  created_at       timestamptz NOT NULL DEFAULT now()
);
