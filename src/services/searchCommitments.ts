// Refs matching what a user has typed so far (ref prefix or words of the text): Discord autocomplete and
// friendly "did you mean" replies.
import type { Pool } from '../db/createPool.ts';

export interface CommitmentSummary {
  ref: string;
  text: string;
  bureaus: string[];
}

export async function searchCommitments(pool: Pool, query: string, limit = 25): Promise<CommitmentSummary[]> {
  const q = query.trim();
  const { rows } = await pool.query<CommitmentSummary>(
    `SELECT ref, text, bureaus FROM commitments
     WHERE withdrawn_at IS NULL AND ($1 = '' OR upper(ref) LIKE upper($1) || '%' OR text ILIKE '%' || $1 || '%')
     ORDER BY (upper(ref) LIKE upper($1) || '%') DESC, document_id DESC, position
     LIMIT $2`,
    [q.replace(/[%_\\]/g, (ch) => `\\${ch}`), limit],
  );
  return rows;
}
