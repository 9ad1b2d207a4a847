// Records a status change of one milestone: checked by the domain rules, written with its history entry in
// one transaction. Used by the CLI, the curated statuses file and the bots' editor commands.
import type { Pool } from '../db/createPool.ts';
import { appendStatusHistory } from '../db/statusHistory.ts';
import { checkStatusChange, type MilestoneStatus, type StatusChangeRequest } from '../domain/milestoneStatus.ts';
import { MilestoneRefError, parseMilestoneRef } from './parseMilestoneRef.ts';

export interface StatusChangeContext {
  actor: string;
  source: 'cli' | 'seed' | 'telegram' | 'discord' | 'loader';
  note?: string | null;
  at: Date;
}

export interface StatusChangeOutcome {
  milestoneId: number;
  ref: string;
  seq: number;
  previousStatus: MilestoneStatus;
  status: MilestoneStatus;
  previousDue: string;
  due: string;
}

export async function changeMilestoneStatus(
  pool: Pool,
  refText: string,
  request: StatusChangeRequest,
  context: StatusChangeContext,
): Promise<StatusChangeOutcome> {
  const { ref, seq } = parseMilestoneRef(refText);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: number; seq: number; status: MilestoneStatus; due: string; evidenceUrl: string | null }>(
      `SELECT m.id, m.seq, m.status, m.due, m.evidence_url AS "evidenceUrl"
       FROM milestones m JOIN commitments c ON c.id = m.commitment_id
       WHERE upper(c.ref) = $1 AND m.withdrawn_at IS NULL ORDER BY m.seq FOR UPDATE OF m`,
      [ref],
    );
    if (!rows.length) {
      const exists = await client.query('SELECT 1 FROM commitments WHERE upper(ref) = $1', [ref]);
      throw new MilestoneRefError(refText, exists.rowCount ? 'this commitment has no dated milestone' : 'no such commitment');
    }
    if (seq === null && rows.length > 1) {
      throw new MilestoneRefError(refText, `this commitment has ${rows.length} milestones; name one as ${ref}/1 … ${ref}/${rows.length}`);
    }
    const milestone = seq === null ? rows[0]! : rows.find((row) => row.seq === seq);
    if (!milestone) throw new MilestoneRefError(refText, `no milestone ${seq}; this commitment has ${rows.length}`);
    const result = checkStatusChange(milestone, request);
    await client.query(
      `UPDATE milestones SET status = $2, due = $3, evidence_url = $4, status_changed_at = $5, updated_at = $5 WHERE id = $1`,
      [milestone.id, result.status, result.due, result.evidenceUrl, context.at],
    );
    await appendStatusHistory(client, {
      milestoneId: milestone.id,
      status: result.status,
      due: result.due,
      previousStatus: milestone.status,
      previousDue: milestone.due,
      actor: context.actor,
      source: context.source,
      note: context.note ?? null,
      evidenceUrl: request.evidenceUrl ?? null,
      changedAt: context.at,
    });
    await client.query('COMMIT');
    return { milestoneId: milestone.id, ref, seq: milestone.seq, previousStatus: milestone.status, status: result.status, previousDue: milestone.due, due: result.due };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
