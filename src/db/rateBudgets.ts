// SQL for rate_budgets: one send budget per bot token shared by every process, as a generic cell rate on the
// database's clock. Reserving a send moves the budget's next instant on by one interval and returns how long
// the caller must wait for its own slot, so any number of processes together stay at the rate.
import type { Pool, PoolClient } from './createPool.ts';

type Db = Pool | PoolClient;

/** Reserves the next send slot of a budget; returns the milliseconds to wait before using it. */
export async function reserveSendSlot(db: Db, key: string, intervalMs: number): Promise<number> {
  const { rows } = await db.query<{ waitMs: number }>(
    `WITH now AS (SELECT clock_timestamp() AS at),
     reserved AS (
       INSERT INTO rate_budgets AS b (key, next_at) SELECT $1, at + make_interval(secs => $2::double precision / 1000) FROM now
       ON CONFLICT (key) DO UPDATE
         SET next_at = GREATEST(b.next_at, (SELECT at FROM now)) + make_interval(secs => $2::double precision / 1000)
       RETURNING next_at
     )
     SELECT GREATEST(0, EXTRACT(EPOCH FROM (r.next_at - make_interval(secs => $2::double precision / 1000) - n.at)) * 1000)::float8 AS "waitMs"
     FROM reserved r, now n`,
    [key, intervalMs],
  );
  return rows[0]?.waitMs ?? 0;
}
