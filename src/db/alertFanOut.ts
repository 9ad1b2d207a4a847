// The tick's SQL: the open milestones that can owe an alert, and the fan-out of their alert slots to the
// matching subscriptions into the outbox. The dedupe key (kind, milestone, due date, subscription, slot),
// unique on those columns (migration 0013), makes a replay harmless; for each milestone and subscription
// only the latest slot is sent, earlier ones are recorded as superseded. planAlerts (domain/alertPolicy.ts)
// states the same rule in TypeScript, and a property test keeps the two in agreement.
import type { PoolClient } from './createPool.ts';
import type { MilestoneStatus } from '../domain/milestoneStatus.ts';

export const SUPERSEDED_BY_LATER_SLOT = 'a later alert for the same milestone was due';
const SUPERSEDED = SUPERSEDED_BY_LATER_SLOT;

export interface AlertableMilestone {
  id: number;
  due: string;
  status: MilestoneStatus;
  statusChangedAt: Date;
}

export interface AlertSlotRow {
  milestoneId: number;
  kind: string;
  at: Date;
  /** Part of the dedupe key: the slot's ISO instant. */
  key: string;
}

/** Settings for the tick's transaction, in one round trip (a quiet tick is a handful of statements). */
export async function tuneTickTransaction(client: PoolClient): Promise<void> {
  // A busy 09:00 tick sorts and ranks hundreds of thousands of pairs; keep that in memory. Not waiting for
  // the WAL flush is safe here: a crash can only lose this whole transaction (rows and covered_until
  // together), and the next tick recomputes it; any later claim's synchronous commit flushes it first.
  // The planner overestimates the unnested bureau joins about tenfold, which (1) sizes a hashed UNION by
  // the estimate, zeroing tens of MB every tick where sorting the actual pairs is cheaper, and (2) on a
  // server built with LLVM pushes the fan-out over jit_above_cost: about 2 s of compiling for 55,000 rows.
  await client.query(`SET LOCAL work_mem = '128MB'; SET LOCAL synchronous_commit = off; SET LOCAL enable_hashagg = off; SET LOCAL jit = off`);
}

/** Open milestones (not withdrawn) due by `dueBy` whose status was set by `now`. */
export async function listAlertableMilestones(client: PoolClient, dueBy: string, now: Date): Promise<AlertableMilestone[]> {
  const { rows } = await client.query<AlertableMilestone>(
    `SELECT m.id, m.due, m.status, m.status_changed_at AS "statusChangedAt"
     FROM milestones m JOIN commitments c ON c.id = m.commitment_id
     WHERE m.status IN ('pending', 'rescheduled') AND m.withdrawn_at IS NULL AND c.withdrawn_at IS NULL
       AND m.due <= $1::date AND m.status_changed_at <= $2`,
    [dueBy, now],
  );
  return rows;
}

// Slots are numbered and the fan-out joins narrow (slot number, subscription id) pairs by hash: bureau
// codes on both sides are unnested so no per-row array comparison is needed. The dedupe key's slot part
// (kind:milestone:due) is formatted once per slot, not once per alert.
const fanOut = (conflicts: 'skip' | 'fail'): string => `
WITH slot AS MATERIALIZED (
  SELECT s.*, m.due, c.bureaus, c.ref, concat_ws(':', s.kind, s.milestone_id, m.due) AS key_head
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
  SELECT s.milestone_id, s.kind, s.slot_at, s.slot_key, s.key_head, s.due, p.subscription_id, sub.target,
         row_number() OVER (PARTITION BY p.subscription_id, s.milestone_id ORDER BY s.slot_at DESC) AS rn
  FROM pair p JOIN slot s ON s.n = p.n JOIN subscriptions sub ON sub.id = p.subscription_id
  WHERE s.slot_at >= sub.active_since
    AND (sub.muted_until IS NULL OR s.slot_at >= sub.muted_until)
    AND CASE s.kind WHEN 'overdue' THEN sub.watchdog WHEN 'missed' THEN sub.watchdog OR sub.deadlines ELSE sub.deadlines END
),
inserted AS (
  INSERT INTO notifications (dedupe_key, kind, subscription_id, milestone_id, due, slot_at, target, state, available_at, last_error, created_at, updated_at)
  SELECT r.key_head || ':' || r.subscription_id || ':' || r.slot_key, r.kind, r.subscription_id, r.milestone_id, r.due,
         r.slot_at, r.target, CASE WHEN r.rn = 1 THEN 'pending' ELSE 'superseded' END, $5,
         CASE WHEN r.rn = 1 THEN NULL ELSE '${SUPERSEDED}' END, $5, $5
  FROM ranked r
  -- one target's alerts get neighbouring ids, so a worker's batch holds whole groups; the window's own
  -- order, so one sort serves both
  ORDER BY r.subscription_id, r.milestone_id, r.slot_at DESC
  ${conflicts === 'skip' ? 'ON CONFLICT (subscription_id, milestone_id, slot_at, kind, due) DO NOTHING' : ''}
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
const FAN_OUT = fanOut('fail');
const FAN_OUT_SKIPPING_QUEUED = fanOut('skip');
const UNIQUE_VIOLATION = '23505';

/** Writes the slots' alerts for every matching subscription to the outbox; counts queued and superseded rows. */
export async function fanOutAlertSlots(client: PoolClient, slots: readonly AlertSlotRow[], now: Date): Promise<{ enqueued: number; superseded: number }> {
  if (!slots.length) return { enqueued: 0, superseded: 0 };
  const params = [slots.map((s) => s.milestoneId), slots.map((s) => s.kind), slots.map((s) => s.at), slots.map((s) => s.key), now];
  // A tick's window follows the previous one, so its alerts are almost always new: a plain insert spares
  // ON CONFLICT's per-row probe and confirmation. When some are queued already (the report at start, a
  // replayed window), the unique index refuses the insert and the statement is rerun skipping them.
  await client.query('SAVEPOINT fan_out');
  let result;
  try {
    result = await client.query<{ enqueued: number; superseded: number }>(FAN_OUT, params);
    await client.query('RELEASE SAVEPOINT fan_out');
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    await client.query('ROLLBACK TO SAVEPOINT fan_out');
    result = await client.query<{ enqueued: number; superseded: number }>(FAN_OUT_SKIPPING_QUEUED, params);
  }
  const row = result.rows[0];
  return { enqueued: row?.enqueued ?? 0, superseded: row?.superseded ?? 0 };
}
