// SQL for due lists: open milestones due by a date, with the commitment's text in the reader's edition.
import type { DocumentLanguage } from '../domain/types.ts';
import type { MilestoneStatus } from '../domain/milestoneStatus.ts';
import type { Pool } from './createPool.ts';
import { textInLanguageSql, textsSql } from './editions.ts';

export interface OpenMilestoneRow {
  ref: string;
  seq: number;
  /** How many dated milestones the commitment has (a ref names one only when there are several). */
  milestoneCount: number;
  /** In the reader's language when that edition exists, else the document's own text. */
  text: string;
  /** Every edition's text: {"zh-Hant": …, "en": …}. */
  texts: Partial<Record<DocumentLanguage, string>>;
  subject: string | null;
  bureaus: string[];
  due: string;
  kind: 'deadline' | 'start';
  status: MilestoneStatus;
}

export async function listOpenMilestonesDueBy(
  pool: Pool,
  options: { until: string; bureaus: readonly string[] | null; language: DocumentLanguage },
): Promise<OpenMilestoneRow[]> {
  const { rows } = await pool.query<OpenMilestoneRow>(
    `SELECT c.ref, m.seq, ${textInLanguageSql('c', '$3')} AS text, ${textsSql('c', 'd')} AS texts, m.subject, c.bureaus, m.due, m.kind, m.status,
            (SELECT count(*) FROM milestones x WHERE x.commitment_id = c.id AND x.withdrawn_at IS NULL)::int AS "milestoneCount"
     FROM milestones m JOIN commitments c ON c.id = m.commitment_id JOIN documents d ON d.id = c.document_id
     WHERE m.status IN ('pending', 'rescheduled') AND m.withdrawn_at IS NULL AND c.withdrawn_at IS NULL AND d.withdrawn_at IS NULL
       AND m.due <= $1::date AND ($2::text[] IS NULL OR c.bureaus && $2::text[])
     ORDER BY m.due, c.position, m.seq`,
    [options.until, options.bureaus?.length ? options.bureaus : null, options.language],
  );
  return rows;
}
