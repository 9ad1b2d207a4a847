// SQL for the subscriptions table. One row per target; bureaus NULL with refs NULL means "everything".
import type { Pool, PoolClient } from './createPool.ts';

/** The languages a subscription can read in (the column's check). */
export const SUBSCRIPTION_LANGUAGES = ['zh-HK', 'en'] as const;
export type SubscriptionLanguage = (typeof SUBSCRIPTION_LANGUAGES)[number];

export interface SubscriptionRow {
  id: number;
  target: string;
  bureaus: string[] | null;
  refs: string[] | null;
  deadlines: boolean;
  watchdog: boolean;
  digest: boolean;
  language: SubscriptionLanguage;
  mutedUntil: Date | null;
  digestDay: string | null;
  digestTime: string | null;
  timezone: string | null;
  /** Skip a digest with nothing in it; null follows digest.skipEmpty of the configuration. */
  digestSkipEmpty: boolean | null;
  activeSince: Date;
  disabledAt: Date | null;
  disabledReason: string | null;
  pausedUntil: Date | null;
  createdAt: Date;
}

const COLUMNS = `id, target, bureaus, refs, deadlines, watchdog, digest, language, muted_until AS "mutedUntil",
  digest_day AS "digestDay", digest_time AS "digestTime", timezone, digest_skip_empty AS "digestSkipEmpty", active_since AS "activeSince",
  disabled_at AS "disabledAt", disabled_reason AS "disabledReason", paused_until AS "pausedUntil", created_at AS "createdAt"`;

type Db = Pool | PoolClient;

export interface SubscribeInput {
  target: string;
  /** Bureau codes to add; ignored when `all` is set. */
  bureaus?: readonly string[];
  refs?: readonly string[];
  all?: boolean;
  deadlines?: boolean;
  watchdog?: boolean;
  digest?: boolean;
  language?: SubscriptionLanguage;
}

export async function findSubscription(db: Db, target: string): Promise<SubscriptionRow | null> {
  const { rows } = await db.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE target = $1`, [target]);
  return rows[0] ?? null;
}

/** A subscription by its id or (when the key is not a number) its target. */
export async function findSubscriptionByIdOrTarget(db: Db, key: string): Promise<SubscriptionRow | null> {
  const byId = /^\d+$/.test(key);
  const { rows } = await db.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM subscriptions WHERE ${byId ? 'id = $1::bigint' : 'target = $1'}`, [key]);
  return rows[0] ?? null;
}

/**
 * Creates the subscription or widens it. A disabled one is re-enabled, and alerts start from now: a
 * subscription never receives alerts for slots before it (re)started.
 */
export async function subscribe(db: Db, input: SubscribeInput, now: Date): Promise<SubscriptionRow> {
  const bureaus = input.all ? null : [...new Set(input.bureaus ?? [])];
  const refs = input.all ? null : [...new Set(input.refs ?? [])];
  const { rows } = await db.query<SubscriptionRow>(
    `INSERT INTO subscriptions AS s (target, bureaus, refs, deadlines, watchdog, digest, language, active_since, created_at, updated_at)
     VALUES ($1, $2::text[], $3::text[], COALESCE($4, true), COALESCE($5, false), COALESCE($6, false), COALESCE($7, 'zh-HK'), $8, $8, $8)
     ON CONFLICT (target) DO UPDATE SET
       bureaus = CASE WHEN $9 THEN NULL
                      WHEN s.bureaus IS NULL AND s.refs IS NULL AND s.disabled_at IS NULL THEN NULL
                      ELSE (SELECT array_agg(DISTINCT b ORDER BY b) FROM unnest(COALESCE(CASE WHEN s.disabled_at IS NULL THEN s.bureaus END, '{}') || COALESCE($2::text[], '{}')) b) END,
       refs = CASE WHEN $9 THEN NULL
                   WHEN s.bureaus IS NULL AND s.refs IS NULL AND s.disabled_at IS NULL THEN NULL
                   ELSE (SELECT array_agg(DISTINCT r ORDER BY r) FROM unnest(COALESCE(CASE WHEN s.disabled_at IS NULL THEN s.refs END, '{}') || COALESCE($3::text[], '{}')) r) END,
       deadlines = COALESCE($4, s.deadlines),
       watchdog = COALESCE($5, s.watchdog),
       digest = COALESCE($6, s.digest),
       language = COALESCE($7, s.language),
       active_since = CASE WHEN s.disabled_at IS NULL THEN s.active_since ELSE $8 END,
       disabled_at = NULL, disabled_reason = NULL, updated_at = $8
     RETURNING ${COLUMNS}`,
    [
      input.target,
      bureaus && bureaus.length ? bureaus : null,
      refs && refs.length ? refs : null,
      input.deadlines ?? null,
      input.watchdog ?? null,
      input.digest ?? null,
      input.language ?? null,
      now,
      Boolean(input.all),
    ],
  );
  return rows[0]!;
}

/**
 * Removes bureaus or refs from a subscription; removing everything (or `all`) disables it, so its ledger
 * stays intact and nothing more is sent.
 */
export async function unsubscribe(
  db: Db,
  target: string,
  input: { bureaus?: readonly string[]; refs?: readonly string[]; all?: boolean },
  now: Date,
): Promise<SubscriptionRow | null> {
  const current = await findSubscription(db, target);
  if (!current || current.disabledAt) return current;
  const everything = current.bureaus === null && current.refs === null;
  if (input.all || everything) {
    if (!input.all) return current; // "all bureaus" minus one is not representable; the caller explains
    return disableSubscription(db, target, 'unsubscribed', now);
  }
  const bureaus = (current.bureaus ?? []).filter((b) => !(input.bureaus ?? []).includes(b));
  const refs = (current.refs ?? []).filter((r) => !(input.refs ?? []).includes(r));
  if (!bureaus.length && !refs.length) return disableSubscription(db, target, 'unsubscribed', now);
  const { rows } = await db.query<SubscriptionRow>(
    `UPDATE subscriptions SET bureaus = $2, refs = $3, updated_at = $4 WHERE target = $1 RETURNING ${COLUMNS}`,
    [target, bureaus.length ? bureaus : null, refs.length ? refs : null, now],
  );
  return rows[0] ?? null;
}

export async function disableSubscription(db: Db, target: string, reason: string, now: Date): Promise<SubscriptionRow | null> {
  const { rows } = await db.query<SubscriptionRow>(
    `UPDATE subscriptions SET disabled_at = $3, disabled_reason = $2, updated_at = $3 WHERE target = $1 AND disabled_at IS NULL RETURNING ${COLUMNS}`,
    [target, reason, now],
  );
  return rows[0] ?? (await findSubscription(db, target));
}

export async function updateSubscriptionSettings(
  db: Db,
  target: string,
  settings: Partial<Pick<SubscriptionRow, 'language' | 'mutedUntil' | 'watchdog' | 'digest' | 'deadlines' | 'digestDay' | 'digestTime' | 'timezone' | 'digestSkipEmpty'>>,
  now: Date,
): Promise<SubscriptionRow | null> {
  const columns: Record<string, string> = {
    language: 'language', mutedUntil: 'muted_until', watchdog: 'watchdog', digest: 'digest', deadlines: 'deadlines',
    digestDay: 'digest_day', digestTime: 'digest_time', timezone: 'timezone', digestSkipEmpty: 'digest_skip_empty',
  };
  const entries = Object.entries(settings).filter(([key, value]) => key in columns && value !== undefined);
  if (!entries.length) return findSubscription(db, target);
  const sets = entries.map(([key], index) => `${columns[key]} = $${index + 3}`);
  const { rows } = await db.query<SubscriptionRow>(
    `UPDATE subscriptions SET ${sets.join(', ')}, updated_at = $2 WHERE target = $1 RETURNING ${COLUMNS}`,
    [target, now, ...entries.map(([, value]) => value)],
  );
  return rows[0] ?? null;
}

export async function listSubscriptions(db: Db, options: { includeDisabled?: boolean } = {}): Promise<SubscriptionRow[]> {
  const { rows } = await db.query<SubscriptionRow>(
    `SELECT ${COLUMNS} FROM subscriptions ${options.includeDisabled ? '' : 'WHERE disabled_at IS NULL'} ORDER BY id`,
  );
  return rows;
}

/**
 * A chat that moved (Telegram group upgraded to a supergroup): its subscription and queued alerts follow.
 * Returns false when the new id already has a subscription of its own (the old one is then left as is).
 */
export async function moveTarget(db: Db, from: string, to: string, now: Date): Promise<boolean> {
  const { rows } = await db.query<{ moved: number }>(
    `WITH moved AS (UPDATE subscriptions SET target = $2, updated_at = $3 WHERE target = $1
                      AND NOT EXISTS (SELECT 1 FROM subscriptions WHERE target = $2) RETURNING id),
          requeued AS (UPDATE notifications SET target = $2, updated_at = $3
                       WHERE subscription_id IN (SELECT id FROM moved) AND state IN ('pending', 'sending') RETURNING id)
     SELECT count(*)::int AS moved FROM moved`,
    [from, to, now],
  );
  return (rows[0]?.moved ?? 0) > 0;
}

/** Nothing goes to the target before `until` (a platform's retry-after). */
/**
 * Notes that a paused target's admins are being told, unless they were told less than `everyMs` ago; returns
 * whether to tell them now (so two workers, or a pause every 30 minutes, do not repeat the notice).
 */
export async function noteAdminsTold(db: Db, target: string, now: Date, everyMs: number): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE subscriptions SET admins_told_at = $2
     WHERE target = $1 AND disabled_at IS NULL
       AND (admins_told_at IS NULL OR admins_told_at <= $2::timestamptz - make_interval(secs => $3::double precision / 1000))`,
    [target, now, everyMs],
  );
  return (rowCount ?? 0) > 0;
}

export async function pauseTarget(db: Db, target: string, until: Date, reason: string | null = null): Promise<void> {
  await db.query(
    `UPDATE subscriptions SET paused_until = GREATEST(COALESCE(paused_until, $2), $2), paused_reason = COALESCE($3, paused_reason) WHERE target = $1`,
    [target, until, reason],
  );
}
