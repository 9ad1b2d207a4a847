// What the tracker's use cases need: the pool, the clock, and the zone whose calendar date is "today".
import type { Pool } from '../../db/createPool.ts';
import { DUE_SOON_DAYS } from '../../domain/trackerStatus.ts';
import { toLocalDate } from '../../domain/zonedTime.ts';

export interface TrackerDeps {
  pool: Pool;
  now: () => Date;
  timezone: string;
  /** The reader's edition (zh-Hant or en): texts in that language where the document has one. */
  edition?: string | null;
}

export function todayOf(deps: TrackerDeps): string {
  return toLocalDate(deps.now(), deps.timezone);
}

export const dueSoonDays = DUE_SOON_DAYS;
