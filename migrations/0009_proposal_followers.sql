-- Later proposers whose duplicate proposal was merged into an open one: each is told the outcome too, where
-- they proposed from. Works on a database already holding data: a new table only.
CREATE TABLE evidence_proposal_followers (
  proposal_id     bigint NOT NULL REFERENCES evidence_proposals(id),
  proposer        text NOT NULL,
  reply_target    text NOT NULL,
  reply_language  text CHECK (reply_language IN ('zh-HK', 'en')),
  -- set once this follower has been told the outcome (at least once: set after the send succeeds)
  outcome_sent_at timestamptz,
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (proposal_id, proposer)
);
CREATE INDEX evidence_proposal_followers_untold_idx ON evidence_proposal_followers (proposal_id) WHERE outcome_sent_at IS NULL;
