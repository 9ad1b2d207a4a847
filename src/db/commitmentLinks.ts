// SQL for commitment_links: a later commitment restating an earlier one (carry-over across documents).
import type { Pool, PoolClient } from './createPool.ts';

type Db = Pool | PoolClient;

export interface LinkCandidate {
  id: number;
  ref: string;
  text: string;
  bureaus: string[];
  documentId: number;
  milestones: { id: number; seq: number; due: string; status: string }[];
}

const CANDIDATE = `SELECT c.id, c.ref, c.text, c.bureaus, c.document_id AS "documentId",
    COALESCE((SELECT json_agg(json_build_object('id', m.id, 'seq', m.seq, 'due', m.due, 'status', m.status) ORDER BY m.seq)
              FROM milestones m WHERE m.commitment_id = c.id AND m.withdrawn_at IS NULL), '[]'::json) AS milestones
  FROM commitments c JOIN documents d ON d.id = c.document_id WHERE c.withdrawn_at IS NULL`;

export async function findDocumentByKey(db: Db, key: string): Promise<{ id: number; key: string; title: string; published: string | null } | null> {
  const { rows } = await db.query('SELECT id, key, title, published FROM documents WHERE key = $1', [key]);
  return rows[0] ?? null;
}

/** The document's live commitments, with their live milestones. */
export async function listCommitmentsOfDocument(db: Db, documentId: number): Promise<LinkCandidate[]> {
  const { rows } = await db.query<LinkCandidate>(`${CANDIDATE} AND c.document_id = $1 ORDER BY c.position`, [documentId]);
  return rows;
}

/** Live commitments of documents published before this one (or loaded before it, when either has no date). */
export async function listCommitmentsOfEarlierDocuments(db: Db, documentId: number): Promise<LinkCandidate[]> {
  const { rows } = await db.query<LinkCandidate>(
    `${CANDIDATE} AND d.id <> $1 AND EXISTS (
       SELECT 1 FROM documents later WHERE later.id = $1
         AND CASE WHEN later.published IS NOT NULL AND d.published IS NOT NULL THEN d.published < later.published ELSE d.id < later.id END)
     ORDER BY d.published NULLS LAST, c.position`,
    [documentId],
  );
  return rows;
}

/** Pairs already linked, also those an editor removed (never linked again automatically). */
export async function listLinkedPairs(db: Db, newCommitmentIds: readonly number[]): Promise<Set<string>> {
  const { rows } = await db.query<{ o: number; n: number }>(
    'SELECT old_commitment_id AS o, new_commitment_id AS n FROM commitment_links WHERE new_commitment_id = ANY($1::bigint[])',
    [newCommitmentIds],
  );
  return new Set(rows.map((r) => `${r.o}:${r.n}`));
}

export interface NewLink {
  oldCommitmentId: number;
  newCommitmentId: number;
  similarity: number;
  oldMilestoneId: number | null;
  newMilestoneId: number | null;
  oldDue: string | null;
  newDue: string | null;
  daysSlipped: number | null;
}

export async function insertLink(db: Db, link: NewLink, now: Date): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    `INSERT INTO commitment_links (old_commitment_id, new_commitment_id, similarity, old_milestone_id, new_milestone_id, old_due, new_due, days_slipped, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (old_commitment_id, new_commitment_id) DO NOTHING RETURNING id`,
    [link.oldCommitmentId, link.newCommitmentId, link.similarity, link.oldMilestoneId, link.newMilestoneId, link.oldDue, link.newDue, link.daysSlipped, now],
  );
  return rows[0]?.id ?? 0;
}

export interface LinkRow {
  id: number;
  oldRef: string;
  newRef: string;
  oldDocument: string;
  newDocument: string;
  similarity: number;
  oldMilestoneId: number | null;
  oldSeq: number | null;
  newSeq: number | null;
  oldDue: string | null;
  newDue: string | null;
  daysSlipped: number | null;
  createdAt: Date;
  removedAt: Date | null;
  removedBy: string | null;
}

const LINK = `SELECT l.id, o.ref AS "oldRef", n.ref AS "newRef", od.key AS "oldDocument", nd.key AS "newDocument", l.similarity,
    l.old_milestone_id AS "oldMilestoneId", om.seq AS "oldSeq", nm.seq AS "newSeq", l.old_due AS "oldDue", l.new_due AS "newDue",
    l.days_slipped AS "daysSlipped", l.created_at AS "createdAt", l.removed_at AS "removedAt", l.removed_by AS "removedBy"
  FROM commitment_links l
  JOIN commitments o ON o.id = l.old_commitment_id JOIN documents od ON od.id = o.document_id
  JOIN commitments n ON n.id = l.new_commitment_id JOIN documents nd ON nd.id = n.document_id
  LEFT JOIN milestones om ON om.id = l.old_milestone_id LEFT JOIN milestones nm ON nm.id = l.new_milestone_id`;

export async function listLinks(db: Db, options: { includeRemoved?: boolean; ref?: string } = {}): Promise<LinkRow[]> {
  const { rows } = await db.query<LinkRow>(
    `${LINK} WHERE ($1 OR l.removed_at IS NULL) AND ($2::text IS NULL OR upper(o.ref) = upper($2) OR upper(n.ref) = upper($2))
     ORDER BY o.ref, n.ref`,
    [options.includeRemoved ?? false, options.ref ?? null],
  );
  return rows;
}

export async function lockLink(db: Db, oldRef: string, newRef: string): Promise<LinkRow | null> {
  const { rows } = await db.query<LinkRow>(`${LINK} WHERE upper(o.ref) = upper($1) AND upper(n.ref) = upper($2) FOR UPDATE OF l`, [oldRef, newRef]);
  return rows[0] ?? null;
}

export async function markLinkRemoved(db: Db, id: number, by: string, now: Date): Promise<void> {
  await db.query('UPDATE commitment_links SET removed_at = $2, removed_by = $3 WHERE id = $1', [id, now, by]);
}

export interface LinkedReschedule {
  milestoneId: number;
  due: string;
  /** The date the milestone had before the link moved it. */
  previousDue: string;
}

/**
 * Milestones of a link's earlier commitment that the link rescheduled and nothing changed since: their
 * latest history entry is the carry-over from the later commitment's document, and they still carry its date.
 */
export async function lockLinkedReschedules(db: Db, linkId: number): Promise<LinkedReschedule[]> {
  const { rows } = await db.query<LinkedReschedule>(
    `SELECT m.id AS "milestoneId", to_char(m.due, 'YYYY-MM-DD') AS due, to_char(h.previous_due, 'YYYY-MM-DD') AS "previousDue"
       FROM commitment_links l
       JOIN commitments n ON n.id = l.new_commitment_id
       JOIN milestones m ON m.commitment_id = l.old_commitment_id
       JOIN LATERAL (SELECT * FROM milestone_status_history h WHERE h.milestone_id = m.id ORDER BY h.changed_at DESC, h.id DESC LIMIT 1) h ON true
      WHERE l.id = $1 AND m.status = 'rescheduled' AND h.source = 'carryover' AND h.source_document_id = n.document_id
        AND h.due = m.due AND h.previous_due IS NOT NULL
      ORDER BY m.seq
        FOR UPDATE OF m`,
    [linkId],
  );
  return rows;
}
