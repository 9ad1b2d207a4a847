// Milestones that are approaching, due or missed at an instant: the `due` command, and the bots'
// /upcoming and /overdue. Met, claimed and dropped milestones are not listed.
import type { Pool } from '../db/createPool.ts';
import { listOpenMilestonesDueBy, type OpenMilestoneRow } from '../db/dueMilestones.ts';
import { editionLanguageOf } from '../domain/editionLanguage.ts';
import { deriveMilestoneState, latestRelevantDue, type AlertPolicy, type MilestoneState } from '../domain/alertPolicy.ts';

/** An open milestone as the due lists show it; text in the reader's edition where it exists. */
export interface DueMilestone extends OpenMilestoneRow {
  state: MilestoneState;
  daysLeft: number;
}

export interface ListDueOptions {
  at: Date;
  policy: AlertPolicy;
  bureaus?: readonly string[] | null;
  states?: readonly MilestoneState[];
  /** Only milestones due within this many days (approaching); defaults to the longest lead time. */
  withinDays?: number;
  /** The reader's language (zh-HK, zh, zh-Hant or en); Chinese when unset. */
  language?: string | null;
}

export async function listDueMilestones(pool: Pool, options: ListDueOptions): Promise<DueMilestone[]> {
  const rows = await listOpenMilestonesDueBy(pool, {
    until: latestRelevantDue(options.at, options.withinDays ? { ...options.policy, leadDays: [options.withinDays] } : options.policy),
    bureaus: options.bureaus?.length ? options.bureaus : null,
    language: editionLanguageOf(options.language),
  });
  const within = options.withinDays ?? Math.max(...options.policy.leadDays);
  const out: DueMilestone[] = [];
  for (const row of rows) {
    const derived = deriveMilestoneState(row, options.at, { ...options.policy, leadDays: [within] });
    if (!derived) continue;
    if (options.states && !options.states.includes(derived.state)) continue;
    out.push({ ...row, ...derived });
  }
  return out;
}
