// SQL for milestone_status_history: append-only, one row per change of status or due date.
import type { Pool, PoolClient } from './createPool.ts';

export interface StatusHistoryEntry {
  milestoneId: number;
  status: string;
  due: string;
  previousStatus: string | null;
  previousDue: string | null;
  actor: string;
  source: string;
  note: string | null;
  evidenceUrl: string | null;
  changedAt: Date;
  /** The approved evidence proposal this change came from. */
  proposalId?: number | null;
  /** The later document that carried the milestone over. */
  sourceDocumentId?: number | null;
}

/** A history entry as read back, with what its provenance names. */
export interface StoredStatusHistoryEntry extends StatusHistoryEntry {
  proposalId: number | null;
  proposer: string | null;
  proposerName: string | null;
  sourceDocumentId: number | null;
  sourceDocumentKey: string | null;
  sourceDocumentTitle: string | null;
}

export async function appendStatusHistory(client: PoolClient | Pool, entry: StatusHistoryEntry): Promise<void> {
  await client.query(
    `INSERT INTO milestone_status_history
       (milestone_id, status, due, previous_status, previous_due, actor, source, note, evidence_url, changed_at, proposal_id, source_document_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      entry.milestoneId, entry.status, entry.due, entry.previousStatus, entry.previousDue, entry.actor, entry.source, entry.note,
      entry.evidenceUrl, entry.changedAt, entry.proposalId ?? null, entry.sourceDocumentId ?? null,
    ],
  );
}

export async function listStatusHistory(client: PoolClient | Pool, milestoneIds: readonly number[]): Promise<StoredStatusHistoryEntry[]> {
  const { rows } = await client.query<StoredStatusHistoryEntry>(
    `SELECT h.milestone_id AS "milestoneId", h.status, h.due, h.previous_status AS "previousStatus", h.previous_due AS "previousDue",
            h.actor, h.source, h.note, h.evidence_url AS "evidenceUrl", h.changed_at AS "changedAt",
            h.proposal_id AS "proposalId", p.proposer, p.proposer_name AS "proposerName",
            h.source_document_id AS "sourceDocumentId", d.key AS "sourceDocumentKey", d.title AS "sourceDocumentTitle"
     FROM milestone_status_history h
     LEFT JOIN evidence_proposals p ON p.id = h.proposal_id
     LEFT JOIN documents d ON d.id = h.source_document_id
     WHERE h.milestone_id = ANY($1::bigint[]) ORDER BY h.changed_at, h.id`,
    [milestoneIds],
  );
  return rows;
}

/** Whether the curated statuses file already recorded this status (same note and evidence) for a ref (upper case). */
export async function hasSeedStatusEntry(
  db: PoolClient | Pool,
  entry: { ref: string; seq: number | null; status: string; note: string | null; evidenceUrl: string | null },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM milestone_status_history h JOIN milestones m ON m.id = h.milestone_id JOIN commitments c ON c.id = m.commitment_id
     WHERE upper(c.ref) = $1 AND ($2::int IS NULL OR m.seq = $2) AND h.source = 'seed' AND h.status = $3
       AND h.note IS NOT DISTINCT FROM $4 AND h.evidence_url IS NOT DISTINCT FROM $5`,
    [entry.ref, entry.seq, entry.status, entry.note, entry.evidenceUrl],
  );
  return Boolean(rowCount);
}
