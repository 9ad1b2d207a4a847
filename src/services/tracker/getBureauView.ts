// A bureau's page: its own counts and its commitments grouped by their most pressing status.
import type { Pool } from '../../db/createPool.ts';
import { listBureaus, type BureauRow } from '../../db/bureaus.ts';
import { countByTrackerStatus, listBureauCounts, listTrackerCommitments, type BureauCountRow, type TrackerCommitmentRow } from '../../db/trackerQueries.ts';
import { commitmentStatusOf, type TrackerStatus } from '../../domain/trackerStatus.ts';
import { dueSoonDays, todayOf, type TrackerDeps } from './TrackerDeps.ts';

export interface BureauView {
  bureau: BureauRow;
  today: string;
  totals: Partial<Record<TrackerStatus, number>>;
  /** Each group lists at most `perGroup` commitments; `total` is how many it has. */
  groups: { status: TrackerStatus; total: number; commitments: TrackerCommitmentRow[] }[];
}

const GROUP_ORDER: readonly TrackerStatus[] = ['overdue', 'due_soon', 'rescheduled', 'on_track', 'ongoing', 'claimed', 'met', 'dropped'];

export async function findBureau(pool: Pool, code: string): Promise<BureauRow | null> {
  const bureaus = await listBureaus(pool);
  return bureaus.find((b) => b.code.toUpperCase() === code.toUpperCase()) ?? null;
}

export async function getBureauView(deps: TrackerDeps, code: string, perGroup = 100): Promise<BureauView | null> {
  const bureau = await findBureau(deps.pool, code);
  if (!bureau) return null;
  const today = todayOf(deps);
  const [totals, commitments] = await Promise.all([
    countByTrackerStatus(deps.pool, today, dueSoonDays, { bureau: bureau.code }),
    listTrackerCommitments(deps.pool, { today, dueSoonDays, edition: deps.edition ?? null, bureau: bureau.code, limit: 100_000, order: 'position' }),
  ]);
  const groups = new Map<TrackerStatus, TrackerCommitmentRow[]>();
  for (const commitment of commitments) {
    const status = commitmentStatusOf(commitment.milestones.map((m) => m.trackerStatus));
    groups.set(status, [...(groups.get(status) ?? []), commitment]);
  }
  return {
    bureau,
    today,
    totals: Object.fromEntries(totals.filter((t) => t.count > 0).map((t) => [t.status, t.count])),
    groups: GROUP_ORDER.filter((s) => groups.has(s)).map((status) => ({ status, total: groups.get(status)!.length, commitments: groups.get(status)!.slice(0, perGroup) })),
  };
}

export async function listBureauSummaries(deps: TrackerDeps): Promise<BureauCountRow[]> {
  return listBureauCounts(deps.pool, todayOf(deps), dueSoonDays);
}

export async function listAllBureaus(pool: Pool): Promise<BureauRow[]> {
  return listBureaus(pool);
}
