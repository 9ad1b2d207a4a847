// Open (pending or rescheduled) milestones per bureau code: the bots' /bureaus list.
import type { Pool } from '../db/createPool.ts';

export async function countOpenMilestones(pool: Pool): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ code: string; count: number }>(
    `SELECT b.code, count(*)::int AS count
     FROM milestones m JOIN commitments c ON c.id = m.commitment_id CROSS JOIN LATERAL unnest(c.bureaus) AS b(code)
     WHERE m.status IN ('pending', 'rescheduled') AND m.withdrawn_at IS NULL AND c.withdrawn_at IS NULL
     GROUP BY b.code`,
  );
  return new Map(rows.map((r) => [r.code, r.count]));
}
