// What both bots' /report and /review share: the buttons' custom ids, how many open proposals a /review
// lists, a proposed status's label, and a proposal's milestone ref.
import { labelsFor, type ReaderLanguage } from '../domain/alertLabels.ts';
import type { EvidenceProposal } from '../services/listEvidenceProposals.ts';
import { formatMilestoneRef } from './formatDueLine.ts';

/** ev:a:<id> approves, ev:r:<id> rejects. */
export const REVIEW_BUTTON_PATTERN = /^ev:([ar]):(\d+)$/;
export const REVIEW_LIMIT = 10;

export function statusLabel(status: string, language: ReaderLanguage): string {
  const labels = labelsFor(language).status as Record<string, string>;
  return labels[status] ?? (status === 'progress' ? (language === 'zh-HK' ? '有進展' : 'progress') : status);
}

export function refOf(p: EvidenceProposal): string {
  return formatMilestoneRef(p.ref, p.seq, p.milestoneCount);
}
