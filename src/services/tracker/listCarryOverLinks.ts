// Carry-over links of a commitment (an earlier promise it restates, or a later one restating it); none when
// the installation has no carry-over table.
import { listCarryOvers } from '../../db/trackerQueries.ts';
import type { TrackerDeps } from './TrackerDeps.ts';
import { hasCarryOvers } from './listApiPages.ts';
export interface CarryOverLink {
  ref: string;
  direction: 'from' | 'to';
}

export async function listCarryOverLinks(deps: TrackerDeps, ref: string): Promise<CarryOverLink[]> {
  if (!(await hasCarryOvers(deps))) return [];
  const rows = await listCarryOvers(deps.pool, ref);
  return rows.map((r) => (r.to === ref ? { ref: r.from, direction: 'from' as const } : { ref: r.to, direction: 'to' as const }));
}
