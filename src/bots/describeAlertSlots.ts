// /why in both bots: one milestone's alert slots as plain-text lines in the reader's language (each bot adds
// its own markup). Long-overdue milestones collect a reminder a week, so only the latest slots are listed.
import { labelsFor, type ReaderLanguage } from '../domain/alertLabels.ts';
import type { MilestoneExplanation } from '../services/explainAlerts.ts';
import { formatLocalTime } from '../domain/zonedTime.ts';

export const MAX_LISTED_SLOTS = 15;

export interface DescribedSlots {
  /** "PA2024-7-03/1", then "Due 2024-12-31 · pending". */
  ref: string;
  heading: string;
  lines: string[];
}

export function describeAlertSlots({ milestone, slots }: MilestoneExplanation, language: ReaderLanguage, timeZone: string): DescribedSlots {
  const labels = labelsFor(language);
  const listed = slots.slice(-MAX_LISTED_SLOTS);
  const lines = listed.map((slot) => {
    const kind = slot.leadDays === null ? labels.kind[slot.kind] : `${labels.kind[slot.kind]} (${slot.leadDays})`;
    const detail = slot.verdict === 'dead' ? ` — ${slot.reason}` : '';
    return `${slot.gets ? '✅' : '❌'} ${formatLocalTime(slot.at, timeZone)} · ${kind} · ${labels.verdict[slot.verdict]}${detail}`;
  });
  if (slots.length > listed.length) lines.unshift(`… (+${slots.length - listed.length})`);
  if (!slots.length) lines.push(labels.noSlots);
  return { ref: `${milestone.ref}/${milestone.seq}`, heading: `${labels.due} ${milestone.due} · ${labels.status[milestone.status]}`, lines };
}
