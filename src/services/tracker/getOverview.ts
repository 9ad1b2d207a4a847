// The overview page: totals by status, next deadlines, most overdue, recent changes and the month chart.
import {
  countByMonthAndStatus,
  countByTrackerStatus,
  listStatusChanges,
  listTrackerMilestones,
  type MonthCountRow,
  type StatusChangeRow,
  type TrackerMilestoneRow,
  type TrackerScope,
} from '../../db/trackerQueries.ts';
import type { TrackerStatus } from '../../domain/trackerStatus.ts';
import { dueSoonDays, todayOf, type TrackerDeps } from './TrackerDeps.ts';

export interface Overview {
  today: string;
  totals: Partial<Record<TrackerStatus, number>>;
  next: TrackerMilestoneRow[];
  mostOverdue: TrackerMilestoneRow[];
  recentChanges: StatusChangeRow[];
  months: MonthCountRow[];
}

export async function getOverview(deps: TrackerDeps, givenScope: TrackerScope = {}, listSize = 10): Promise<Overview> {
  const scope = { ...givenScope, edition: deps.edition ?? null };
  const today = todayOf(deps);
  const [totals, next, mostOverdue, recent, months] = await Promise.all([
    countByTrackerStatus(deps.pool, today, dueSoonDays, scope),
    listTrackerMilestones(deps.pool, { ...scope, today, dueSoonDays, openOnly: true, dueFrom: today, sort: 'due', limit: listSize, offset: 0 }),
    listTrackerMilestones(deps.pool, { ...scope, today, dueSoonDays, trackerStatuses: ['overdue'], sort: 'due', limit: listSize, offset: 0 }),
    listStatusChanges(deps.pool, { ...scope, limit: listSize, offset: 0 }),
    countByMonthAndStatus(deps.pool, today, dueSoonDays, scope),
  ]);
  return {
    today,
    totals: Object.fromEntries(totals.filter((t) => t.count > 0).map((t) => [t.status, t.count])),
    next: next.rows,
    mostOverdue: mostOverdue.rows,
    recentChanges: recent.rows,
    months,
  };
}
