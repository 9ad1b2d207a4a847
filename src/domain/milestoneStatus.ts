// Stored milestone status and the rules for changing it. Every change is checked here, whichever door it
// comes through (CLI, curated statuses file, a bot editor), so the history only ever holds valid moves.
import { isCalendarDate } from './calendarDate.ts';
import { isHttpUrl } from './isHttpUrl.ts';

export const MILESTONE_STATUSES = ['pending', 'met', 'claimed', 'rescheduled', 'dropped'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

/** Statuses under which a milestone still produces alerts. */
export const OPEN_STATUSES: readonly MilestoneStatus[] = ['pending', 'rescheduled'];

const ALLOWED: Record<MilestoneStatus, readonly MilestoneStatus[]> = {
  pending: ['met', 'claimed', 'rescheduled', 'dropped'],
  rescheduled: ['pending', 'met', 'claimed', 'rescheduled', 'dropped'],
  // An audit may find a claim unsupported (back to pending) or confirm it (met).
  claimed: ['pending', 'met', 'rescheduled', 'dropped'],
  // Corrections only: a met or dropped milestone can be reopened, nothing else.
  met: ['pending'],
  dropped: ['pending'],
};

export class StatusChangeError extends Error {
  constructor(
    readonly field: 'status' | 'evidence' | 'due',
    readonly problem: string,
  ) {
    super(problem);
    this.name = 'StatusChangeError';
  }
}

export interface StatusChangeRequest {
  to: string;
  evidenceUrl?: string | null;
  due?: string | null;
}

export interface StatusChangeResult {
  status: MilestoneStatus;
  due: string;
  evidenceUrl: string | null;
}

export function isMilestoneStatus(value: string): value is MilestoneStatus {
  return (MILESTONE_STATUSES as readonly string[]).includes(value);
}

export function checkStatusChange(current: { status: MilestoneStatus; due: string; evidenceUrl: string | null }, request: StatusChangeRequest): StatusChangeResult {
  const to = request.to;
  if (!isMilestoneStatus(to)) throw new StatusChangeError('status', `unknown status "${to}"; use one of ${MILESTONE_STATUSES.join(', ')}`);
  if (!ALLOWED[current.status].includes(to)) {
    const allowed = ALLOWED[current.status];
    throw new StatusChangeError('status', `cannot change a ${current.status} milestone to ${to} (allowed: ${allowed.join(', ')})`);
  }
  const evidence = request.evidenceUrl ?? null;
  if (evidence !== null && !isHttpUrl(evidence)) throw new StatusChangeError('evidence', `evidence must be an http(s) URL, not "${evidence}"`);
  if (to === 'met' && !evidence) throw new StatusChangeError('evidence', 'marking a milestone met needs public evidence (--evidence URL); use "claimed" when the bureau says it is done but there is no evidence yet');
  if (evidence && to !== 'met' && to !== 'claimed') throw new StatusChangeError('evidence', `evidence belongs to met or claimed, not ${to}`);
  const due = request.due ?? null;
  if (to === 'rescheduled') {
    if (!due) throw new StatusChangeError('due', 'rescheduling needs the new due date (--due YYYY-MM-DD)');
    if (!isCalendarDate(due)) throw new StatusChangeError('due', `the new due date must be a real date YYYY-MM-DD, not "${due}"`);
    if (due === current.due) throw new StatusChangeError('due', `the milestone is already due on ${due}`);
  } else if (due) {
    throw new StatusChangeError('due', 'a new due date only goes with "rescheduled"');
  }
  return { status: to, due: to === 'rescheduled' ? due! : current.due, evidenceUrl: to === 'met' || to === 'claimed' ? evidence : to === 'pending' ? null : current.evidenceUrl };
}
