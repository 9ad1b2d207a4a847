// Discord's rate limits, enforced when a fake is started with enforceLimits: the bot's global limit (50 requests
// a second, interaction callbacks exempt) and per-route buckets keyed by route and major parameter (channel,
// guild, webhook), each a fixed window that starts with its first request, as Discord's do. A request over a
// limit is answered 429 with Discord's headers and body and does not count; every answer carries the bucket's
// real Limit, Remaining and Reset-After, so a client that reads them never has to be refused.
import { bucketHashOf, bucketRouteOf } from './buildRateLimitHeaders.ts';

export const DISCORD_GLOBAL_LIMIT = { requests: 50, windowMs: 1_000 };

interface RouteLimit {
  requests: number;
  windowMs: number;
}

// Create message in a channel: 5 per 5 s; execute webhook: 5 per 2 s; other routes here: 5 a second.
function routeLimitOf(method: string, route: string): RouteLimit {
  if (method === 'POST' && route === '/channels/:id/messages') return { requests: 5, windowMs: 5_000 };
  if (method === 'POST' && route.startsWith('/webhooks/')) return { requests: 5, windowMs: 2_000 };
  return { requests: 5, windowMs: 1_000 };
}

/** The major parameter that splits a route into buckets of its own. */
function majorOf(path: string): string {
  const match = /^\/(channels|guilds|webhooks)\/(\d{17,19})(?:\/([^/?]+))?/.exec(path);
  if (!match) return '';
  return match[1] === 'webhooks' ? `${match[2]}/${match[3] ?? ''}` : match[2]!;
}

interface Window {
  start: number;
  used: number;
}

export interface DiscordRateDecision {
  /** Headers for the answer: the bucket's state after this request (or the 429's). */
  headers: Record<string, string>;
  /** Set when the request is refused. */
  refused?: { status: 429; body: { message: string; retry_after: number; global: boolean }; scope: 'global' | 'route' };
}

export interface DiscordRateLimits {
  check(method: string, path: string): DiscordRateDecision;
  readonly rateLimited: { total: number; global: number; route: number };
  reset(): void;
}

export function createDiscordRateLimits(now: () => number = Date.now): DiscordRateLimits {
  let global: Window = { start: -Infinity, used: 0 };
  const buckets = new Map<string, Window>();
  const rateLimited = { total: 0, global: 0, route: 0 };

  const current = (window: Window, windowMs: number, at: number): Window => (at >= window.start + windowMs ? { start: at, used: 0 } : window);

  return {
    rateLimited,
    reset() {
      global = { start: -Infinity, used: 0 };
      buckets.clear();
      rateLimited.total = rateLimited.global = rateLimited.route = 0;
    },
    check(method, path): DiscordRateDecision {
      const at = now();
      const route = bucketRouteOf(path);
      const limit = routeLimitOf(method, route);
      const key = `${method} ${route} ${majorOf(path)}`;
      const bucket = current(buckets.get(key) ?? { start: -Infinity, used: 0 }, limit.windowMs, at);
      buckets.set(key, bucket);
      const resetAfter = (bucket.start + limit.windowMs - at) / 1000;
      const bucketHeaders = (remaining: number): Record<string, string> => ({
        'X-RateLimit-Limit': String(limit.requests),
        'X-RateLimit-Remaining': String(remaining),
        'X-RateLimit-Reset': ((Date.now() + resetAfter * 1000) / 1000).toFixed(3),
        'X-RateLimit-Reset-After': resetAfter.toFixed(3),
        'X-RateLimit-Bucket': bucketHashOf(method, path),
      });
      // Interaction callbacks and webhook posts carry no bot token: the bot's global limit does not count them.
      const countsGlobally = !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
      if (countsGlobally) {
        global = current(global, DISCORD_GLOBAL_LIMIT.windowMs, at);
        if (global.used >= DISCORD_GLOBAL_LIMIT.requests) {
          const retryAfter = Math.max(0.001, (global.start + DISCORD_GLOBAL_LIMIT.windowMs - at) / 1000);
          rateLimited.total++;
          rateLimited.global++;
          return {
            headers: { 'Retry-After': String(Math.ceil(retryAfter)), 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': 'global' },
            refused: { status: 429, body: { message: 'You are being rate limited.', retry_after: Number(retryAfter.toFixed(3)), global: true }, scope: 'global' },
          };
        }
      }
      if (bucket.used >= limit.requests) {
        rateLimited.total++;
        rateLimited.route++;
        return {
          headers: { ...bucketHeaders(0), 'Retry-After': String(Math.ceil(resetAfter)), 'X-RateLimit-Scope': 'user' },
          refused: { status: 429, body: { message: 'You are being rate limited.', retry_after: Number(resetAfter.toFixed(3)), global: false }, scope: 'route' },
        };
      }
      bucket.used++;
      if (countsGlobally) global.used++;
      return { headers: bucketHeaders(limit.requests - bucket.used) };
    },
  };
}
