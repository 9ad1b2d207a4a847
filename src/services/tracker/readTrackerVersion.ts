// The instant the tracker's data last changed, read at most once a second: every page, feed and API answer
// derives its ETag and Last-Modified from it (and from today's date, which moves statuses on its own).
import { readDataVersion } from '../../db/trackerQueries.ts';
import { todayOf, type TrackerDeps } from './TrackerDeps.ts';

export interface TrackerVersion {
  lastModified: Date;
  today: string;
  /** Changes whenever anything a reader sees may have changed. */
  tag: string;
}

export function createVersionReader(deps: TrackerDeps, maxAgeMs = 1000): () => Promise<TrackerVersion> {
  let cached: { at: number; value: TrackerVersion } | null = null;
  let pending: Promise<TrackerVersion> | null = null;
  return async () => {
    const now = Date.now();
    if (cached && now - cached.at < maxAgeMs) return cached.value;
    pending ??= (async () => {
      try {
        const lastModified = await readDataVersion(deps.pool);
        const today = todayOf(deps);
        const value = { lastModified, today, tag: `${lastModified.getTime().toString(36)}-${today}` };
        cached = { at: Date.now(), value };
        return value;
      } finally {
        pending = null;
      }
    })();
    return pending;
  };
}
