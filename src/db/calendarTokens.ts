// SQL for calendar_tokens: the secret in the URL of a subscription's private calendar.
import type { Pool, PoolClient } from './createPool.ts';
import type { SubscriptionLanguage } from './subscriptions.ts';

type Db = Pool | PoolClient;

export interface CalendarSubscriptionRow {
  subscriptionId: number;
  target: string;
  bureaus: string[] | null;
  refs: string[] | null;
  language: SubscriptionLanguage;
}

export async function findCalendarToken(db: Db, subscriptionId: number): Promise<string | null> {
  const { rows } = await db.query<{ token: string }>('SELECT token FROM calendar_tokens WHERE subscription_id = $1', [subscriptionId]);
  return rows[0]?.token ?? null;
}

/** Stores the token, replacing any earlier one of the subscription. */
export async function saveCalendarToken(db: Db, subscriptionId: number, token: string, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO calendar_tokens (subscription_id, token, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (subscription_id) DO UPDATE SET token = EXCLUDED.token, created_at = EXCLUDED.created_at`,
    [subscriptionId, token, now],
  );
}

/** The active subscription a token opens, or null (unknown, rotated away, or the subscription ended). */
export async function findSubscriptionByCalendarToken(db: Db, token: string): Promise<CalendarSubscriptionRow | null> {
  const { rows } = await db.query<CalendarSubscriptionRow>(
    `SELECT s.id AS "subscriptionId", s.target, s.bureaus, s.refs, s.language
     FROM calendar_tokens t JOIN subscriptions s ON s.id = t.subscription_id
     WHERE t.token = $1 AND s.disabled_at IS NULL`,
    [token],
  );
  return rows[0] ?? null;
}
