// A clock for pacing benchmarks that runs at real speed and skips ahead only while the sender is idle, waiting
// for a rate window: database work, HTTP round trips and scheduling delays all count as they would, and
// only the waits that could do nothing but wait are skipped. The limiter and the fake platform share it.
import type { LimiterTimers } from '../src/notify/telegram/createTelegramLimiter.ts';

export interface FastForwardTimers extends LimiterTimers {
  /** Fires the timers now due; when `idle`, first skips ahead to the earliest one. */
  advance(idle: boolean): void;
  /** Milliseconds skipped so far. */
  skipped(): number;
}

export function createFastForwardTimers(): FastForwardTimers {
  let offset = 0;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const now = (): number => performance.now() + offset;
  return {
    now,
    setTimer(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now() + Math.max(0, ms), fn });
      return () => timers.delete(id);
    },
    advance(idle) {
      if (!timers.size) return;
      if (idle) {
        const earliest = Math.min(...[...timers.values()].map((timer) => timer.at));
        offset += Math.max(0, earliest - now());
      }
      const at = now();
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > at) break;
        timers.delete(id);
        timer.fn();
      }
    },
    skipped: () => offset,
  };
}
