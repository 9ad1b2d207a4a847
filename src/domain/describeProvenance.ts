// Where a status came from, in words a reader can check: an editor, an evidence proposal approved by an
// editor, a later document that carried the milestone over, the curated seeds, or the document itself.
export type ProvenanceKind = 'editor' | 'proposal' | 'carryover' | 'seed' | 'document';

export interface ProvenanceInput {
  actor: string;
  source: string;
  proposalId?: number | null;
  proposer?: string | null;
  proposerName?: string | null;
  sourceDocumentKey?: string | null;
  sourceDocumentTitle?: string | null;
}

export interface Provenance {
  kind: ProvenanceKind;
  /** Who recorded it: the editor, the approver, or loader/seeds. */
  recordedBy: string;
  /** The proposer, for an approved proposal. */
  proposedBy: string | null;
  proposalId: number | null;
  /** The document that carried the milestone over. */
  document: string | null;
}

export function classifyProvenance(entry: ProvenanceInput): Provenance {
  const base = { recordedBy: entry.actor, proposedBy: null, proposalId: null, document: null };
  switch (entry.source) {
    case 'proposal':
      return { ...base, kind: 'proposal', proposedBy: entry.proposerName ?? entry.proposer ?? null, proposalId: entry.proposalId ?? null };
    case 'carryover':
      return { ...base, kind: 'carryover', document: entry.sourceDocumentKey ?? entry.sourceDocumentTitle ?? null };
    case 'seed':
      return { ...base, kind: 'seed' };
    case 'loader':
    case 'override':
      return { ...base, kind: 'document' };
    default:
      return { ...base, kind: 'editor' };
  }
}

export function describeProvenance(entry: ProvenanceInput, language: 'zh-HK' | 'en'): string {
  const p = classifyProvenance(entry);
  const zh = language === 'zh-HK';
  switch (p.kind) {
    case 'proposal':
      return zh
        ? `由 ${p.proposedBy ?? '?'} 提出（提案 #${p.proposalId ?? '?'}），編輯 ${p.recordedBy} 批准`
        : `proposal #${p.proposalId ?? '?'} by ${p.proposedBy ?? '?'}, approved by ${p.recordedBy}`;
    case 'carryover':
      return zh ? `由較後文件延續：${p.document ?? '?'}` : `carried over from ${p.document ?? '?'}`;
    case 'seed':
      return zh ? '種子資料（statuses.yaml）' : 'seeds (statuses.yaml)';
    case 'document':
      return zh ? '來自文件' : 'from the document';
    case 'editor':
      return zh ? `編輯 ${p.recordedBy}（${entry.source}）` : `editor ${p.recordedBy} (${entry.source})`;
  }
}
