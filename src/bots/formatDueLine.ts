// One milestone on a line, as the bots list them (/upcoming, /overdue, /show): ref, due date and how far
// away it is, in plain text; each platform adds its own markup around the parts.
import type { ReaderLanguage } from '../domain/alertLabels.ts';
import { labelsFor } from '../domain/alertLabels.ts';
import type { MilestoneStatus } from '../domain/milestoneStatus.ts';

export interface DueLineInput {
  ref: string;
  seq: number;
  /** How many dated milestones the commitment has; the seq is shown only when there are several. */
  milestoneCount?: number;
  due: string;
  kind: 'deadline' | 'start';
  daysLeft: number;
  status: MilestoneStatus;
}

export interface DueLine {
  /** PA2024-7-01 or PA2024-7-01/2. */
  ref: string;
  /** "期限 2024-12-31（尚餘7日）" / "Due 2024-12-31 (7 days left)". */
  when: string;
  status: string;
}

export function formatMilestoneRef(ref: string, seq: number, milestoneCount?: number): string {
  return seq > 1 || (milestoneCount ?? 1) > 1 ? `${ref}/${seq}` : ref;
}

export function formatDueLine(input: DueLineInput, language: ReaderLanguage): DueLine {
  const labels = labelsFor(language);
  const word = input.kind === 'start' ? labels.starts : labels.due;
  const days = labels.daysLeft(input.daysLeft);
  const when = language === 'zh-HK' ? `${word} ${input.due}（${days}）` : `${word} ${input.due} (${days})`;
  return { ref: formatMilestoneRef(input.ref, input.seq, input.milestoneCount), when, status: labels.status[input.status] };
}
