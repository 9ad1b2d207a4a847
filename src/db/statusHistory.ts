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
}

export async function appendStatusHistory(client: PoolClient | Pool, entry: StatusHistoryEntry): Promise<void> {
  await client.query(
    `INSERT INTO milestone_status_history
       (milestone_id, status, due, previous_status, previous_due, actor, source, note, evidence_url, changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [entry.milestoneId, entry.status, entry.due, entry.previousStatus, entry.previousDue, entry.actor, entry.source, entry.note, entry.evidenceUrl, entry.changedAt],
  );
}

export async function listStatusHistory(client: PoolClient | Pool, milestoneIds: readonly number[]): Promise<StatusHistoryEntry[]> {
  const { rows } = await client.query<StatusHistoryEntry>(
    `SELECT milestone_id AS "milestoneId", status, due, previous_status AS "previousStatus", previous_due AS "previousDue",
            actor, source, note, evidence_url AS "evidenceUrl", changed_at AS "changedAt"
     FROM milestone_status_history WHERE milestone_id = ANY($1::bigint[]) ORDER BY changed_at, id`,
    [milestoneIds],
  );
  return rows;
}
