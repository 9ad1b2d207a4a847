// Failures a test scripts ahead of time: the next matching REST calls get these answers instead of the real ones.
import { STATUS_CODES } from 'node:http';
import { buildRateLimitedAnswer } from './buildRateLimitHeaders.ts';
import { DISCORD_ERROR_CODES } from './DiscordApiError.ts';
import { toPathPattern } from './toPathPattern.ts';

export interface DiscordFailure {
  /** HTTP method; any when omitted. */
  method?: string;
  /** Path after /api/v10: a template like '/channels/:id/messages' (":name" matches one segment) or a RegExp. */
  pathPattern: string | RegExp;
  /** How many matching calls fail; 1 when omitted. */
  times?: number;
  /** HTTP status; taken from `code` when omitted. */
  status?: number;
  /** A Discord JSON error code (50001, 50013, 10003, 10015, …): fills status and body. */
  code?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** For 429: seconds in the body's retry_after (default 1.5); the Retry-After header is this rounded up. */
  retryAfter?: number;
  /** For 429: a global limit (adds X-RateLimit-Global). */
  global?: boolean;
}

export interface ScriptedAnswer {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface FailureScript {
  add(failure: DiscordFailure): void;
  take(method: string, path: string): ScriptedAnswer | undefined;
  clear(): void;
}

interface Entry {
  failure: DiscordFailure;
  pattern: RegExp;
  remaining: number;
}

function answerFor(failure: DiscordFailure, method: string, path: string): ScriptedAnswer {
  const known = failure.code === undefined ? undefined : DISCORD_ERROR_CODES[failure.code];
  const status = failure.status ?? known?.status;
  if (status === undefined) throw new Error('failNext needs a status or a known Discord error code');
  if (status === 429) {
    const limited = buildRateLimitedAnswer(method, path, { retryAfter: failure.retryAfter, global: failure.global });
    return { status, body: failure.body ?? limited.body, headers: { ...limited.headers, ...failure.headers } };
  }
  const body =
    failure.body ??
    (known && failure.code !== undefined
      ? { message: known.message, code: failure.code }
      : { message: `${status}: ${STATUS_CODES[status] ?? 'Error'}`, code: 0 });
  return { status, body, headers: { ...failure.headers } };
}

export function createFailureScript(): FailureScript {
  let entries: Entry[] = [];
  return {
    add(failure) {
      entries.push({ failure, pattern: toPathPattern(failure.pathPattern), remaining: failure.times ?? 1 });
    },

    take(method, path) {
      if (entries.length === 0) return undefined;
      const entry = entries.find(
        (candidate) =>
          (candidate.failure.method === undefined || candidate.failure.method.toUpperCase() === method) && candidate.pattern.test(path),
      );
      if (!entry) return undefined;
      entry.remaining -= 1;
      if (entry.remaining <= 0) entries = entries.filter((candidate) => candidate !== entry);
      return answerFor(entry.failure, method, path);
    },

    clear() {
      entries = [];
    },
  };
}
