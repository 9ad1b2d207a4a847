// The service's delivery loop, apart from the tick: it drains the outbox whenever a tick NOTIFYs (in this
// process or another replica), when a retry comes due, and at least every `pollMs` as a fallback for a lost
// notification. A failing pass (the database away) is logged once per outage and retried with the next wake.
import type { Pool } from '../db/createPool.ts';
import { listenForOutbox } from '../db/listenForOutbox.ts';
import { findNextAvailable } from '../db/notifications.ts';
import { deliverNotifications, type DeliveryOptions, type DeliveryReport } from './deliverNotifications.ts';

export interface DeliveryLoopOptions extends Omit<DeliveryOptions, 'stop'> {
  /** Longest sleep between passes when nothing wakes the loop. */
  pollMs?: number;
  onPass?: (report: DeliveryReport) => void;
  /**
   * The first pass waits for this (the service's catch-up tick): after downtime that tick queues the alerts
   * that replace old ones still in the outbox, and a pass before it could send the old ones.
   */
  startAfter?: Promise<unknown>;
}

export interface DeliveryLoop {
  /** Wakes the loop now (a tick in this process queued work). */
  wake(): void;
  /** Stops claiming; waits for the pass in flight to record its outcomes. */
  stop(): Promise<void>;
}

export function startDeliveryLoop(options: DeliveryLoopOptions): DeliveryLoop {
  const { pool, logger, clock } = options;
  const pollMs = options.pollMs ?? 5_000;
  const stop = { stopped: false };
  let onStop: () => void = () => undefined;
  const stopping = new Promise<void>((resolve) => (onStop = resolve));
  let wakeUp: (() => void) | null = null;
  let woken = false;
  let failing = false;
  const wake = (): void => {
    woken = true;
    wakeUp?.();
  };
  const listener = listenForOutbox({
    pool,
    onNotify: wake,
    onConnect: wake,
    onError: (error) => logger.debug({ err: error }, 'outbox listener connection failed; polling until it is back'),
  });

  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      if (woken || stop.stopped) return resolve();
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  const channels = options.adapters.map((adapter) => adapter.channel);
  const running = (async () => {
    if (options.startAfter) await Promise.race([options.startAfter.catch(() => undefined), stopping]);
    while (!stop.stopped) {
      woken = false;
      let sleepMs = pollMs;
      try {
        const report = await deliverNotifications({ ...options, stop });
        if (report.delivered || report.dead || report.retried || report.superseded) options.onPass?.(report);
        const next = channels.length ? await findNextAvailable(pool as Pool, channels) : null;
        if (next) sleepMs = Math.min(pollMs, Math.max(0, next.getTime() - clock.now().getTime()) + 10);
        if (failing) logger.info('delivery resumed');
        failing = false;
      } catch (error) {
        if (!failing) logger.error({ err: error }, 'delivery pass failed; retrying on the next wake-up');
        failing = true;
      }
      await pause(sleepMs);
    }
  })();

  return {
    wake,
    async stop() {
      stop.stopped = true;
      onStop();
      wakeUp?.();
      await running;
      await listener.close();
    },
  };
}
