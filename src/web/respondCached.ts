// Conditional GETs and a small memory of rendered answers. Every cacheable answer carries an ETag and
// Last-Modified derived from the tracker's data version (and today's date, which moves statuses on its own);
// a matching If-None-Match or If-Modified-Since gets a 304, and an answer rendered for the current version is
// served again without touching the database until something changes.
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TrackerVersion } from '../services/tracker/readTrackerVersion.ts';
import { toInstant } from '../domain/zonedTime.ts';

export interface Rendered {
  body: string;
  type: string;
  /** Defaults to 200; a 404 is remembered too, so a missing page is cheap. */
  status?: number;
}

export interface CacheOptions {
  /** Cache-Control value; public pages are shared, private calendars are not. */
  cacheControl?: string;
  /** Keep the rendered body in memory for this version (false for secret URLs). */
  memo?: boolean;
  /** Extra headers, e.g. cross-origin permission for badges and feeds. */
  headers?: Record<string, string>;
}

export interface ResponseCache {
  respond(request: FastifyRequest, reply: FastifyReply, options: CacheOptions, produce: () => Promise<Rendered>): Promise<FastifyReply>;
  /** The version every answer of this request is based on (read at most once a second). */
  version(): Promise<TrackerVersion>;
}

const MAX_ENTRIES = 2000;

export function createResponseCache(readVersion: () => Promise<TrackerVersion>, timezone: string): ResponseCache {
  // A new process may render differently (new code), so its tags differ from the previous process's.
  const boot = randomBytes(4).toString('hex');
  let memoTag = '';
  const memo = new Map<string, Rendered>();

  return {
    version: readVersion,
    async respond(request, reply, options, produce) {
      const version = await readVersion();
      const etag = `"${boot}-${version.tag}"`;
      const dayStart = toInstant(version.today, '00:00', timezone);
      const lastModified = new Date(Math.floor(Math.max(version.lastModified.getTime(), dayStart.getTime()) / 1000) * 1000);
      reply.header('etag', etag);
      reply.header('last-modified', lastModified.toUTCString());
      reply.header('cache-control', options.cacheControl ?? 'public, max-age=60');
      for (const [name, value] of Object.entries(options.headers ?? {})) reply.header(name, value);
      const inm = request.headers['if-none-match'];
      if (inm) {
        if (inm.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*')) return reply.code(304).send();
      } else {
        const ims = request.headers['if-modified-since'];
        const since = ims ? Date.parse(ims) : NaN;
        if (!Number.isNaN(since) && lastModified.getTime() <= since) return reply.code(304).send();
      }
      if (memoTag !== version.tag) {
        memo.clear();
        memoTag = version.tag;
      }
      const key = request.url;
      let rendered = options.memo === false ? undefined : memo.get(key);
      if (!rendered) {
        rendered = await produce();
        if (options.memo !== false) {
          if (memo.size >= MAX_ENTRIES) memo.delete(memo.keys().next().value!);
          memo.set(key, rendered);
        }
      }
      if ((rendered.status ?? 200) !== 200) {
        reply.removeHeader('etag');
        reply.removeHeader('last-modified');
      }
      return reply
        .code(rendered.status ?? 200)
        .type(rendered.type)
        .send(rendered.body);
    },
  };
}
