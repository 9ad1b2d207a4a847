// A document's page: title, chapter, editions (versions loaded), source link, and its commitments in order.
import { countByTrackerStatus, listTrackerCommitments, listTrackerDocuments, type TrackerCommitmentRow, type TrackerDocumentRow } from '../../db/trackerQueries.ts';
import type { TrackerStatus } from '../../domain/trackerStatus.ts';
import { dueSoonDays, todayOf, type TrackerDeps } from './TrackerDeps.ts';

export interface DocumentView {
  document: TrackerDocumentRow;
  totals: Partial<Record<TrackerStatus, number>>;
  commitments: TrackerCommitmentRow[];
}

export async function listDocumentSummaries(deps: TrackerDeps): Promise<TrackerDocumentRow[]> {
  return listTrackerDocuments(deps.pool);
}

export async function getDocumentView(deps: TrackerDeps, key: string, limit = 5000): Promise<DocumentView | null> {
  const [document] = await listTrackerDocuments(deps.pool, key);
  if (!document) return null;
  const today = todayOf(deps);
  const [totals, commitments] = await Promise.all([
    countByTrackerStatus(deps.pool, today, dueSoonDays, { document: key }),
    listTrackerCommitments(deps.pool, { today, dueSoonDays, edition: deps.edition ?? null, document: key, limit, order: 'position' }),
  ]);
  return { document, totals: Object.fromEntries(totals.filter((t) => t.count > 0).map((t) => [t.status, t.count])), commitments };
}
