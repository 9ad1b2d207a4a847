// The status a reader of the public tracker sees for a milestone: the stored status for settled ones, and for
// open ones whether the date has passed (overdue), is close (due soon), was moved (rescheduled) or is far
// (on track). A commitment with no dated milestone is "ongoing". The same rule is written in SQL in
// src/db/trackerQueries.ts (trackerStatusSql) so counts over thousands of rows stay in the database; a test
// checks that both agree.
import type { MilestoneStatus } from './milestoneStatus.ts';
import { addDays } from './zonedTime.ts';

export const TRACKER_STATUSES = ['met', 'claimed', 'on_track', 'due_soon', 'overdue', 'ongoing', 'rescheduled', 'dropped'] as const;
export type TrackerStatus = (typeof TRACKER_STATUSES)[number];

/** Open milestones due within this many days count as "due soon". */
export const DUE_SOON_DAYS = 30;

export function isTrackerStatus(value: string): value is TrackerStatus {
  return (TRACKER_STATUSES as readonly string[]).includes(value);
}

export function trackerStatusOf(milestone: { status: MilestoneStatus; due: string }, today: string, dueSoonDays = DUE_SOON_DAYS): TrackerStatus {
  switch (milestone.status) {
    case 'met':
    case 'claimed':
    case 'dropped':
      return milestone.status;
    default:
      if (milestone.due < today) return 'overdue';
      if (milestone.due <= addDays(today, dueSoonDays)) return 'due_soon';
      return milestone.status === 'rescheduled' ? 'rescheduled' : 'on_track';
  }
}

/** The status of a whole commitment: its most pressing milestone, or ongoing when it has none. */
const PRESSING_ORDER: readonly TrackerStatus[] = ['overdue', 'due_soon', 'rescheduled', 'on_track', 'claimed', 'met', 'dropped'];

export function commitmentStatusOf(milestoneStatuses: readonly TrackerStatus[]): TrackerStatus {
  for (const status of PRESSING_ORDER) if (milestoneStatuses.includes(status)) return status;
  return 'ongoing';
}
