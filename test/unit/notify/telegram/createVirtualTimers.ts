// A clock that moves only when every timer due earlier has fired: the limiter's schedule over minutes runs
// in milliseconds, and exactly.
import type { LimiterTimers } from '../../../../src/notify/telegram/createTelegramLimiter.ts';

export interface VirtualTimers extends LimiterTimers {
  pendingTimers(): number;
  /** Fires timers in time order (letting promise callbacks run in between) until none is left. */
  runAll(): Promise<void>;
  /** Fires the earliest timer, moving the clock to it; false when there is none. */
  fireNext(): boolean;
}

export const flushPromises = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
};

export function createVirtualTimers(start = 0): VirtualTimers {
  let now = start;
  let nextId = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const fireNext = (): boolean => {
    let earliest: [number, { at: number; fn: () => void }] | undefined;
    for (const entry of timers) if (!earliest || entry[1].at < earliest[1].at) earliest = entry;
    if (!earliest) return false;
    timers.delete(earliest[0]);
    now = Math.max(now, earliest[1].at);
    earliest[1].fn();
    return true;
  };
  return {
    now: () => now,
    setTimer(fn, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), fn });
      return () => timers.delete(id);
    },
    pendingTimers: () => timers.size,
    fireNext,
    async runAll() {
      await flushPromises();
      while (fireNext()) await flushPromises();
    },
  };
}
