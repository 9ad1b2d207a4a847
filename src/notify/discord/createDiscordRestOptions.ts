// REST settings shared by the bot's client and the delivery-only adapters. @discordjs/rest keeps the
// rate-limit buckets; a wait longer than maxRateLimitWaitMs is not slept through silently but rejected as a
// RateLimitError, which the adapters turn into a transient failure with its retry-after (the worker then pauses
// the target and frees itself for other work).
import type { RESTOptions } from 'discord.js';

export interface DiscordRestTuning {
  /** Longest rate-limit wait to sit out inside a send (ms); longer ones fail with their retry-after. */
  maxRateLimitWaitMs?: number;
  /** The shared send budget paces these sends evenly below the global limit (the delivery adapter's REST). */
  pacedByBudget?: boolean;
  /** Overrides for @discordjs/rest (tests shorten retries and timeout). */
  rest?: Partial<RESTOptions>;
}

export const DEFAULT_MAX_RATE_LIMIT_WAIT_MS = 5_000;

export function createDiscordRestOptions(apiRoot: string, tuning: DiscordRestTuning = {}): Partial<RESTOptions> {
  const maxWait = tuning.maxRateLimitWaitMs ?? DEFAULT_MAX_RATE_LIMIT_WAIT_MS;
  return {
    api: apiRoot,
    // A timed-out send is retried with the same nonce, so it cannot be posted twice.
    retries: 2,
    // @discordjs/rest counts its global second from its own first request, Discord from the first it receives:
    // the two windows never line up, so a client bursting up to 50 gets the odd global 429; 45 leaves the
    // headroom. Sends paced evenly by the shared budget (48 a second) never burst, so there the client's window
    // is Discord's own 50 and only stops a runaway.
    globalRequestsPerSecond: tuning.pacedByBudget ? 50 : 45,
    timeout: 15_000,
    rejectOnRateLimit: (data) => data.retryAfter > maxWait,
    ...tuning.rest,
  };
}
