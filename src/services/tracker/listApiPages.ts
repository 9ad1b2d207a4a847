// Keyset-paginated lists behind /api/v1: a page holds rows with ids above `afterId`, and names the next one.
import { listCarryOvers, listStatusChanges, listTrackerCommitments, listTrackerMilestones, tableExists, type StatusChangeRow, type TrackerCommitmentRow, type TrackerMilestoneRow, type TrackerScope } from '../../db/trackerQueries.ts';
import type { TrackerStatus } from '../../domain/trackerStatus.ts';
import { dueSoonDays, todayOf, type TrackerDeps } from './TrackerDeps.ts';

export interface Page<T> {
  rows: T[];
  /** The id to continue after, or null on the last page. */
  nextAfterId: number | null;
}

function pageOf<T extends { id: number }>(rows: T[], limit: number): Page<T> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return { rows: kept, nextAfterId: more ? kept.at(-1)!.id : null };
}

export interface CommitmentFilter extends TrackerScope {
  statuses?: TrackerStatus[] | null;
  dueBefore?: string | null;
  dueAfter?: string | null;
  text?: string | null;
}

export async function listCommitmentPage(deps: TrackerDeps, filter: CommitmentFilter, afterId: number | null, limit: number): Promise<Page<TrackerCommitmentRow>> {
  const rows = await listTrackerCommitments(deps.pool, {
    ...filter,
    trackerStatuses: filter.statuses ?? null,
    today: todayOf(deps),
    dueSoonDays,
    afterId,
    limit: limit + 1,
  });
  return pageOf(rows, limit);
}

/** Every commitment (no paging) for the CSV and JSON exports. */
export async function listAllCommitments(deps: TrackerDeps, filter: CommitmentFilter): Promise<TrackerCommitmentRow[]> {
  return listTrackerCommitments(deps.pool, { ...filter, trackerStatuses: filter.statuses ?? null, today: todayOf(deps), dueSoonDays, limit: 1_000_000 });
}

export interface MilestoneFilter extends TrackerScope {
  statuses?: TrackerStatus[] | null;
  dueBefore?: string | null;
  dueAfter?: string | null;
}

/** The API's milestone filter as the tracker query takes it, as of today. */
function milestoneQueryOf(deps: TrackerDeps, filter: MilestoneFilter) {
  return { ...filter, trackerStatuses: filter.statuses ?? null, dueTo: filter.dueBefore ?? null, dueFrom: filter.dueAfter ?? null, today: todayOf(deps), dueSoonDays };
}

export async function listMilestonePage(deps: TrackerDeps, filter: MilestoneFilter, afterId: number | null, limit: number): Promise<Page<TrackerMilestoneRow>> {
  const { rows } = await listTrackerMilestones(deps.pool, {
    ...milestoneQueryOf(deps, filter),
    sort: 'due',
    afterId: afterId ?? 0,
    limit: limit + 1,
    offset: 0,
  });
  return pageOf(rows, limit);
}

export async function listAllMilestones(deps: TrackerDeps, filter: MilestoneFilter): Promise<TrackerMilestoneRow[]> {
  const { rows } = await listTrackerMilestones(deps.pool, {
    ...milestoneQueryOf(deps, filter),
    sort: 'ref',
    limit: 1_000_000,
    offset: 0,
  });
  return rows;
}

export async function listStatusHistoryPage(deps: TrackerDeps, scope: TrackerScope, afterId: number | null, limit: number): Promise<Page<StatusChangeRow>> {
  const { rows } = await listStatusChanges(deps.pool, { ...scope, includeInitial: true, afterId: afterId ?? 0, limit: limit + 1, offset: 0 });
  return pageOf(rows, limit);
}

/** Carry-over links arrive with another migration; until its table exists the list is simply unavailable. */
export async function hasCarryOvers(deps: TrackerDeps): Promise<boolean> {
  return tableExists(deps.pool, 'commitment_links');
}

export async function listAllCarryOvers(deps: TrackerDeps) {
  return listCarryOvers(deps.pool);
}
