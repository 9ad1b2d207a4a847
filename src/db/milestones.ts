// SQL for the milestones table.
import type { MilestoneStatus } from '../domain/milestoneStatus.ts';
import type { ExtractedMilestone } from '../domain/types.ts';
import type { Pool, PoolClient } from './createPool.ts';

export interface MilestoneRow {
  id: number;
  commitmentId: number;
  seq: number;
  kind: 'deadline' | 'start';
  phrase: string;
  subject: string | null;
  due: string;
  extractedDue: string;
  status: MilestoneStatus;
  evidenceUrl: string | null;
  statusChangedAt: Date;
  withdrawnAt: Date | null;
}

const COLUMNS = `id, commitment_id AS "commitmentId", seq, kind, phrase, subject, due, extracted_due AS "extractedDue", status,
  evidence_url AS "evidenceUrl", status_changed_at AS "statusChangedAt", withdrawn_at AS "withdrawnAt"`;

export async function listMilestonesOf(client: PoolClient | Pool, commitmentIds: readonly number[]): Promise<MilestoneRow[]> {
  const { rows } = await client.query<MilestoneRow>(
    `SELECT ${COLUMNS} FROM milestones WHERE commitment_id = ANY($1::bigint[]) ORDER BY commitment_id, seq`,
    [commitmentIds],
  );
  return rows;
}

/**
 * `cycleStart` is when the milestone's alert cycle begins: for a promise read from a document, the day it
 * was published (the promise stood from then on, whenever it was loaded).
 */
export async function insertMilestone(client: PoolClient, commitmentId: number, seq: number, m: ExtractedMilestone, cycleStart: Date, now: Date): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO milestones (commitment_id, seq, kind, phrase, subject, due, extracted_due, status_changed_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8, $8) RETURNING id`,
    [commitmentId, seq, m.kind, m.phrase, m.subject, m.due, cycleStart, now],
  );
  return rows[0]!.id;
}

/** Refreshes the document-derived fields; due and status are the caller's decision. */
export async function updateMilestone(
  client: PoolClient,
  id: number,
  fields: { kind: string; phrase: string; subject: string | null; due: string; extractedDue: string; status: MilestoneStatus; statusChangedAt: Date },
  now: Date,
): Promise<void> {
  await client.query(
    `UPDATE milestones SET kind = $2, phrase = $3, subject = $4, due = $5, extracted_due = $6, status = $7, status_changed_at = $8,
       withdrawn_at = NULL, updated_at = $9
     WHERE id = $1 AND (kind, phrase, subject, due, extracted_due, status, status_changed_at, withdrawn_at)
       IS DISTINCT FROM ($2, $3, $4, $5::date, $6::date, $7, $8::timestamptz, NULL::timestamptz)`,
    [id, fields.kind, fields.phrase, fields.subject, fields.due, fields.extractedDue, fields.status, fields.statusChangedAt, now],
  );
}

export async function withdrawMilestones(client: PoolClient, ids: readonly number[], now: Date): Promise<void> {
  if (!ids.length) return;
  await client.query('UPDATE milestones SET withdrawn_at = $2, updated_at = $2 WHERE id = ANY($1::bigint[]) AND withdrawn_at IS NULL', [ids, now]);
}

/** Open (pending or rescheduled, not withdrawn) milestones per bureau code. */
export async function countOpenMilestonesByBureau(db: Pool | PoolClient): Promise<Map<string, number>> {
  const { rows } = await db.query<{ code: string; count: number }>(
    `SELECT b.code, count(*)::int AS count
     FROM milestones m JOIN commitments c ON c.id = m.commitment_id CROSS JOIN LATERAL unnest(c.bureaus) AS b(code)
     WHERE m.status IN ('pending', 'rescheduled') AND m.withdrawn_at IS NULL AND c.withdrawn_at IS NULL
     GROUP BY b.code`,
  );
  return new Map(rows.map((r) => [r.code, r.count]));
}

export interface MilestoneSummary {
  ref: string;
  seq: number;
  /** How many (not withdrawn) milestones the commitment has. */
  count: number;
  due: string;
  status: MilestoneStatus;
  text: string;
}

/** Milestones of commitments whose ref starts with the typed ref part or whose text holds the typed words. */
export async function searchMilestoneRows(db: Pool | PoolClient, typed: string, limit: number): Promise<MilestoneSummary[]> {
  const query = typed.trim();
  const refPart = query.split('/')[0]!.replace(/[%_\\]/g, (ch) => `\\${ch}`);
  const words = query.replace(/[%_\\]/g, (ch) => `\\${ch}`);
  const { rows } = await db.query<MilestoneSummary>(
    `SELECT c.ref, m.seq, count(*) OVER (PARTITION BY c.id)::int AS count, m.due, m.status, c.text
     FROM commitments c JOIN milestones m ON m.commitment_id = c.id
     WHERE c.withdrawn_at IS NULL AND m.withdrawn_at IS NULL
       AND ($1 = '' OR upper(c.ref) LIKE upper($1) || '%' OR c.text ILIKE '%' || $2 || '%')
     ORDER BY (upper(c.ref) LIKE upper($1) || '%') DESC, c.document_id DESC, c.position, m.seq
     LIMIT $3`,
    [refPart, words, limit],
  );
  return rows;
}

/** A milestone as /show lists it: withdrawn ones flagged rather than left out. */
export type MilestoneDetailRow = Omit<MilestoneRow, 'commitmentId' | 'statusChangedAt' | 'withdrawnAt'> & { withdrawn: boolean };

/** Every milestone of a commitment (withdrawn ones too), in order. */
export async function listMilestoneDetails(db: Pool | PoolClient, commitmentId: number): Promise<MilestoneDetailRow[]> {
  const { rows } = await db.query<MilestoneDetailRow>(
    `SELECT id, seq, kind, phrase, subject, due, extracted_due AS "extractedDue", status, evidence_url AS "evidenceUrl", withdrawn_at IS NOT NULL AS withdrawn
     FROM milestones WHERE commitment_id = $1 ORDER BY seq`,
    [commitmentId],
  );
  return rows;
}
export interface LockedMilestone {
  id: number;
  commitmentId: number;
  seq: number;
  status: MilestoneStatus;
  due: string;
  evidenceUrl: string | null;
}

/** The live milestones of a commitment ref (case-insensitive), locked for a status change. */
export async function lockMilestonesOfRef(client: PoolClient, ref: string): Promise<LockedMilestone[]> {
  const { rows } = await client.query<LockedMilestone>(
    `SELECT m.id, m.commitment_id AS "commitmentId", m.seq, m.status, m.due, m.evidence_url AS "evidenceUrl"
     FROM milestones m JOIN commitments c ON c.id = m.commitment_id
     WHERE upper(c.ref) = upper($1) AND m.withdrawn_at IS NULL ORDER BY m.seq FOR UPDATE OF m`,
    [ref],
  );
  return rows;
}

export async function lockMilestone(client: PoolClient, id: number): Promise<LockedMilestone | null> {
  const { rows } = await client.query<LockedMilestone>(
    `SELECT id, commitment_id AS "commitmentId", seq, status, due, evidence_url AS "evidenceUrl" FROM milestones WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0] ?? null;
}

export async function commitmentExists(client: PoolClient | Pool, ref: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM commitments WHERE upper(ref) = upper($1)', [ref]);
  return Boolean(rowCount);
}

/** Writes a checked status change; the alert cycle restarts at `at`. */
export async function setMilestoneStatus(
  client: PoolClient,
  id: number,
  fields: { status: MilestoneStatus; due: string; evidenceUrl: string | null },
  at: Date,
): Promise<void> {
  await client.query(`UPDATE milestones SET status = $2, due = $3, evidence_url = $4, status_changed_at = $5, updated_at = $5 WHERE id = $1`, [
    id,
    fields.status,
    fields.due,
    fields.evidenceUrl,
    at,
  ]);
}

export interface MilestoneCounts {
  documents: number;
  commitments: number;
  met: number;
  claimed: number;
  dropped: number;
  upcoming: number;
  overdue: number;
}

/** Counts for the start summary; `today` is the local date open milestones are compared with. */
export async function countMilestonesByState(client: PoolClient | Pool, today: string): Promise<MilestoneCounts> {
  const { rows } = await client.query<MilestoneCounts>(
    `SELECT (SELECT count(*) FROM documents)::int AS documents,
            (SELECT count(*) FROM commitments WHERE withdrawn_at IS NULL)::int AS commitments,
            count(*) FILTER (WHERE m.status = 'met')::int AS met,
            count(*) FILTER (WHERE m.status = 'claimed')::int AS claimed,
            count(*) FILTER (WHERE m.status = 'dropped')::int AS dropped,
            count(*) FILTER (WHERE m.status IN ('pending', 'rescheduled') AND m.due >= $1::date)::int AS upcoming,
            count(*) FILTER (WHERE m.status IN ('pending', 'rescheduled') AND m.due < $1::date)::int AS overdue
     FROM milestones m JOIN commitments c ON c.id = m.commitment_id
     WHERE m.withdrawn_at IS NULL AND c.withdrawn_at IS NULL`,
    [today],
  );
  return rows[0]!;
}

export interface OpenMilestoneLine {
  ref: string;
  seq: number;
  milestoneCount: number;
  phrase: string;
  subject: string | null;
  text: string;
  bureaus: string[];
  due: string;
  status: MilestoneStatus;
}

const OPEN_LINE = `SELECT c.ref, m.seq, (SELECT count(*) FROM milestones x WHERE x.commitment_id = c.id AND x.withdrawn_at IS NULL)::int AS "milestoneCount",
            m.phrase, m.subject, c.text, c.bureaus, m.due, m.status
     FROM milestones m JOIN commitments c ON c.id = m.commitment_id
     WHERE m.status IN ('pending', 'rescheduled') AND m.withdrawn_at IS NULL AND c.withdrawn_at IS NULL`;

/** Open milestones due before `today`, oldest first. */
export async function listOverdueMilestones(client: PoolClient | Pool, today: string): Promise<OpenMilestoneLine[]> {
  const { rows } = await client.query<OpenMilestoneLine>(`${OPEN_LINE} AND m.due < $1::date ORDER BY m.due, c.ref, m.seq`, [today]);
  return rows;
}

/** The next open milestone due on or after `today`. */
export async function findNextDeadline(client: PoolClient | Pool, today: string): Promise<OpenMilestoneLine | null> {
  const { rows } = await client.query<OpenMilestoneLine>(`${OPEN_LINE} AND m.due >= $1::date ORDER BY m.due, c.ref, m.seq LIMIT 1`, [today]);
  return rows[0] ?? null;
}
