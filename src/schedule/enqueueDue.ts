// The scheduled tick: queues every alert and weekly digest due up to now, and nothing else. Delivery runs in
// its own loop (notify/startDeliveryLoop), woken by the NOTIFY the enqueue sends, so a long drain never delays
// the next tick or its digests.
import type { Pool } from '../db/createPool.ts';
import type { AlertPolicy } from '../domain/alertPolicy.ts';
import type { Logger } from '../logger.ts';
import { defaultDigestSettings, type DigestSettings } from './digestSettingsOf.ts';
import { enqueueAlerts } from './enqueueAlerts.ts';
import { enqueueDigests } from './enqueueDigests.ts';

export interface EnqueueDueOptions {
  pool: Pool;
  now: Date;
  logger: Logger;
  policy: AlertPolicy;
  /** Weekly digest defaults (digestSettingsOf(config)); without it, Monday 09:00 in the policy's zone. */
  digest?: DigestSettings;
}

export interface EnqueueDueReport {
  /** Alerts and digests queued. */
  enqueued: number;
  /** Of which weekly digests. */
  digests: number;
  /** Alerts and digests recorded as superseded or skipped while queueing. */
  superseded: number;
  coveredFrom: Date;
  /** The instant alerts are covered up to: later than the tick's own instant when the clock went back. */
  coveredUntil: Date;
}

export async function enqueueDue(options: EnqueueDueOptions): Promise<EnqueueDueReport> {
  const { pool, now, logger } = options;
  const alerts = await enqueueAlerts(pool, now, options.policy);
  const digests = await enqueueDigests(pool, now, options.digest ?? defaultDigestSettings(options.policy.timezone));
  if (digests.invalidSchedules.length) logger.warn({ subscriptions: digests.invalidSchedules }, 'unusable digest day, time or zone; the default was used');
  return {
    enqueued: alerts.enqueued + digests.enqueued,
    digests: digests.enqueued,
    superseded: alerts.superseded + digests.skipped + digests.superseded,
    coveredFrom: alerts.coveredFrom,
    coveredUntil: alerts.coveredUntil,
  };
}
