// The tick. Level-triggered: it covers every alert slot between the instant the previous tick covered and
// now, so a tick after downtime catches up and a repeated or concurrent tick finds nothing new. The slots
// come from the pure alert policy; one SQL statement fans them out to the matching subscriptions and writes
// them to the outbox, where the unique dedupe key (kind, milestone, due date, subscription, slot) makes a
// replay harmless. For each milestone and subscription only the latest slot is sent; earlier ones are
// recorded as superseded.
import type { Pool } from '../db/createPool.ts';
import { latestRelevantDue, listAlertSlots, type AlertPolicy } from '../domain/alertPolicy.ts';
import type { MilestoneStatus } from '../domain/milestoneStatus.ts';

export interface EnqueueResult {
  /** Alerts queued for delivery. */
  enqueued: number;
  /** Alerts recorded as superseded by a later slot (queued now or earlier). */
  superseded: number;
  coveredFrom: Date;
  coveredUntil: Date;
}

const JOB = 'alerts';
const SUPERSEDED = 'a later alert for the same milestone was due';

const FAN_OUT = `
WITH slot AS (
  SELECT * FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::text[]) AS s(milestone_id, kind, slot_at, slot_key)
),
slot_info AS (
  SELECT s.*, m.due, c.bureaus, c.ref
  FROM slot s JOIN milestones m ON m.id = s.milestone_id JOIN commitments c ON c.id = m.commitment_id
),
matched AS (
  SELECT si.milestone_id, si.kind, si.slot_at, si.slot_key, si.due, sub.id AS subscription_id
  FROM slot_info si JOIN subscriptions sub ON sub.bureaus IS NULL AND sub.refs IS NULL
  UNION
  SELECT si.milestone_id, si.kind, si.slot_at, si.slot_key, si.due, sub.id
  FROM slot_info si CROSS JOIN LATERAL unnest(si.bureaus) AS b(code) JOIN subscriptions sub ON sub.bureaus @> ARRAY[b.code]
  UNION
  SELECT si.milestone_id, si.kind, si.slot_at, si.slot_key, si.due, sub.id
  FROM slot_info si JOIN subscriptions sub ON si.ref = ANY(sub.refs)
),
eligible AS (
  SELECT m.*, sub.target
  FROM matched m JOIN subscriptions sub ON sub.id = m.subscription_id
  WHERE sub.disabled_at IS NULL
    AND m.slot_at >= sub.active_since
    AND (sub.muted_until IS NULL OR m.slot_at >= sub.muted_until)
    AND CASE m.kind WHEN 'overdue' THEN sub.watchdog WHEN 'missed' THEN sub.watchdog OR sub.deadlines ELSE sub.deadlines END
),
ranked AS (
  SELECT e.*, row_number() OVER (PARTITION BY e.milestone_id, e.subscription_id ORDER BY e.slot_at DESC) AS rn FROM eligible e
),
inserted AS (
  INSERT INTO notifications (dedupe_key, kind, subscription_id, milestone_id, due, slot_at, target, state, available_at, last_error, created_at, updated_at)
  SELECT concat_ws(':', r.kind, r.milestone_id, r.due, r.subscription_id, r.slot_key), r.kind, r.subscription_id, r.milestone_id, r.due,
         r.slot_at, r.target, CASE WHEN r.rn = 1 THEN 'pending' ELSE 'superseded' END, $5,
         CASE WHEN r.rn = 1 THEN NULL ELSE '${SUPERSEDED}' END, $5, $5
  FROM ranked r
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING id, state, subscription_id, milestone_id, slot_at
),
superseded_earlier AS (
  UPDATE notifications n SET state = 'superseded', last_error = '${SUPERSEDED}', updated_at = $5
  FROM inserted i
  WHERE i.state = 'pending' AND n.state = 'pending' AND n.subscription_id = i.subscription_id
    AND n.milestone_id = i.milestone_id AND n.slot_at < i.slot_at
  RETURNING n.id
)
SELECT (SELECT count(*) FROM inserted WHERE state = 'pending')::int AS enqueued,
       ((SELECT count(*) FROM inserted WHERE state = 'superseded') + (SELECT count(*) FROM superseded_earlier))::int AS superseded`;

export async function enqueueAlerts(pool: Pool, now: Date, policy: AlertPolicy): Promise<EnqueueResult> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Ticks of several processes take turns; each then sees what the previous one covered.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('policywatch:tick'))");
    const state = await client.query<{ coveredUntil: Date }>('SELECT covered_until AS "coveredUntil" FROM scheduler_state WHERE name = $1', [JOB]);
    let from = state.rows[0]?.coveredUntil ?? null;
    if (!from) {
      // First tick ever: nothing before the oldest active subscription can be owed to anyone.
      const oldest = await client.query<{ since: Date | null }>('SELECT min(active_since) AS since FROM subscriptions WHERE disabled_at IS NULL');
      from = oldest.rows[0]?.since ?? now;
      if (from > now) from = now;
    }
    if (now <= from) {
      // The clock moved back (or a concurrent tick already covered this instant): nothing is owed.
      await client.query('COMMIT');
      return { enqueued: 0, superseded: 0, coveredFrom: from, coveredUntil: from };
    }

    const { rows: milestones } = await client.query<{ id: number; due: string; status: MilestoneStatus; statusChangedAt: Date }>(
      `SELECT m.id, m.due, m.status, m.status_changed_at AS "statusChangedAt"
       FROM milestones m JOIN commitments c ON c.id = m.commitment_id
       WHERE m.status IN ('pending', 'rescheduled') AND m.withdrawn_at IS NULL AND c.withdrawn_at IS NULL
         AND m.due <= $1::date AND m.status_changed_at <= $2`,
      [latestRelevantDue(now, policy), now],
    );
    const ids: number[] = [];
    const kinds: string[] = [];
    const times: Date[] = [];
    const keys: string[] = [];
    for (const milestone of milestones) {
      for (const slot of listAlertSlots(milestone, from, now, policy)) {
        ids.push(milestone.id);
        kinds.push(slot.kind);
        times.push(slot.at);
        keys.push(slot.at.toISOString());
      }
    }
    let enqueued = 0;
    let superseded = 0;
    if (ids.length) {
      const { rows } = await client.query<{ enqueued: number; superseded: number }>(FAN_OUT, [ids, kinds, times, keys, now]);
      enqueued = rows[0]?.enqueued ?? 0;
      superseded = rows[0]?.superseded ?? 0;
    }
    await client.query(
      `INSERT INTO scheduler_state (name, covered_until, updated_at) VALUES ($1, $2, $2)
       ON CONFLICT (name) DO UPDATE SET covered_until = GREATEST(scheduler_state.covered_until, EXCLUDED.covered_until), updated_at = EXCLUDED.updated_at`,
      [JOB, now],
    );
    await client.query('COMMIT');
    return { enqueued, superseded, coveredFrom: from, coveredUntil: now };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
