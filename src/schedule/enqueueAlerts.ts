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

// Slots are numbered and the fan-out joins narrow (slot number, subscription id) pairs by hash: bureau
// codes on both sides are unnested so no per-row array comparison is needed.
const FAN_OUT = `
WITH slot AS MATERIALIZED (
  SELECT s.*, m.due, c.bureaus, c.ref
  FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::text[]) WITH ORDINALITY AS s(milestone_id, kind, slot_at, slot_key, n)
  JOIN milestones m ON m.id = s.milestone_id JOIN commitments c ON c.id = m.commitment_id
),
slot_bureau AS (
  SELECT s.n, b.code FROM slot s CROSS JOIN LATERAL unnest(s.bureaus) AS b(code)
),
subscription_bureau AS (
  SELECT b.code, sub.id FROM subscriptions sub CROSS JOIN LATERAL unnest(sub.bureaus) AS b(code) WHERE sub.disabled_at IS NULL
),
subscription_ref AS (
  SELECT r.ref, sub.id FROM subscriptions sub CROSS JOIN LATERAL unnest(sub.refs) AS r(ref) WHERE sub.disabled_at IS NULL
),
pair AS MATERIALIZED (
  SELECT s.n, sub.id AS subscription_id FROM slot s CROSS JOIN subscriptions sub
  WHERE sub.bureaus IS NULL AND sub.refs IS NULL AND sub.disabled_at IS NULL
  UNION
  SELECT sb.n, x.id FROM slot_bureau sb JOIN subscription_bureau x ON x.code = sb.code
  UNION
  SELECT s.n, x.id FROM slot s JOIN subscription_ref x ON x.ref = s.ref
),
ranked AS (
  SELECT s.milestone_id, s.kind, s.slot_at, s.slot_key, s.due, p.subscription_id, sub.target,
         row_number() OVER (PARTITION BY s.milestone_id, p.subscription_id ORDER BY s.slot_at DESC) AS rn
  FROM pair p JOIN slot s ON s.n = p.n JOIN subscriptions sub ON sub.id = p.subscription_id
  WHERE s.slot_at >= sub.active_since
    AND (sub.muted_until IS NULL OR s.slot_at >= sub.muted_until)
    AND CASE s.kind WHEN 'overdue' THEN sub.watchdog WHEN 'missed' THEN sub.watchdog OR sub.deadlines ELSE sub.deadlines END
),
inserted AS (
  INSERT INTO notifications (dedupe_key, kind, subscription_id, milestone_id, due, slot_at, target, state, available_at, last_error, created_at, updated_at)
  SELECT concat_ws(':', r.kind, r.milestone_id, r.due, r.subscription_id, r.slot_key), r.kind, r.subscription_id, r.milestone_id, r.due,
         r.slot_at, r.target, CASE WHEN r.rn = 1 THEN 'pending' ELSE 'superseded' END, $5,
         CASE WHEN r.rn = 1 THEN NULL ELSE '${SUPERSEDED}' END, $5, $5
  FROM ranked r
  -- one target's alerts get neighbouring ids, so a worker's batch holds whole groups
  ORDER BY r.subscription_id, r.milestone_id, r.slot_at
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
    // A busy 09:00 tick sorts and ranks hundreds of thousands of pairs; keep that in memory. Not waiting
    // for the WAL flush is safe here: a crash can only lose this whole transaction (rows and covered_until
    // together), and the next tick recomputes it; any later claim's synchronous commit flushes it first.
    await client.query("SET LOCAL work_mem = '128MB'");
    await client.query('SET LOCAL synchronous_commit = off');
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
