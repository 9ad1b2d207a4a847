// What policywatch tracks at an instant: documents, commitments, milestones met / claimed (kept apart:
// claimed is the government's word, met has independent evidence) / dropped / upcoming / overdue, and the
// next deadline. Printed once when the service starts.
import type { Pool } from '../db/createPool.ts';
import { countMilestonesByState, findNextDeadline, type MilestoneCounts, type OpenMilestoneLine } from '../db/milestones.ts';
import { toLocalDate } from '../domain/zonedTime.ts';

export interface TrackingSummary extends MilestoneCounts {
  today: string;
  nextDeadline: OpenMilestoneLine | null;
}

export async function summarizeTracking(pool: Pool, now: Date, timezone: string): Promise<TrackingSummary> {
  const today = toLocalDate(now, timezone);
  const [counts, nextDeadline] = await Promise.all([countMilestonesByState(pool, today), findNextDeadline(pool, today)]);
  return { ...counts, today, nextDeadline };
}
