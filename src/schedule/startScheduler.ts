// Runs the tick on a cron schedule (every minute by default) and once at start. A tick that is still
// running when the next one is due is not overlapped; stop() waits for the one in flight.
import cron from 'node-cron';
import type { Logger } from '../logger.ts';

export interface Scheduler {
  /** Settles when the tick run at start has finished, whether it succeeded or not. */
  firstTick: Promise<void>;
  /** Runs a tick now unless one is in flight (then waits for that one). */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(options: { cron: string; timezone: string; logger: Logger; tick: () => Promise<void> }): Scheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  // An outage is reported once when it starts and once when it ends, not every minute.
  let failing = false;
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= options
      .tick()
      .then(() => {
        if (failing) options.logger.info('tick recovered; it caught up with everything missed');
        failing = false;
      })
      .catch((error: unknown) => {
        if (!failing) options.logger.error({ err: error }, 'tick failed; the next one will catch up');
        else options.logger.debug({ err: error }, 'tick failed again');
        failing = true;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const task = cron.schedule(options.cron, () => run(), { name: 'policywatch-tick', noOverlap: true, timezone: options.timezone });
  const firstTick = run();
  return {
    firstTick,
    runNow: run,
    stop: async () => {
      stopped = true;
      await task.destroy();
      await running;
    },
  };
}
