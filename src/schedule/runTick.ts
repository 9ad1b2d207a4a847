// One full pass, for `policywatch tick` and the tests: queue everything due up to now (enqueueDue), then
// deliver it through every configured adapter (drainOutbox). With `waitMs`, it also waits for retries that
// come due within that time. The service does not use this: its tick only queues, and delivery is a loop of
// its own (notify/startDeliveryLoop).
import type { Clock } from '../clock.ts';
import type { Pool } from '../db/createPool.ts';
import type { AlertPolicy } from '../domain/alertPolicy.ts';
import type { Logger } from '../logger.ts';
import type { ChannelAdapter } from '../notify/ChannelAdapter.ts';
import { drainOutbox } from '../notify/drainOutbox.ts';
import type { DigestSettings } from './digestSettingsOf.ts';
import { enqueueDue } from './enqueueDue.ts';

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

export async function runTick(options: TickOptions): Promise<TickReport> {
  const { pool, clock, logger } = options;
  const queued = await enqueueDue({ pool, now: clock.now(), logger, policy: options.policy, digest: options.digest });
  const drained = await drainOutbox({
    pool,
    adapters: options.adapters,
    clock,
    logger,
    timezone: options.policy.timezone,
    leaseMs: options.leaseMs,
    maxAttempts: options.maxAttempts,
    stop: options.stop,
    waitMs: options.waitMs,
    sleep: options.sleep,
  });
  const result: TickReport = {
    enqueued: queued.enqueued,
    digests: queued.digests,
    delivered: drained.delivered,
    superseded: queued.superseded + drained.superseded,
    failed: drained.dead,
    waiting: drained.waiting,
    coveredUntil: queued.coveredUntil,
  };
  logger.debug({ ...result, coveredFrom: queued.coveredFrom }, 'tick');
  return result;
}
