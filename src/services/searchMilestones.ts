// Milestones of the commitments matching what an editor has typed (a ref prefix, "ref/n", or words of the text),
// for /status autocomplete: each with its position among the commitment's milestones, so the choice can name
// "PA2024-7-09/2" when a commitment has several.
import type { Pool } from '../db/createPool.ts';
import type { MilestoneStatus } from '../domain/milestoneStatus.ts';

export interface MilestoneSummary {
  ref: string;
  seq: number;
  /** How many (not withdrawn) milestones the commitment has. */
  count: number;
  due: string;
  status: MilestoneStatus;
  text: string;
}

export async function searchMilestones(pool: Pool, typed: string, limit = 25): Promise<MilestoneSummary[]> {
  const query = typed.trim();
  const refPart = query.split('/')[0]!.replace(/[%_\\]/g, (ch) => `\\${ch}`);
  const words = query.replace(/[%_\\]/g, (ch) => `\\${ch}`);
  const { rows } = await pool.query<MilestoneSummary>(
    `SELECT c.ref, m.seq, count(*) OVER (PARTITION BY c.id)::int AS count, m.due, m.status, c.text
     FROM commitments c JOIN milestones m ON m.commitment_id = c.id
     WHERE c.withdrawn_at IS NULL AND m.withdrawn_at IS NULL
       AND ($1 = '' OR upper(c.ref) LIKE upper($1) || '%' OR c.text ILIKE '%' || $2 || '%')
     ORDER BY (upper(c.ref) LIKE upper($1) || '%') DESC, c.document_id DESC, c.position, m.seq
     LIMIT $3`,
    [refPart, words, limit],
  );
  return rows;
}
