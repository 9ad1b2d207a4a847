// SQL behind /healthz and the start-up report: dead letters, and the subscriptions and queued alerts of
// targets whose channel this process cannot deliver to (no bot token configured for it).
import type { Pool, PoolClient } from './createPool.ts';

type Db = Pool | PoolClient;

export interface ChannelBacklog {
  channel: string;
  /** Enabled subscriptions with a target on this channel. */
  subscriptions: number;
  /** Alerts and digests pending for this channel. */
  queued: number;
}

export async function countDeadLetters(db: Db): Promise<number> {
  const { rows } = await db.query<{ dead: number }>("SELECT count(*)::int AS dead FROM notifications WHERE state = 'dead'");
  return rows[0]?.dead ?? 0;
}

/** Subscriptions and pending rows per channel, for every channel not in `deliverable`. */
export async function countUndeliverableTargets(db: Db, deliverable: readonly string[]): Promise<ChannelBacklog[]> {
  const { rows } = await db.query<ChannelBacklog>(
    `SELECT channel, sum(subscriptions)::int AS subscriptions, sum(queued)::int AS queued
     FROM (
       SELECT split_part(target, ':', 1) AS channel, 1 AS subscriptions, 0 AS queued FROM subscriptions WHERE disabled_at IS NULL
       UNION ALL
       SELECT split_part(target, ':', 1), 0, 1 FROM notifications WHERE state = 'pending'
     ) AS targets
     WHERE NOT (channel = ANY($1::text[]))
     GROUP BY channel ORDER BY channel`,
    [deliverable],
  );
  return rows;
}
