// SQL for one commitment as `show` presents it: the commitment with every edition's text and headings, its
// document, and its milestones (withdrawn ones included, so the history stays readable).
import type { DocumentLanguage } from '../domain/types.ts';
import type { Pool } from './createPool.ts';
import { textsSql } from './editions.ts';
import type { MilestoneRow } from './milestones.ts';

export interface CommitmentWithTexts {
  id: number;
  ref: string;
  text: string;
  headings: string[];
  texts: Partial<Record<DocumentLanguage, string>>;
  headingsByLanguage: Partial<Record<DocumentLanguage, string[]>>;
  bureaus: string[];
  withRelevantBureaux: boolean;
  withdrawn: boolean;
  key: string;
  title: string;
  sourceUrl: string | null;
  published: string | null;
}

/** A milestone as `show` lists it: withdrawn ones too, flagged. */
export type CommitmentMilestoneRow = Pick<MilestoneRow, 'id' | 'seq' | 'kind' | 'phrase' | 'subject' | 'due' | 'extractedDue' | 'status' | 'evidenceUrl'> & {
  withdrawn: boolean;
};

export async function findCommitmentWithTexts(pool: Pool, ref: string): Promise<CommitmentWithTexts | null> {
  const { rows } = await pool.query<CommitmentWithTexts>(
    `SELECT c.id, c.ref, c.text, c.headings, ${textsSql('c', 'd')} AS texts,
            coalesce((SELECT jsonb_object_agg(t.language, t.headings) FROM commitment_texts t WHERE t.commitment_id = c.id), '{}'::jsonb) AS "headingsByLanguage",
            c.bureaus, c.with_relevant_bureaux AS "withRelevantBureaux", c.withdrawn_at IS NOT NULL AS withdrawn,
            d.key, d.title, d.source_url AS "sourceUrl", d.published
     FROM commitments c JOIN documents d ON d.id = c.document_id WHERE upper(c.ref) = upper($1)`,
    [ref],
  );
  return rows[0] ?? null;
}

export async function listMilestonesOfCommitment(pool: Pool, commitmentId: number): Promise<CommitmentMilestoneRow[]> {
  const { rows } = await pool.query<CommitmentMilestoneRow>(
    `SELECT id, seq, kind, phrase, subject, due, extracted_due AS "extractedDue", status, evidence_url AS "evidenceUrl", withdrawn_at IS NOT NULL AS withdrawn
     FROM milestones WHERE commitment_id = $1 ORDER BY seq`,
    [commitmentId],
  );
  return rows;
}
