// One commitment with its milestones, their status history and evidence, where each status came from, and
// the commitments it restates or that restate it: the bots' /show and `policywatch show`.
import { listLinks } from '../db/commitmentLinks.ts';
import type { Pool } from '../db/createPool.ts';
import { listStatusHistory, type StoredStatusHistoryEntry } from '../db/statusHistory.ts';
import { classifyProvenance, type Provenance } from '../domain/describeProvenance.ts';
import { findCommitmentWithTexts, listMilestonesOfCommitment, type CommitmentMilestoneRow, type CommitmentWithTexts } from '../db/commitmentDetails.ts';
import { editionLanguageOf } from '../domain/editionLanguage.ts';
import type { DocumentLanguage } from '../domain/types.ts';

export type HistoryWithProvenance = StoredStatusHistoryEntry & { provenance: Provenance };

export interface CommitmentLinkView {
  /** 'from': this commitment restates an older one; 'to': a later one restates this. */
  direction: 'from' | 'to';
  ref: string;
  document: string;
  oldDue: string | null;
  newDue: string | null;
  daysSlipped: number | null;
  similarity: number;
}

export interface CommitmentDetails
  extends Pick<CommitmentWithTexts, 'ref' | 'headings' | 'texts' | 'headingsByLanguage' | 'bureaus' | 'withRelevantBureaux' | 'withdrawn'> {
  /** In the reader's language when that edition exists, else the document's own (`texts` has every edition). */
  text: string;
  document: Pick<CommitmentWithTexts, 'key' | 'title' | 'sourceUrl' | 'published'>;
  milestones: (CommitmentMilestoneRow & {
    /** Where the current status came from: the latest history entry. */
    latest: HistoryWithProvenance | null;
    history: HistoryWithProvenance[];
  })[];
  links: CommitmentLinkView[];
}

export async function getCommitmentDetails(pool: Pool, ref: string, readerLanguage?: string | null): Promise<CommitmentDetails | null> {
  const language = editionLanguageOf(readerLanguage);
  const row = await findCommitmentWithTexts(pool, ref.trim());
  if (!row) return null;
  const milestones = await listMilestonesOfCommitment(pool, row.id);
  const history = (await listStatusHistory(pool, milestones.map((m) => m.id))).map((entry) => ({ ...entry, provenance: classifyProvenance(entry) }));
  const links = (await listLinks(pool, { ref: row.ref })).map((link): CommitmentLinkView => {
    const from = link.newRef.toUpperCase() === String(row.ref).toUpperCase();
    return {
      direction: from ? 'from' : 'to',
      ref: from ? link.oldRef : link.newRef,
      document: from ? link.oldDocument : link.newDocument,
      oldDue: link.oldDue,
      newDue: link.newDue,
      daysSlipped: link.daysSlipped,
      similarity: Math.round(link.similarity * 100) / 100,
    };
  });
  return {
    ref: row.ref,
    text: row.texts[language] ?? row.text,
    headings: row.headingsByLanguage[language] ?? row.headings,
    texts: row.texts,
    headingsByLanguage: row.headingsByLanguage,
    bureaus: row.bureaus,
    withRelevantBureaux: row.withRelevantBureaux,
    withdrawn: row.withdrawn,
    document: { key: row.key, title: row.title, sourceUrl: row.sourceUrl, published: row.published },
    milestones: milestones.map((m) => {
      const own = history.filter((h) => h.milestoneId === m.id);
      return { ...m, latest: own.at(-1) ?? null, history: own };
    }),
    links,
  };
}
