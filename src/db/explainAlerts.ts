// The reads behind "why did this target get (or not get) this alert": the milestones of a ref with what
// the alert rule needs, the target's alert rows in the outbox, and how far the tick has covered.
import type { Pool } from './createPool.ts';
import type { MilestoneStatus } from '../domain/milestoneStatus.ts';

export interface MilestoneToExplain {
  id: number;
  ref: string;
  seq: number;
  phrase: string;
  due: string;
  status: MilestoneStatus;
  statusChangedAt: Date;
  withdrawn: boolean;
  bureaus: string[];
}

/** The milestones of a commitment (all, or the seq-th), in order. */
export async function listMilestonesToExplain(pool: Pool, ref: string, seq: number | null): Promise<MilestoneToExplain[]> {
  const { rows } = await pool.query<MilestoneToExplain>(
    `SELECT m.id, c.ref, m.seq, m.phrase, m.due, m.status, m.status_changed_at AS "statusChangedAt",
            (m.withdrawn_at IS NOT NULL OR c.withdrawn_at IS NOT NULL) AS withdrawn, c.bureaus
     FROM milestones m JOIN commitments c ON c.id = m.commitment_id
     WHERE upper(c.ref) = upper($1) AND ($2::int IS NULL OR m.seq = $2::int)
     ORDER BY m.seq`,
    [ref, seq],
  );
  return rows;
}

export interface OutboxAlertRow {
  id: number;
  milestoneId: number;
  kind: string;
  slotAt: Date;
  state: 'pending' | 'sending' | 'sent' | 'superseded' | 'dead';
  lastError: string | null;
  sentAt: Date | null;
}

/** The subscription's alert rows for these milestones, oldest slot first. */
export async function listOutboxAlerts(pool: Pool, subscriptionId: number, milestoneIds: readonly number[]): Promise<OutboxAlertRow[]> {
  const { rows } = await pool.query<OutboxAlertRow>(
    `SELECT id, milestone_id AS "milestoneId", kind, slot_at AS "slotAt", state, last_error AS "lastError", sent_at AS "sentAt"
     FROM notifications WHERE subscription_id = $1 AND milestone_id = ANY($2::bigint[]) AND kind <> 'digest'
     ORDER BY slot_at, id`,
    [subscriptionId, milestoneIds],
  );
  return rows;
}

/** Where the alert tick stopped last; null before its first pass. */
export async function findAlertsCoveredUntil(pool: Pool): Promise<Date | null> {
  const { rows } = await pool.query<{ coveredUntil: Date }>(`SELECT covered_until AS "coveredUntil" FROM scheduler_state WHERE name = 'alerts'`);
  return rows[0]?.coveredUntil ?? null;
}
