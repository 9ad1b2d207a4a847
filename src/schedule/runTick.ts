// One full pass: enqueue everything due up to now, then deliver through every configured adapter. With
// `waitMs`, it also waits for retries that come due within that time (a 429's retry-after is honoured,
// never shortened) before returning.
import type { Clock } from '../clock.ts';
import type { Pool } from '../db/createPool.ts';
import { findNextAvailable } from '../db/notifications.ts';
import type { AlertPolicy } from '../domain/alertPolicy.ts';
import type { Logger } from '../logger.ts';
import type { ChannelAdapter } from '../notify/ChannelAdapter.ts';
import { deliverNotifications, type DeliveryReport } from '../notify/deliverNotifications.ts';
import { defaultDigestSettings, type DigestSettings } from './digestSettingsOf.ts';
import { enqueueAlerts } from './enqueueAlerts.ts';
import { enqueueDigests } from './enqueueDigests.ts';

export interface TickOptions {
  pool: Pool;
  clock: Clock;
  logger: Logger;
  policy: AlertPolicy;
  /** Weekly digest defaults (digestSettingsOf(config)); without it, Monday 09:00 in the policy's zone. */
  digest?: DigestSettings;
  adapters: readonly ChannelAdapter[];
  leaseMs: number;
  maxAttempts: number;
  waitMs?: number;
  stop?: { stopped: boolean };
  sleep?: (ms: number) => Promise<void>;
}

export interface TickReport {
  /** Alerts and digests queued. */
  enqueued: number;
  /** Of which weekly digests. */
  digests: number;
  delivered: number;
  superseded: number;
  failed: number;
  /** Alerts still queued for a later retry when the pass ended. */
  waiting: number;
  /** The instant alerts are covered up to: later than the tick's own instant when the clock went back. */
  coveredUntil: Date;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function runTick(options: TickOptions): Promise<TickReport> {
  const { pool, clock, logger } = options;
  const enqueue = await enqueueAlerts(pool, clock.now(), options.policy);
  const digests = await enqueueDigests(pool, clock.now(), options.digest ?? defaultDigestSettings(options.policy.timezone));
  if (digests.invalidSchedules.length) logger.warn({ subscriptions: digests.invalidSchedules }, 'unusable digest day, time or zone; the default was used');
  const total: DeliveryReport = { delivered: 0, superseded: 0, dead: 0, retried: 0 };
  const channels = options.adapters.map((adapter) => adapter.channel);
  const deadline = clock.now().getTime() + (options.waitMs ?? 0);
  const sleep = options.sleep ?? realSleep;
  for (;;) {
    const report = await deliverNotifications({
      pool,
      adapters: options.adapters,
      clock,
      logger,
      timezone: options.policy.timezone,
      leaseMs: options.leaseMs,
      maxAttempts: options.maxAttempts,
      stop: options.stop,
    });
    total.delivered += report.delivered;
    total.superseded += report.superseded;
    total.dead += report.dead;
    total.retried += report.retried;
    if (options.stop?.stopped || !channels.length) break;
    const next = await findNextAvailable(pool, channels);
    if (!next || next.getTime() > deadline) break;
    await sleep(Math.max(0, next.getTime() - clock.now().getTime()) + 10);
  }
  const { rows } = await pool.query<{ waiting: number }>(
    `SELECT count(*)::int AS waiting FROM notifications WHERE state = 'pending' AND split_part(target, ':', 1) = ANY($1::text[])`,
    [channels],
  );
  const result: TickReport = {
    enqueued: enqueue.enqueued + digests.enqueued,
    digests: digests.enqueued,
    delivered: total.delivered,
    superseded: enqueue.superseded + digests.skipped + digests.superseded + total.superseded,
    failed: total.dead,
    waiting: rows[0]?.waiting ?? 0,
    coveredUntil: enqueue.coveredUntil,
  };
  logger.debug({ ...result, coveredFrom: enqueue.coveredFrom, coveredUntil: enqueue.coveredUntil }, 'tick');
  return result;
}
