// Runs the tick on a cron schedule (every minute by default) and once at start. A tick that is still
// running when the next one is due is not overlapped; stop() waits for the one in flight.
import cron from 'node-cron';
import type { Logger } from '../logger.ts';

export interface Scheduler {
  /** Runs a tick now unless one is in flight (then waits for that one). */
  runNow(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(options: { cron: string; timezone: string; logger: Logger; tick: () => Promise<void> }): Scheduler {
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    running ??= options
      .tick()
      .catch((error: unknown) => options.logger.error({ err: error }, 'tick failed; the next one will catch up'))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const task = cron.schedule(options.cron, () => run(), { name: 'policywatch-tick', noOverlap: true, timezone: options.timezone });
  void run();
  return {
    runNow: run,
    stop: async () => {
      stopped = true;
      await task.destroy();
      await running;
    },
  };
}
