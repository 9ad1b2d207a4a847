// Search over commitment texts in either language (substring match served by the trigram index).
import { searchCommitmentTexts } from '../../db/trackerQueries.ts';
import type { TrackerDeps } from './TrackerDeps.ts';

export async function searchTracker(deps: TrackerDeps, text: string, page: number, pageSize: number) {
  if (!text.trim()) return { rows: [], total: 0 };
  return searchCommitmentTexts(deps.pool, text.slice(0, 200), pageSize, (page - 1) * pageSize, deps.edition ?? null);
}
