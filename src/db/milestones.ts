// SQL for the milestones table.
import type { ExtractedMilestone } from '../domain/types.ts';
import type { Pool, PoolClient } from './createPool.ts';

export type MilestoneStatus = 'pending' | 'met' | 'claimed' | 'rescheduled' | 'dropped';

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
