// SQL for evidence_proposals: statuses proposed by anyone, waiting for an editor's decision.
import type { Pool, PoolClient } from './createPool.ts';

type Db = Pool | PoolClient;

export type ProposedStatus = 'met' | 'claimed' | 'progress' | 'dropped';
export type ProposalState = 'open' | 'approved' | 'rejected';

export interface ProposalRow {
  id: number;
  milestoneId: number;
  ref: string;
  seq: number;
  milestoneCount: number;
  phrase: string;
  due: string;
  milestoneStatus: string;
  status: ProposedStatus;
  url: string;
  note: string | null;
  proposer: string;
  proposerName: string | null;
  replyTarget: string | null;
  replyLanguage: 'zh-HK' | 'en' | null;
  alsoProposedBy: string[];
  state: ProposalState;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
  createdAt: Date;
  /** Set on an outcome to tell a later proposer merged into this proposal (replyTarget is theirs). */
  follower?: string;
}

const SELECT = `SELECT p.id, p.milestone_id AS "milestoneId", c.ref, m.seq,
    (SELECT count(*) FROM milestones x WHERE x.commitment_id = c.id AND x.withdrawn_at IS NULL)::int AS "milestoneCount",
    m.phrase, m.due, m.status AS "milestoneStatus", p.status, p.url, p.note, p.proposer, p.proposer_name AS "proposerName",
    p.reply_target AS "replyTarget", p.reply_language AS "replyLanguage", p.also_proposed_by AS "alsoProposedBy", p.state, p.decided_by AS "decidedBy",
    p.decided_at AS "decidedAt", p.decision_note AS "decisionNote", p.created_at AS "createdAt"
  FROM evidence_proposals p JOIN milestones m ON m.id = p.milestone_id JOIN commitments c ON c.id = m.commitment_id`;

export type NewProposal = Pick<ProposalRow, 'milestoneId' | 'status' | 'url' | 'note' | 'proposer' | 'proposerName' | 'replyTarget' | 'replyLanguage'>;

/** Proposals of one person since an instant (merged ones count for whoever proposed first). */
export async function countProposalsSince(db: Db, proposer: string, since: Date): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM evidence_proposals WHERE (proposer = $1 OR $1 = ANY(also_proposed_by)) AND created_at >= $2`,
    [proposer, since],
  );
  return rows[0]!.n;
}

/**
 * Inserts the proposal, or merges it into the open one for the same milestone, status and URL (the later
 * proposer is remembered there). Returns the id and whether it was merged.
 */
export async function insertOrMergeProposal(db: Db, proposal: NewProposal, now: Date): Promise<{ id: number; merged: boolean }> {
  const { rows } = await db.query<{ id: number; inserted: boolean }>(
    `INSERT INTO evidence_proposals (milestone_id, status, url, note, proposer, proposer_name, reply_target, reply_language, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $9, $8)
     ON CONFLICT (milestone_id, status, url) WHERE state = 'open'
     DO UPDATE SET also_proposed_by = CASE
         WHEN evidence_proposals.proposer = EXCLUDED.proposer OR EXCLUDED.proposer = ANY(evidence_proposals.also_proposed_by)
         THEN evidence_proposals.also_proposed_by
         ELSE evidence_proposals.also_proposed_by || EXCLUDED.proposer END,
       note = COALESCE(evidence_proposals.note, EXCLUDED.note)
     RETURNING id, (xmax = 0) AS inserted`,
    [proposal.milestoneId, proposal.status, proposal.url, proposal.note, proposal.proposer, proposal.proposerName, proposal.replyTarget, now, proposal.replyLanguage],
  );
  return { id: rows[0]!.id, merged: !rows[0]!.inserted };
}

export async function listProposals(db: Db, options: { state?: ProposalState | 'all'; limit?: number } = {}): Promise<ProposalRow[]> {
  const state = options.state ?? 'open';
  const { rows } = await db.query<ProposalRow>(`${SELECT} WHERE ($1 = 'all' OR p.state = $1) ORDER BY p.id LIMIT $2`, [state, options.limit ?? 1000]);
  return rows;
}

export async function findProposal(db: Db, id: number, options: { lock?: boolean } = {}): Promise<ProposalRow | null> {
  const { rows } = await db.query<ProposalRow>(`${SELECT} WHERE p.id = $1${options.lock ? ' FOR UPDATE OF p' : ''}`, [id]);
  return rows[0] ?? null;
}

export async function recordDecision(
  db: Db,
  id: number,
  decision: { state: 'approved' | 'rejected'; decidedBy: string; note: string | null },
  now: Date,
): Promise<void> {
  await db.query(`UPDATE evidence_proposals SET state = $2, decided_by = $3, decision_note = $4, decided_at = $5 WHERE id = $1`, [
    id,
    decision.state,
    decision.decidedBy,
    decision.note,
    now,
  ]);
}

/**
 * Remembers a later proposer merged into an open proposal, so they are told its outcome where they proposed
 * (nothing when they are its first proposer, already follow it, or proposed where no reply can go).
 */
export async function addProposalFollower(db: Db, id: number, proposal: NewProposal, now: Date): Promise<void> {
  if (!proposal.replyTarget) return;
  await db.query(
    `INSERT INTO evidence_proposal_followers (proposal_id, proposer, reply_target, reply_language, created_at)
     SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM evidence_proposals WHERE id = $1 AND proposer = $2)
     ON CONFLICT (proposal_id, proposer) DO NOTHING`,
    [id, proposal.proposer, proposal.replyTarget, proposal.replyLanguage, now],
  );
}

/**
 * Decided proposals whose proposers have not been told yet, for reply targets starting with `prefix`: the
 * first proposer's, then each merged follower's (with the follower's reply target and language).
 */
export async function listUntoldOutcomes(db: Db, prefix: string): Promise<ProposalRow[]> {
  const { rows: own } = await db.query<ProposalRow>(
    `${SELECT} WHERE p.state <> 'open' AND p.outcome_sent_at IS NULL AND p.reply_target LIKE $1 || ':%' ORDER BY p.decided_at, p.id`,
    [prefix],
  );
  const { rows: followers } = await db.query<{ id: number; proposer: string; replyTarget: string; replyLanguage: 'zh-HK' | 'en' | null }>(
    `SELECT f.proposal_id AS id, f.proposer, f.reply_target AS "replyTarget", f.reply_language AS "replyLanguage"
     FROM evidence_proposal_followers f JOIN evidence_proposals p ON p.id = f.proposal_id
     WHERE p.state <> 'open' AND f.outcome_sent_at IS NULL AND f.reply_target LIKE $1 || ':%' ORDER BY p.decided_at, p.id, f.created_at`,
    [prefix],
  );
  if (!followers.length) return own;
  const { rows: followed } = await db.query<ProposalRow>(`${SELECT} WHERE p.id = ANY($1::bigint[])`, [[...new Set(followers.map((f) => f.id))]]);
  const byId = new Map(followed.map((row) => [row.id, row]));
  return [
    ...own,
    // Told as its own proposer: mentions and greetings address the follower.
    ...followers.map((f) => ({ ...byId.get(f.id)!, follower: f.proposer, proposer: f.proposer, proposerName: null, replyTarget: f.replyTarget, replyLanguage: f.replyLanguage })),
  ];
}

/** Marks an outcome told: the proposal's own proposer, or the follower it was told to. */
export async function markOutcomeSent(db: Db, told: { id: number; follower?: string }, now: Date): Promise<void> {
  if (told.follower) {
    await db.query('UPDATE evidence_proposal_followers SET outcome_sent_at = $3 WHERE proposal_id = $1 AND proposer = $2 AND outcome_sent_at IS NULL', [
      told.id,
      told.follower,
      now,
    ]);
    return;
  }
  await db.query('UPDATE evidence_proposals SET outcome_sent_at = $2 WHERE id = $1 AND outcome_sent_at IS NULL', [told.id, now]);
}

/** Serialises one person's proposals for the rest of the transaction, so two at once cannot both pass the limit. */
export async function lockProposer(client: PoolClient, proposer: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`policywatch:proposer:${proposer}`]);
}
