// SQL for the notifications table: the outbox the tick writes and the delivery worker drains. A claim is a
// lease (state 'sending', owner, token, expiry) committed before the adapter is called and renewed while the
// claim is in flight; every outcome is written only while the claim is still ours (owner and token), so a
// worker whose lease was taken over cannot overwrite the newer claim's result.
import type { AlertKind } from '../domain/alertPolicy.ts';
import type { MilestoneStatus } from '../domain/milestoneStatus.ts';
import type { Pool, PoolClient } from './createPool.ts';

type Db = Pool | PoolClient;

export interface ClaimedNotification {
  id: number;
  dedupeKey: string;
  kind: AlertKind | 'digest';
  subscriptionId: number;
  milestoneId: number | null;
  due: string | null;
  slotAt: Date;
  target: string;
  attempts: number;
  payload: unknown;
}

export interface NotificationDetails extends ClaimedNotification {
  language: 'zh-HK' | 'en';
  subscriptionDisabledAt: Date | null;
  subscriptionDisabledReason: string | null;
  mutedUntil: Date | null;
  /** A later slot of the same milestone exists for this subscription (whatever its state): this one is stale. */
  laterSlot: boolean;
  milestone: {
    seq: number;
    kind: 'deadline' | 'start';
    phrase: string;
    subject: string | null;
    due: string;
    status: MilestoneStatus;
    evidenceUrl: string | null;
    withdrawn: boolean;
  } | null;
  commitment: { ref: string; text: string; bureaus: string[]; withRelevantBureaux: boolean; withdrawn: boolean } | null;
  document: { key: string; title: string; sourceUrl: string | null } | null;
}

// Leases run on the database's clock, never a process's: replicas whose clocks differ (another host, or a
// service started at a chosen instant with POLICYWATCH_NOW) must agree on when a claim has run out, or one
// takes over rows the other is still sending.

/** Returns rows whose lease ran out (their worker died or stalled) to the queue. */
export async function releaseExpiredLeases(db: Db, now: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE notifications SET state = 'pending', ${RELEASE}, available_at = $1, updated_at = $1
     WHERE state = 'sending' AND lease_until < clock_timestamp()`,
    [now],
  );
  return rowCount ?? 0;
}

/** The channel the tick and `policywatch retry` notify when they queue work; delivery loops listen on it. */
export const OUTBOX_CHANNEL = 'policywatch_outbox';

// The advisory-lock class of targets being claimed (two-key form, apart from the tick's one-key locks).
const CLAIM_LOCK_CLASS = 0x70770001;
// How many rows past its limit a claim looks at, so that targets other claims hold leave it enough to take.
const CANDIDATE_FACTOR = 4;

/** One claim: its rows are ours while lease_owner and lease_token still match and state is 'sending'. */
export interface Lease {
  owner: string;
  token: string;
}

/**
 * Claims the due rows of up to `limit` targets, each target whole: every pending row of a chosen target comes
 * along, so one tick's alerts for a chat stay one message. Rows locked by another claim are skipped.
 *
 * Row locks alone would let two concurrent claims split a target: when one claim's limit stops inside a
 * target's rows, the other locks the rest and the chat gets two messages. So a claim first takes the target
 * itself (a transaction-scoped advisory lock on its name, held until the claim commits) and skips targets
 * another claim holds. The lock is tried before the row is locked, so a target is only ever in one claim.
 *
 * The same statement returns what the re-check and the message need (subscription, milestone, commitment,
 * document, whether a later slot exists), read as they stand when the claim is made: one round trip and
 * one pass over the claimed rows per claim.
 */
export async function claimNotifications(
  db: Db,
  options: { lease: Lease; now: Date; leaseMs: number; limit: number; channels: readonly string[] },
): Promise<NotificationDetails[]> {
  const { rows } = await db.query(
    `WITH candidates AS MATERIALIZED (
       SELECT n.target FROM notifications n JOIN subscriptions s ON s.id = n.subscription_id
       WHERE n.state = 'pending' AND n.available_at <= $3
         AND (s.paused_until IS NULL OR s.paused_until <= $3)
         AND split_part(n.target, ':', 1) = ANY($6::text[])
       ORDER BY n.available_at, n.id
       LIMIT $5::int * ${CANDIDATE_FACTOR}
     ),
     -- The target lock is tried here, over rows already in order, so the LIMIT stops trying once it has enough:
     -- tried next to the sort it would be taken on every pending target, and a claim in flight would hold them
     -- all and leave concurrent claims empty. Rows another claim took meanwhile are dropped by the re-check below.
     due AS (
       SELECT c.target FROM candidates c
       WHERE pg_try_advisory_xact_lock(${CLAIM_LOCK_CLASS}, hashtext(c.target))
       LIMIT $5
     ),
     claimable AS (
       SELECT n.id FROM notifications n
       WHERE n.target IN (SELECT target FROM due) AND n.state = 'pending' AND n.available_at <= $3
       ORDER BY n.id
       FOR UPDATE OF n SKIP LOCKED
     ),
     -- By primary key: a join here was planned as a hash over the whole ledger on every claim.
     claimed AS (
       UPDATE notifications n SET state = 'sending', lease_owner = $1, lease_token = $2::uuid,
         lease_until = clock_timestamp() + make_interval(secs => $4::double precision / 1000),
         attempts = n.attempts + 1, updated_at = $3
       WHERE n.id = ANY(ARRAY(SELECT id FROM claimable))
       RETURNING n.id, n.dedupe_key, n.kind, n.subscription_id, n.milestone_id, n.due, n.slot_at, n.target, n.attempts, n.payload
     )
     SELECT ${DETAILS} FROM claimed n ${DETAILS_JOINS}
     ORDER BY n.target, n.due NULLS LAST, n.id`,
    [options.lease.owner, options.lease.token, options.now, options.leaseMs, options.limit, options.channels],
  );
  return rows.map(toDetails);
}

/**
 * Heartbeat: extends the lease of the claim's rows still in flight; returns how many it holds. By id (the
 * claim knows its rows), so no index on the lease token is kept up on every claim for this alone.
 */
export async function renewLease(db: Db, ids: readonly number[], lease: Lease, leaseMs: number): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE notifications SET lease_until = clock_timestamp() + make_interval(secs => $4::double precision / 1000) WHERE ${OURS}`,
    [ids, lease.owner, lease.token, leaseMs],
  );
  return rowCount ?? 0;
}

/** The same details as a claim returns, read again (for a claim that waited before its sends started). */
export async function loadNotificationDetails(db: Db, ids: readonly number[]): Promise<NotificationDetails[]> {
  const { rows } = await db.query(
    `SELECT ${DETAILS} FROM notifications n ${DETAILS_JOINS} WHERE n.id = ANY($1::bigint[]) ORDER BY n.target, n.due NULLS LAST, n.id`,
    [ids],
  );
  return rows.map(toDetails);
}

// What the re-check and the message need of a claimed alert, joined to the claimed rows `n`.
const DETAILS = `n.id, n.dedupe_key AS "dedupeKey", n.kind, n.subscription_id AS "subscriptionId", n.milestone_id AS "milestoneId",
  n.due, n.slot_at AS "slotAt", n.target, n.attempts, n.payload,
  s.language, s.disabled_at AS "subscriptionDisabledAt", s.disabled_reason AS "subscriptionDisabledReason", s.muted_until AS "mutedUntil",
  m.seq, m.kind AS "milestoneKind", m.phrase, m.subject, m.due AS "milestoneDue", m.status, m.evidence_url AS "evidenceUrl",
  m.withdrawn_at IS NOT NULL AS "milestoneWithdrawn",
  c.ref,
  -- the subscriber's edition of the text where it exists (en for en, Chinese otherwise)
  coalesce((SELECT t.text FROM commitment_texts t WHERE t.commitment_id = c.id
              AND t.language = CASE s.language WHEN 'en' THEN 'en' ELSE 'zh-Hant' END), c.text) AS text,
  c.bureaus, c.with_relevant_bureaux AS "withRelevantBureaux", c.withdrawn_at IS NOT NULL AS "commitmentWithdrawn",
  d.key AS "documentKey", d.title AS "documentTitle", d.source_url AS "documentUrl",
  (n.milestone_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM notifications l
    WHERE l.subscription_id = n.subscription_id AND l.milestone_id = n.milestone_id AND l.slot_at > n.slot_at
  )) AS "laterSlot"`;
const DETAILS_JOINS = `JOIN subscriptions s ON s.id = n.subscription_id
  LEFT JOIN milestones m ON m.id = n.milestone_id
  LEFT JOIN commitments c ON c.id = m.commitment_id
  LEFT JOIN documents d ON d.id = c.document_id`;

function toDetails(row: Record<string, any>): NotificationDetails {
  return {
    id: row.id, dedupeKey: row.dedupeKey, kind: row.kind, subscriptionId: row.subscriptionId, milestoneId: row.milestoneId,
    due: row.due, slotAt: row.slotAt, target: row.target, attempts: row.attempts, payload: row.payload,
    language: row.language, subscriptionDisabledAt: row.subscriptionDisabledAt, subscriptionDisabledReason: row.subscriptionDisabledReason,
    mutedUntil: row.mutedUntil, laterSlot: row.laterSlot,
    milestone: row.milestoneId === null ? null : {
      seq: row.seq, kind: row.milestoneKind, phrase: row.phrase, subject: row.subject, due: row.milestoneDue, status: row.status,
      evidenceUrl: row.evidenceUrl, withdrawn: row.milestoneWithdrawn,
    },
    commitment: row.ref === null ? null : { ref: row.ref, text: row.text, bureaus: row.bureaus, withRelevantBureaux: row.withRelevantBureaux, withdrawn: row.commitmentWithdrawn },
    document: row.documentKey === null ? null : { key: row.documentKey, title: row.documentTitle, sourceUrl: row.documentUrl },
  };
}

// Outcomes are fenced by the claim (owner and token), not by lease_until: a send that succeeded is
// recorded even if the write comes late, as long as nobody has claimed the row since.
const OURS = `id = ANY($1::bigint[]) AND lease_owner = $2 AND lease_token = $3::uuid AND state = 'sending'`;
const RELEASE = 'lease_owner = NULL, lease_token = NULL, lease_until = NULL';

export async function markSent(db: Db, ids: readonly number[], lease: Lease, now: Date): Promise<number> {
  if (!ids.length) return 0;
  const { rowCount } = await db.query(
    `UPDATE notifications SET state = 'sent', sent_at = $4, ${RELEASE}, last_error = NULL, updated_at = $4 WHERE ${OURS}`,
    [ids, lease.owner, lease.token, now],
  );
  return rowCount ?? 0;
}

/** Ends rows without sending: superseded (no longer true or wanted) or dead (cannot be delivered). */
export async function markFinished(
  db: Db,
  ids: readonly number[],
  lease: Lease,
  state: 'superseded' | 'dead',
  reason: string,
  now: Date,
): Promise<number> {
  if (!ids.length) return 0;
  const { rowCount } = await db.query(
    `UPDATE notifications SET state = $4, last_error = $5, ${RELEASE}, updated_at = $6 WHERE ${OURS}`,
    [ids, lease.owner, lease.token, state, reason, now],
  );
  return rowCount ?? 0;
}

export async function scheduleRetry(db: Db, ids: readonly number[], lease: Lease, reason: string, availableAt: Date, now: Date): Promise<number> {
  if (!ids.length) return 0;
  const { rowCount } = await db.query(
    `UPDATE notifications SET state = 'pending', available_at = $5, last_error = $4, ${RELEASE}, updated_at = $6 WHERE ${OURS}`,
    [ids, lease.owner, lease.token, reason, availableAt, now],
  );
  return rowCount ?? 0;
}

/** Returns a claim's rows that were never tried to the queue, as if unclaimed (the claim's attempt is not counted). */
export async function releaseClaim(db: Db, ids: readonly number[], lease: Lease, now: Date): Promise<number> {
  if (!ids.length) return 0;
  const { rowCount } = await db.query(
    `UPDATE notifications SET state = 'pending', attempts = attempts - 1, ${RELEASE}, updated_at = $4 WHERE ${OURS}`,
    [ids, lease.owner, lease.token, now],
  );
  return rowCount ?? 0;
}

/** A target that is gone for good: everything still queued for it ends dead with the reason. */
export async function killQueuedForSubscription(db: Db, subscriptionId: number, reason: string, now: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE notifications SET state = 'dead', last_error = $2, ${RELEASE}, updated_at = $3
     WHERE subscription_id = $1 AND state = 'pending'`,
    [subscriptionId, reason, now],
  );
  return rowCount ?? 0;
}

/** The earliest instant a queued row becomes sendable (its retry time or its target's pause), if any. */
export async function findNextAvailable(db: Db, channels: readonly string[]): Promise<Date | null> {
  const { rows } = await db.query<{ at: Date | null }>(
    `SELECT min(GREATEST(n.available_at, COALESCE(s.paused_until, n.available_at))) AS at
     FROM notifications n JOIN subscriptions s ON s.id = n.subscription_id
     WHERE n.state = 'pending' AND split_part(n.target, ':', 1) = ANY($1::text[])`,
    [channels],
  );
  return rows[0]?.at ?? null;
}

export async function countNotificationsByState(db: Db): Promise<Record<string, number>> {
  const { rows } = await db.query<{ state: string; count: number }>('SELECT state, count(*)::int AS count FROM notifications GROUP BY state');
  return Object.fromEntries(rows.map((r) => [r.state, r.count]));
}

export interface DeadNotification {
  id: number;
  kind: string;
  target: string;
  ref: string | null;
  seq: number | null;
  due: string | null;
  attempts: number;
  reason: string | null;
  updatedAt: Date;
}

/** Dead letters, newest first: what could not be delivered and why. */
export async function listDeadNotifications(db: Db, options: { target?: string | null; limit?: number } = {}): Promise<DeadNotification[]> {
  const { rows } = await db.query<DeadNotification>(
    `SELECT n.id, n.kind, n.target, c.ref, m.seq, n.due, n.attempts, n.last_error AS reason, n.updated_at AS "updatedAt"
     FROM notifications n LEFT JOIN milestones m ON m.id = n.milestone_id LEFT JOIN commitments c ON c.id = m.commitment_id
     WHERE n.state = 'dead' AND ($1::text IS NULL OR n.target = $1)
     ORDER BY n.updated_at DESC, n.id DESC LIMIT $2`,
    [options.target ?? null, options.limit ?? 1000],
  );
  return rows;
}

/** Puts dead rows (by id, or every dead row of a target) back in the queue with fresh attempts. */
export async function requeueDeadNotifications(db: Db, selection: { ids?: readonly number[]; target?: string }, now: Date): Promise<number[]> {
  const { rows } = await db.query<{ id: number }>(
    `UPDATE notifications SET state = 'pending', attempts = 0, available_at = $3, last_error = NULL, ${RELEASE}, updated_at = $3
     WHERE state = 'dead' AND (id = ANY($1::bigint[]) OR target = $2)
     RETURNING id`,
    [selection.ids ?? [], selection.target ?? null, now],
  );
  if (rows.length) await db.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
  return rows.map((row) => row.id);
}

/** Rows queued (pending) for these channels. */
export async function countQueued(db: Db, channels: readonly string[]): Promise<number> {
  const { rows } = await db.query<{ waiting: number }>(
    `SELECT count(*)::int AS waiting FROM notifications WHERE state = 'pending' AND split_part(target, ':', 1) = ANY($1::text[])`,
    [channels],
  );
  return rows[0]?.waiting ?? 0;
}

/** Wakes the delivery loops listening on the outbox channel (delivered on commit, and only then). */
export async function wakeDeliveryLoops(db: Db): Promise<void> {
  await db.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
}

/** A milestone closed by a decision: its queued alerts are no longer true and are never sent. */
export async function supersedePendingAlerts(db: Db, milestoneId: number, reason: string, now: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE notifications SET state = 'superseded', last_error = $2, updated_at = $3 WHERE milestone_id = $1 AND state = 'pending'`,
    [milestoneId, reason, now],
  );
  return rowCount ?? 0;
}

export interface ReportSlot {
  milestoneId: number;
  kind: 'missed' | 'overdue';
  slotAt: Date;
}

/**
 * Queues the given slots for one subscription with the tick's own dedupe keys, so a slot the tick already
 * queued (or will) is never sent twice. Returns how many were new.
 */
export async function insertReportSlots(db: Db, subscriptionId: number, slots: readonly ReportSlot[], now: Date): Promise<number> {
  if (!slots.length) return 0;
  const { rowCount } = await db.query(
    `INSERT INTO notifications (dedupe_key, kind, subscription_id, milestone_id, due, slot_at, target, state, available_at, created_at, updated_at)
     SELECT concat_ws(':', s.kind, m.id, m.due, sub.id, s.slot_key),
            s.kind, sub.id, m.id, m.due, s.slot_at, sub.target, 'pending', $5, $5, $5
     FROM unnest($2::bigint[], $3::text[], $4::timestamptz[], $6::text[]) AS s(milestone_id, kind, slot_at, slot_key)
     JOIN milestones m ON m.id = s.milestone_id JOIN subscriptions sub ON sub.id = $1
     ORDER BY m.id
     ON CONFLICT (subscription_id, milestone_id, slot_at, kind, due) DO NOTHING`,
    [subscriptionId, slots.map((s) => s.milestoneId), slots.map((s) => s.kind), slots.map((s) => s.slotAt), now, slots.map((s) => s.slotAt.toISOString())],
  );
  if (rowCount) await db.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
  return rowCount ?? 0;
}

/** Open milestones due before a date, as the tick sees them. */
export async function listOpenMilestonesDueBefore(db: Db, date: string): Promise<{ id: number; due: string; status: MilestoneStatus; statusChangedAt: Date }[]> {
  const { rows } = await db.query(
    `SELECT m.id, m.due, m.status, m.status_changed_at AS "statusChangedAt"
     FROM milestones m JOIN commitments c ON c.id = m.commitment_id
     WHERE m.status IN ('pending', 'rescheduled') AND m.withdrawn_at IS NULL AND c.withdrawn_at IS NULL AND m.due < $1::date`,
    [date],
  );
  return rows;
}
