// Connecting to a platform in the background: attempts spaced by a bounded exponential backoff, each
// wait (and the attempt itself, through the signal) ended at once by shutdown.
import { setTimeout as sleep } from 'node:timers/promises';

export interface BackoffOptions {
  signal: AbortSignal;
  /** First wait after a failure; doubled after each further failure up to maxMs. */
  minMs?: number;
  maxMs?: number;
  /** Told of every failure with the wait before the next attempt. */
  onFailure: (error: unknown, retryInMs: number) => void;
}

export const BACKOFF_MIN_MS = 1_000;
export const BACKOFF_MAX_MS = 60_000;

/** Runs `attempt` until it succeeds (true) or the signal aborts (false). */
export async function retryWithBackoff(attempt: (signal: AbortSignal) => Promise<void>, options: BackoffOptions): Promise<boolean> {
  const { signal } = options;
  const maxMs = options.maxMs ?? BACKOFF_MAX_MS;
  let delay = options.minMs ?? BACKOFF_MIN_MS;
  while (!signal.aborted) {
    try {
      await attempt(signal);
      return !signal.aborted;
    } catch (error) {
      if (signal.aborted) return false;
      options.onFailure(error, delay);
    }
    try {
      await sleep(delay, undefined, { signal });
    } catch {
      return false; // aborted while waiting
    }
    delay = Math.min(delay * 2, maxMs);
  }
  return false;
}
