// Entries of the Atom feeds: status changes, new commitments, missed deadlines; overall or for one bureau or
// document. Each entry has a stable id and the instant it happened.
import { listNewCommitments, listStatusChanges, listTrackerMilestones, type TrackerScope } from '../../db/trackerQueries.ts';
import { addDays, toInstant } from '../../domain/zonedTime.ts';
import { dueSoonDays, todayOf, type TrackerDeps } from './TrackerDeps.ts';

export const FEED_KINDS = ['changes', 'new', 'missed'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

export interface FeedEntry {
  /** Unique and stable: the same event always has the same id. */
  key: string;
  at: Date;
  ref: string;
  seq: number | null;
  milestoneCount: number;
  text: string;
  language: string;
  bureaus: string[];
  event:
    | { type: 'changed'; status: string; previousStatus: string | null; due: string; previousDue: string | null; note: string | null; evidenceUrl: string | null }
    | { type: 'new' }
    | { type: 'missed'; due: string };
}

export async function listFeedEntries(deps: TrackerDeps, kind: FeedKind, givenScope: TrackerScope, limit = 50): Promise<FeedEntry[]> {
  const scope = { ...givenScope, edition: deps.edition ?? null };
  if (kind === 'changes') {
    const { rows } = await listStatusChanges(deps.pool, { ...scope, limit, offset: 0 });
    return rows.map((r) => ({
      key: `status-change-${r.id}`,
      at: r.changedAt,
      ref: r.ref,
      seq: r.seq,
      milestoneCount: r.milestoneCount,
      text: r.text,
      language: r.language,
      bureaus: r.bureaus,
      event: { type: 'changed', status: r.status, previousStatus: r.previousStatus, due: r.due, previousDue: r.previousDue, note: r.note, evidenceUrl: r.evidenceUrl },
    }));
  }
  if (kind === 'new') {
    const rows = await listNewCommitments(deps.pool, scope, limit);
    return rows.map((r) => ({ key: `commitment-${r.id}`, at: r.createdAt, ref: r.ref, seq: null, milestoneCount: 0, text: r.text, language: r.language, bureaus: r.bureaus, event: { type: 'new' } }));
  }
  const today = todayOf(deps);
  const { rows } = await listTrackerMilestones(deps.pool, { ...scope, today, dueSoonDays, trackerStatuses: ['overdue'], sort: '-due', limit, offset: 0 });
  return rows.map((r) => ({
    // A milestone rescheduled and missed again is a new event: the due date is part of the id.
    key: `missed-${r.id}-${r.due}`,
    at: toInstant(addDays(r.due, 1), '00:00', deps.timezone),
    ref: r.ref,
    seq: r.seq,
    milestoneCount: r.milestoneCount,
    text: r.text,
    language: r.language,
    bureaus: r.bureaus,
    event: { type: 'missed', due: r.due },
  }));
}
