// One commitment for the public page and the API: text, bureaux, milestones with tracker status, the whole
// status history with sources and evidence.
import { listTrackerCommitments } from '../../db/trackerQueries.ts';
import type { TrackerStatus } from '../../domain/trackerStatus.ts';
import { getCommitmentDetails, type CommitmentDetails } from '../getCommitmentDetails.ts';
import { dueSoonDays, todayOf, type TrackerDeps } from './TrackerDeps.ts';

export interface CommitmentView extends CommitmentDetails {
  language: string;
  today: string;
  trackerStatuses: Map<number, TrackerStatus>;
}

export async function getCommitmentView(deps: TrackerDeps, ref: string): Promise<CommitmentView | null> {
  const details = await getCommitmentDetails(deps.pool, ref);
  if (!details) return null;
  const today = todayOf(deps);
  const [row] = await listTrackerCommitments(deps.pool, { today, dueSoonDays, edition: deps.edition ?? null, refs: [details.ref], limit: 1 });
  // A withdrawn commitment is not in the tracker lists; its milestones keep their stored status.
  const trackerStatuses = new Map((row?.milestones ?? []).map((m) => [m.id, m.trackerStatus]));
  // The text and headings in the reader's edition where the document has one.
  return { ...details, text: row?.text ?? details.text, headings: row?.headings ?? details.headings, language: row?.language ?? 'zh-Hant', today, trackerStatuses };
}
