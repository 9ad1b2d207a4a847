// SQL for the notifications table: the outbox the tick writes and the delivery worker drains. A claim is a
// lease (state 'sending', owner, expiry) committed before the adapter is called; every outcome is written
// only while the lease is still ours, so a worker that lost its lease cannot overwrite a newer result.
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

/** Returns rows whose lease ran out (their worker died or stalled) to the queue. */
export async function releaseExpiredLeases(db: Db, now: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE notifications SET state = 'pending', lease_owner = NULL, lease_until = NULL, available_at = $1, updated_at = $1
     WHERE state = 'sending' AND lease_until < $1`,
    [now],
  );
  return rowCount ?? 0;
}

export async function claimNotifications(
  db: Db,
  options: { owner: string; now: Date; leaseMs: number; limit: number; channels: readonly string[] },
): Promise<ClaimedNotification[]> {
  const { rows } = await db.query<ClaimedNotification>(
    `WITH claimable AS (
       SELECT n.id FROM notifications n JOIN subscriptions s ON s.id = n.subscription_id
       WHERE n.state = 'pending' AND n.available_at <= $2
         AND (s.paused_until IS NULL OR s.paused_until <= $2)
         AND split_part(n.target, ':', 1) = ANY($5::text[])
       -- index order; the tick inserts one target's alerts with neighbouring ids, so batches hold whole groups
       ORDER BY n.available_at, n.id
       LIMIT $4
       FOR UPDATE OF n SKIP LOCKED
     )
     UPDATE notifications n SET state = 'sending', lease_owner = $1, lease_until = $2::timestamptz + make_interval(secs => $3::double precision / 1000),
       attempts = n.attempts + 1, updated_at = $2
     FROM claimable c WHERE n.id = c.id
     RETURNING n.id, n.dedupe_key AS "dedupeKey", n.kind, n.subscription_id AS "subscriptionId", n.milestone_id AS "milestoneId",
       n.due, n.slot_at AS "slotAt", n.target, n.attempts, n.payload`,
    [options.owner, options.now, options.leaseMs, options.limit, options.channels],
  );
  return rows;
}

/** Everything needed to render and to re-check the claimed alerts, as they stand now. */
export async function loadNotificationDetails(db: Db, ids: readonly number[]): Promise<NotificationDetails[]> {
  const { rows } = await db.query(
    `SELECT n.id, n.dedupe_key AS "dedupeKey", n.kind, n.subscription_id AS "subscriptionId", n.milestone_id AS "milestoneId",
            n.due, n.slot_at AS "slotAt", n.target, n.attempts, n.payload,
            s.language, s.disabled_at AS "subscriptionDisabledAt", s.disabled_reason AS "subscriptionDisabledReason", s.muted_until AS "mutedUntil",
            m.seq, m.kind AS "milestoneKind", m.phrase, m.subject, m.due AS "milestoneDue", m.status, m.evidence_url AS "evidenceUrl",
            m.withdrawn_at IS NOT NULL AS "milestoneWithdrawn",
            c.ref, c.text, c.bureaus, c.with_relevant_bureaux AS "withRelevantBureaux", c.withdrawn_at IS NOT NULL AS "commitmentWithdrawn",
            d.key AS "documentKey", d.title AS "documentTitle", d.source_url AS "documentUrl"
     FROM notifications n
     JOIN subscriptions s ON s.id = n.subscription_id
     LEFT JOIN milestones m ON m.id = n.milestone_id
     LEFT JOIN commitments c ON c.id = m.commitment_id
     LEFT JOIN documents d ON d.id = c.document_id
     WHERE n.id = ANY($1::bigint[])
     ORDER BY n.target, n.due NULLS LAST, n.id`,
    [ids],
  );
  return rows.map((row) => ({
    id: row.id, dedupeKey: row.dedupeKey, kind: row.kind, subscriptionId: row.subscriptionId, milestoneId: row.milestoneId,
    due: row.due, slotAt: row.slotAt, target: row.target, attempts: row.attempts, payload: row.payload,
    language: row.language, subscriptionDisabledAt: row.subscriptionDisabledAt, subscriptionDisabledReason: row.subscriptionDisabledReason,
    mutedUntil: row.mutedUntil,
    milestone: row.milestoneId === null ? null : {
      seq: row.seq, kind: row.milestoneKind, phrase: row.phrase, subject: row.subject, due: row.milestoneDue, status: row.status,
      evidenceUrl: row.evidenceUrl, withdrawn: row.milestoneWithdrawn,
    },
    commitment: row.ref === null ? null : { ref: row.ref, text: row.text, bureaus: row.bureaus, withRelevantBureaux: row.withRelevantBureaux, withdrawn: row.commitmentWithdrawn },
    document: row.documentKey === null ? null : { key: row.documentKey, title: row.documentTitle, sourceUrl: row.documentUrl },
  }));
}

export async function markSent(db: Db, ids: readonly number[], owner: string, now: Date): Promise<number> {
  if (!ids.length) return 0;
  const { rowCount } = await db.query(
    `UPDATE notifications SET state = 'sent', sent_at = $3, lease_owner = NULL, lease_until = NULL, last_error = NULL, updated_at = $3
     WHERE id = ANY($1::bigint[]) AND lease_owner = $2 AND state = 'sending'`,
    [ids, owner, now],
  );
  return rowCount ?? 0;
}

/** Ends rows without sending: superseded (no longer true or wanted) or dead (cannot be delivered). */
export async function markFinished(
  db: Db,
  ids: readonly number[],
  owner: string,
  state: 'superseded' | 'dead',
  reason: string,
  now: Date,
): Promise<number> {
  if (!ids.length) return 0;
  const { rowCount } = await db.query(
    `UPDATE notifications SET state = $3, last_error = $4, lease_owner = NULL, lease_until = NULL, updated_at = $5
     WHERE id = ANY($1::bigint[]) AND lease_owner = $2 AND state = 'sending'`,
    [ids, owner, state, reason, now],
  );
  return rowCount ?? 0;
}

export async function scheduleRetry(db: Db, ids: readonly number[], owner: string, reason: string, availableAt: Date, now: Date): Promise<number> {
  if (!ids.length) return 0;
  const { rowCount } = await db.query(
    `UPDATE notifications SET state = 'pending', available_at = $4, last_error = $3, lease_owner = NULL, lease_until = NULL, updated_at = $5
     WHERE id = ANY($1::bigint[]) AND lease_owner = $2 AND state = 'sending'`,
    [ids, owner, reason, availableAt, now],
  );
  return rowCount ?? 0;
}

/** A target that is gone for good: everything still queued for it ends dead with the reason. */
export async function killQueuedForSubscription(db: Db, subscriptionId: number, reason: string, now: Date): Promise<number> {
  const { rowCount } = await db.query(
    `UPDATE notifications SET state = 'dead', last_error = $2, lease_owner = NULL, lease_until = NULL, updated_at = $3
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
