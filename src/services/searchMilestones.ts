// Milestones of the commitments matching what an editor has typed (a ref prefix, "ref/n", or words of the text),
// for /status autocomplete: each with its position among the commitment's milestones, so the choice can name
// "PA2024-7-09/2" when a commitment has several.
import type { Pool } from '../db/createPool.ts';
import { searchMilestoneRows, type MilestoneSummary } from '../db/milestones.ts';

export type { MilestoneSummary };

export async function searchMilestones(pool: Pool, typed: string, limit = 25): Promise<MilestoneSummary[]> {
  return searchMilestoneRows(pool, typed, limit);
}
