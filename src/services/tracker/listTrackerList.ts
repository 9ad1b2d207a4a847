// The three public lists: overdue (most overdue first), upcoming (next 90 days) and recently changed; each
// filterable by bureau and document, sortable and paginated.
import { listStatusChanges, listTrackerMilestones, type StatusChangeRow, type TrackerMilestoneRow, type TrackerScope } from '../../db/trackerQueries.ts';
import { addDays } from '../../domain/zonedTime.ts';
import { dueSoonDays, todayOf, type TrackerDeps } from './TrackerDeps.ts';

export const LIST_KINDS = ['overdue', 'upcoming', 'changed'] as const;
export type ListKind = (typeof LIST_KINDS)[number];
export const UPCOMING_DAYS = 90;

export interface ListRequest extends TrackerScope {
  kind: ListKind;
  /** 'due' | '-due' | 'ref' | '-ref' for milestone lists; 'recent' | 'oldest' for changes. */
  sort: string;
  page: number;
  pageSize: number;
}

export type ListResult =
  | { kind: 'overdue' | 'upcoming'; today: string; rows: TrackerMilestoneRow[]; total: number }
  | { kind: 'changed'; today: string; rows: StatusChangeRow[]; total: number };

export async function listTrackerList(deps: TrackerDeps, request: ListRequest): Promise<ListResult> {
  const today = todayOf(deps);
  const offset = (request.page - 1) * request.pageSize;
  const scope = { bureau: request.bureau, document: request.document, edition: deps.edition ?? null };
  if (request.kind === 'changed') {
    const result = await listStatusChanges(deps.pool, { ...scope, sort: request.sort === 'oldest' ? 'oldest' : 'recent', limit: request.pageSize, offset });
    return { kind: 'changed', today, ...result };
  }
  const sort = (['due', '-due', 'ref', '-ref'] as const).find((s) => s === request.sort) ?? 'due';
  const result = await listTrackerMilestones(deps.pool, {
    ...scope,
    today,
    dueSoonDays,
    sort,
    limit: request.pageSize,
    offset,
    ...(request.kind === 'overdue'
      ? { trackerStatuses: ['overdue'] }
      : { openOnly: true, dueFrom: today, dueTo: addDays(today, UPCOMING_DAYS) }),
  });
  return { kind: request.kind, today, ...result };
}
