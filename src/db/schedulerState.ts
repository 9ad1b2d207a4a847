// The scheduler's per-job progress (scheduler_state): the instant up to which a job (the alert tick, the
// digest pass) has covered its slots, read and advanced inside the job's transaction.
import type { PoolClient } from './createPool.ts';

/** Passes of one job in several processes take turns (transaction-scoped advisory lock). */
export async function lockSchedulerJob(client: PoolClient, lockName: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`policywatch:${lockName}`]);
}

/** Where the job's previous pass stopped; on its first pass, the oldest active subscription (never after now). */
export async function findCoveredUntil(client: PoolClient, job: string, now: Date): Promise<Date> {
  const state = await client.query<{ coveredUntil: Date }>('SELECT covered_until AS "coveredUntil" FROM scheduler_state WHERE name = $1', [job]);
  const covered = state.rows[0]?.coveredUntil;
  if (covered) return covered;
  // First pass ever: nothing before the oldest active subscription can be owed to anyone.
  const oldest = await client.query<{ since: Date | null }>('SELECT min(active_since) AS since FROM subscriptions WHERE disabled_at IS NULL');
  const since = oldest.rows[0]?.since ?? now;
  return since > now ? now : since;
}

/** Moves the job's covered instant forward (never back). */
export async function recordCoveredUntil(client: PoolClient, job: string, until: Date): Promise<void> {
  await client.query(
    `INSERT INTO scheduler_state (name, covered_until, updated_at) VALUES ($1, $2, $2)
     ON CONFLICT (name) DO UPDATE SET covered_until = GREATEST(scheduler_state.covered_until, EXCLUDED.covered_until), updated_at = EXCLUDED.updated_at`,
    [job, until],
  );
}
