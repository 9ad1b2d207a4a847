// The X-RateLimit-* headers Discord sends. @discordjs/rest reads Limit, Remaining, Reset-After and Bucket on every
// response (SequentialHandler.runRequest) and Retry-After, X-RateLimit-Global and X-RateLimit-Scope on a 429.
// Successful answers always report room left, so the client never waits unless a test scripts a 429.
import { createHash } from 'node:crypto';

const SUCCESS_LIMIT = 5;
const SUCCESS_WINDOW_SECONDS = 1;

/** The route's rate-limit bucket as Discord groups them: ids, webhook tokens and reactions collapsed. */
export function bucketRouteOf(path: string): string {
  if (path.startsWith('/interactions/')) return '/interactions/:id/:token/callback';
  return path
    .replace(/\/webhooks\/(\d{17,19})\/[^/]+/, '/webhooks/$1/:token')
    .replaceAll(/\d{17,19}/g, ':id')
    .replace(/\/reactions\/.*/, '/reactions/:reaction');
}

export function bucketHashOf(method: string, path: string): string {
  return createHash('sha1').update(`${method} ${bucketRouteOf(path)}`).digest('hex').slice(0, 32);
}

function resetHeaders(method: string, path: string, limit: number, remaining: number, resetAfterSeconds: number): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(limit),
    'X-RateLimit-Remaining': String(remaining),
    'X-RateLimit-Reset': ((Date.now() + resetAfterSeconds * 1000) / 1000).toFixed(3),
    'X-RateLimit-Reset-After': resetAfterSeconds.toFixed(3),
    'X-RateLimit-Bucket': bucketHashOf(method, path),
  };
}

export function buildRateLimitHeaders(method: string, path: string): Record<string, string> {
  return resetHeaders(method, path, SUCCESS_LIMIT, SUCCESS_LIMIT - 1, SUCCESS_WINDOW_SECONDS);
}

export interface RateLimitedAnswer {
  status: 429;
  body: { message: string; retry_after: number; global: boolean; code?: number };
  headers: Record<string, string>;
}

/**
 * A 429 as Discord sends it: retry_after in the body in seconds with decimals, the Retry-After header rounded up
 * to whole seconds, and X-RateLimit-Global only when the limit is global (its mere presence means global).
 */
export function buildRateLimitedAnswer(
  method: string,
  path: string,
  options: { retryAfter?: number; global?: boolean; scope?: 'user' | 'global' | 'shared' } = {},
): RateLimitedAnswer {
  const retryAfter = options.retryAfter ?? 1.5;
  const global = options.global ?? false;
  const headers: Record<string, string> = {
    'Retry-After': String(Math.ceil(retryAfter)),
    'X-RateLimit-Scope': options.scope ?? (global ? 'global' : 'user'),
  };
  if (global) headers['X-RateLimit-Global'] = 'true';
  else Object.assign(headers, resetHeaders(method, path, SUCCESS_LIMIT, 0, retryAfter));
  return { status: 429, body: { message: 'You are being rate limited.', retry_after: retryAfter, global }, headers };
}
