// The start summary as printed on the console: one block, counts first, then the next deadline.
import { formatMilestoneRef } from '../bots/formatDueLine.ts';
import { shortenText } from '../domain/shortenText.ts';
import type { TrackingSummary } from '../services/summarizeTracking.ts';

export function renderTrackingSummary(summary: TrackingSummary): string {
  const next = summary.nextDeadline;
  const nextLine = next
    ? `${next.due} ${formatMilestoneRef(next.ref, next.seq, next.milestoneCount)} (${next.bureaus.join(', ')}) ${shortenText(next.subject ?? next.text, 60)}`
    : 'none (no open milestone is due from today on)';
  return [
    `== policywatch on ${summary.today}`,
    `documents: ${summary.documents} · commitments: ${summary.commitments}`,
    `milestones: ${summary.met} met (with evidence) · ${summary.claimed} claimed (government's word) · ${summary.dropped} dropped · ` +
      `${summary.upcoming} upcoming · ${summary.overdue} overdue`,
    `next deadline: ${nextLine}`,
  ].join('\n');
}
