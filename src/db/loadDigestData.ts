// What weekly digests are composed from, read in three set-based statements: the commitments (in document
// order) and their milestones, withdrawn ones left out, and the status changes in a window. One call serves
// one subscription (its scope only) or a whole batch (the union of their scopes, or everything).
import type { Pool, PoolClient } from './createPool.ts';
import { textInLanguageSql } from './editions.ts';
import type { DocumentLanguage } from '../domain/types.ts';
import type { DigestSource, DigestSourceChange, DigestSourceCommitment, DigestSourceMilestone } from '../domain/composeDigest.ts';

export interface DigestDataOptions {
  /** Commitments of these bureaus and these refs; both null (or `all`) for every commitment. */
  bureaus?: readonly string[] | null;
  refs?: readonly string[] | null;
  all?: boolean;
  /** Status changes in (changesAfter, changesUntil]. */
  changesAfter: Date;
  changesUntil: Date;
  /** The edition whose texts the digest shows (falling back to the document's own); Chinese by default. */
  language?: DocumentLanguage;
}

// The loader's first row of a milestone (previous_status NULL) records its creation, not a change.
const SCOPE = `c.withdrawn_at IS NULL AND ($1::boolean OR c.bureaus && $2::text[] OR c.ref = ANY($3::text[]))`;

export async function loadDigestData(db: Pool | PoolClient, options: DigestDataOptions): Promise<DigestSource> {
  const all = options.all === true || (options.bureaus == null && options.refs == null);
  const scope = [all, options.bureaus ?? [], options.refs ?? []];
  const commitments = await db.query<Omit<DigestSourceCommitment, 'milestones'>>(
    `SELECT c.id, c.ref, ${textInLanguageSql('c', '$4')} AS text, c.bureaus, c.with_relevant_bureaux AS "withRelevantBureaux"
     FROM commitments c WHERE ${SCOPE}
     ORDER BY c.document_id, c.position, c.id`,
    [...scope, options.language ?? 'zh-Hant'],
  );
  const milestones = await db.query<DigestSourceMilestone & { commitmentId: number }>(
    `SELECT m.id, m.commitment_id AS "commitmentId", m.seq, m.kind, m.subject, m.due, m.status, m.evidence_url AS "evidenceUrl"
     FROM milestones m JOIN commitments c ON c.id = m.commitment_id
     WHERE m.withdrawn_at IS NULL AND ${SCOPE}
     ORDER BY m.commitment_id, m.seq`,
    scope,
  );
  const changes = await db.query<DigestSourceChange & { actor: string; source: string; proposalId: number | null; proposerName: string | null; sourceDocumentKey: string | null }>(
    `SELECT h.milestone_id AS "milestoneId", h.status, h.due, h.previous_status AS "previousStatus", h.previous_due AS "previousDue",
            h.evidence_url AS "evidenceUrl", h.note, h.changed_at AS "changedAt",
            h.actor, h.source, h.proposal_id AS "proposalId", COALESCE(p.proposer_name, p.proposer) AS "proposerName", d.key AS "sourceDocumentKey"
     FROM milestone_status_history h JOIN milestones m ON m.id = h.milestone_id JOIN commitments c ON c.id = m.commitment_id
     LEFT JOIN evidence_proposals p ON p.id = h.proposal_id LEFT JOIN documents d ON d.id = h.source_document_id
     WHERE h.changed_at > $4 AND h.changed_at <= $5 AND h.previous_status IS NOT NULL AND m.withdrawn_at IS NULL AND ${SCOPE}
     ORDER BY h.changed_at, h.id`,
    [...scope, options.changesAfter, options.changesUntil],
  );
  const byCommitment = new Map<number, DigestSourceMilestone[]>();
  for (const { commitmentId, ...milestone } of milestones.rows) {
    let list = byCommitment.get(commitmentId);
    if (!list) byCommitment.set(commitmentId, (list = []));
    list.push(milestone);
  }
  return {
    commitments: commitments.rows.map((row) => ({ ...row, milestones: byCommitment.get(row.id) ?? [] })),
    changes: changes.rows.map(({ actor, source, proposalId, proposerName, sourceDocumentKey, ...change }) => ({
      ...change,
      provenance: { actor, source, proposalId, proposerName, sourceDocumentKey },
    })),
  };
}
