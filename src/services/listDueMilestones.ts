// Milestones that are approaching, due or missed at an instant: the `due` command, and the bots'
// /upcoming and /overdue. Met, claimed and dropped milestones are not listed.
import type { Pool } from '../db/createPool.ts';
import { deriveMilestoneState, latestRelevantDue, type AlertPolicy, type MilestoneState } from '../domain/alertPolicy.ts';
import type { MilestoneStatus } from '../domain/milestoneStatus.ts';

export interface DueMilestone {
  ref: string;
  seq: number;
  /** How many dated milestones the commitment has (a ref names one only when there are several). */
  milestoneCount: number;
  text: string;
  subject: string | null;
  bureaus: string[];
  due: string;
  kind: 'deadline' | 'start';
  status: MilestoneStatus;
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
}

export async function listDueMilestones(pool: Pool, options: ListDueOptions): Promise<DueMilestone[]> {
  const { rows } = await pool.query<{ ref: string; seq: number; milestoneCount: number; text: string; subject: string | null; bureaus: string[]; due: string; kind: 'deadline' | 'start'; status: MilestoneStatus }>(
    `SELECT c.ref, m.seq, c.text, m.subject, c.bureaus, m.due, m.kind, m.status,
            (SELECT count(*) FROM milestones x WHERE x.commitment_id = c.id AND x.withdrawn_at IS NULL)::int AS "milestoneCount"
     FROM milestones m JOIN commitments c ON c.id = m.commitment_id
     WHERE m.status IN ('pending', 'rescheduled') AND m.withdrawn_at IS NULL AND c.withdrawn_at IS NULL
       AND m.due <= $1::date AND ($2::text[] IS NULL OR c.bureaus && $2::text[])
     ORDER BY m.due, c.position, m.seq`,
    [latestRelevantDue(options.at, options.withinDays ? { ...options.policy, leadDays: [options.withinDays] } : options.policy), options.bureaus?.length ? options.bureaus : null],
  );
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
