// Refs matching what a user has typed so far (ref prefix or words of the text): Discord autocomplete and
// friendly "did you mean" replies.
import { searchCommitmentRows, type CommitmentSummary } from '../db/commitments.ts';
import type { Pool } from '../db/createPool.ts';

export type { CommitmentSummary };

export async function searchCommitments(pool: Pool, query: string, limit = 25): Promise<CommitmentSummary[]> {
  return searchCommitmentRows(pool, query, limit);
}
