-- Evidence proposals from anyone, decided by editors, and links between a commitment and its restatement
-- in a later document (carry-over). Works on a database already holding data: only new tables and
-- nullable columns.

CREATE TABLE evidence_proposals (
  id             bigserial PRIMARY KEY,
  milestone_id   bigint NOT NULL REFERENCES milestones(id),
  status         text NOT NULL CHECK (status IN ('met', 'claimed', 'progress', 'dropped')),
  url            text NOT NULL,
  note           text,
  -- who proposed: telegram:<user id>, discord:<user id> or cli:<name>; display name for the queue
  proposer       text NOT NULL,
  proposer_name  text,
  -- where the proposer is told the outcome: telegram:<chat>[:<thread>], discord:<channel>, or NULL (CLI)
  reply_target   text,
  reply_language text CHECK (reply_language IN ('zh-HK', 'en')),
  -- later proposers of the same milestone, status and URL merged into this one
  also_proposed_by text[] NOT NULL DEFAULT '{}',
  state          text NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'approved', 'rejected')),
  decided_by     text,
  decided_at     timestamptz,
  decision_note  text,
  -- set once the proposer has been told the outcome (at least once: set after the send succeeds)
  outcome_sent_at timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evidence_proposals_open_idx ON evidence_proposals (created_at) WHERE state = 'open';
CREATE INDEX evidence_proposals_proposer_idx ON evidence_proposals (proposer, created_at);
-- one open proposal per (milestone, status, url): a duplicate is merged into it
CREATE UNIQUE INDEX evidence_proposals_open_unique ON evidence_proposals (milestone_id, status, url) WHERE state = 'open';
CREATE INDEX evidence_proposals_outcome_idx ON evidence_proposals (decided_at) WHERE state <> 'open' AND outcome_sent_at IS NULL;

-- Where a status came from beyond actor/source: the approved proposal, or the later document that carried
-- the milestone over.
ALTER TABLE milestone_status_history ADD COLUMN proposal_id bigint REFERENCES evidence_proposals(id);
ALTER TABLE milestone_status_history ADD COLUMN source_document_id bigint REFERENCES documents(id);

-- A later commitment restating an earlier one. When both have a dated milestone and the later date is
-- later, the earlier milestone was rescheduled to it (old_due -> new_due, days_slipped).
CREATE TABLE commitment_links (
  id                  bigserial PRIMARY KEY,
  old_commitment_id   bigint NOT NULL REFERENCES commitments(id),
  new_commitment_id   bigint NOT NULL REFERENCES commitments(id),
  similarity          real NOT NULL,
  old_milestone_id    bigint REFERENCES milestones(id),
  new_milestone_id    bigint REFERENCES milestones(id),
  old_due             date,
  new_due             date,
  days_slipped        integer,
  created_at          timestamptz NOT NULL DEFAULT now(),
  -- an editor undid the link; kept so a reload does not link the pair again
  removed_at          timestamptz,
  removed_by          text,
  UNIQUE (old_commitment_id, new_commitment_id)
);
CREATE INDEX commitment_links_new_idx ON commitment_links (new_commitment_id);
