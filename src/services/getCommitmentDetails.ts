// One commitment with its milestones, their status history and evidence: the bots' /show.
import type { Pool } from '../db/createPool.ts';
import { listStatusHistory, type StatusHistoryEntry } from '../db/statusHistory.ts';
import type { MilestoneStatus } from '../domain/milestoneStatus.ts';

export interface CommitmentDetails {
  ref: string;
  text: string;
  headings: string[];
  bureaus: string[];
  withRelevantBureaux: boolean;
  withdrawn: boolean;
  document: { key: string; title: string; sourceUrl: string | null; published: string | null };
  milestones: {
    id: number;
    seq: number;
    kind: 'deadline' | 'start';
    phrase: string;
    subject: string | null;
    due: string;
    extractedDue: string;
    status: MilestoneStatus;
    evidenceUrl: string | null;
    withdrawn: boolean;
    history: StatusHistoryEntry[];
  }[];
}

export async function getCommitmentDetails(pool: Pool, ref: string): Promise<CommitmentDetails | null> {
  const { rows } = await pool.query(
    `SELECT c.id, c.ref, c.text, c.headings, c.bureaus, c.with_relevant_bureaux AS "withRelevantBureaux", c.withdrawn_at IS NOT NULL AS withdrawn,
            d.key, d.title, d.source_url AS "sourceUrl", d.published
     FROM commitments c JOIN documents d ON d.id = c.document_id WHERE upper(c.ref) = upper($1)`,
    [ref.trim()],
  );
  const row = rows[0];
  if (!row) return null;
  const { rows: milestones } = await pool.query(
    `SELECT id, seq, kind, phrase, subject, due, extracted_due AS "extractedDue", status, evidence_url AS "evidenceUrl", withdrawn_at IS NOT NULL AS withdrawn
     FROM milestones WHERE commitment_id = $1 ORDER BY seq`,
    [row.id],
  );
  const history = await listStatusHistory(pool, milestones.map((m) => m.id));
  return {
    ref: row.ref,
    text: row.text,
    headings: row.headings,
    bureaus: row.bureaus,
    withRelevantBureaux: row.withRelevantBureaux,
    withdrawn: row.withdrawn,
    document: { key: row.key, title: row.title, sourceUrl: row.sourceUrl, published: row.published },
    milestones: milestones.map((m) => ({ ...m, history: history.filter((h) => h.milestoneId === m.id) })),
  };
}
