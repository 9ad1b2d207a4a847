// Delivers everything sendable now; with `waitMs`, also waits for retries that come due within that time (a
// 429's retry-after is honoured, never shortened). Used by one-pass runs (`policywatch tick`) and by the
// delivery loop of the service for each wake-up.
import { countQueued, findNextAvailable } from '../db/notifications.ts';
import type { ChannelAdapter } from './ChannelAdapter.ts';
import { deliverNotifications, type DeliveryOptions, type DeliveryReport } from './deliverNotifications.ts';

export interface DrainOptions extends DeliveryOptions {
  waitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface DrainReport extends DeliveryReport {
  /** Alerts still queued for a later retry when the drain ended. */
  waiting: number;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function channelsOf(adapters: readonly ChannelAdapter[]): string[] {
  return adapters.map((adapter) => adapter.channel);
}

export async function drainOutbox(options: DrainOptions): Promise<DrainReport> {
  const { pool, clock } = options;
  const total: DrainReport = { delivered: 0, superseded: 0, dead: 0, retried: 0, waiting: 0 };
  const channels = channelsOf(options.adapters);
  const deadline = clock.now().getTime() + (options.waitMs ?? 0);
  const sleep = options.sleep ?? realSleep;
  for (;;) {
    const report = await deliverNotifications(options);
    total.delivered += report.delivered;
    total.superseded += report.superseded;
    total.dead += report.dead;
    total.retried += report.retried;
    if (options.stop?.stopped || !channels.length) break;
    const next = await findNextAvailable(pool, channels);
    if (!next || next.getTime() > deadline) break;
    await sleep(Math.max(0, next.getTime() - clock.now().getTime()) + 10);
  }
  total.waiting = channels.length ? await countQueued(pool, channels) : 0;
  return total;
}
