// Open (pending or rescheduled) milestones per bureau code: the bots' /bureaus list.
import type { Pool } from '../db/createPool.ts';
import { countOpenMilestonesByBureau } from '../db/milestones.ts';

export async function countOpenMilestones(pool: Pool): Promise<Map<string, number>> {
  return countOpenMilestonesByBureau(pool);
}
