// SQL for telegram_updates: the webhook's record of every update it accepted. Receiving an update claims it
// for one process (owner) under a lease on the database's clock; the claim is renewed while the handler runs,
// and its end is written only while the claim is still ours (owner and attempt), so a process whose lease was
// taken over cannot mark the newer claim done. A claim that ran out is taken over with the stored update.
import type { Update } from 'grammy/types';
import type { Pool, PoolClient } from './createPool.ts';

type Db = Pool | PoolClient;

/** One claim of one update: ours while claimed_by and attempts still match and state is 'handling'. */
export interface UpdateClaim {
  updateId: number;
  attempt: number;
  update: Update;
}

const leaseInterval = 'make_interval(secs => $4::double precision / 1000)';

/**
 * Records and claims a newly received update. Returns the claim, or null when the update id is already known
 * (done, abandoned, or claimed by someone whose lease still runs): a re-sent or concurrent copy is then harmless.
 */
export async function claimNewTelegramUpdate(db: Db, botId: number, owner: string, leaseMs: number, update: Update): Promise<UpdateClaim | null> {
  const { rows } = await db.query<{ attempts: number }>(
    `INSERT INTO telegram_updates (bot_id, update_id, state, payload, claimed_by, lease_until)
     VALUES ($1, $2, 'handling', $5, $3, clock_timestamp() + ${leaseInterval})
     ON CONFLICT (bot_id, update_id) DO NOTHING
     RETURNING attempts`,
    [botId, update.update_id, owner, leaseMs, JSON.stringify(update)],
  );
  return rows[0] ? { updateId: update.update_id, attempt: rows[0].attempts, update } : null;
}

/**
 * Takes over claims that ran out (their process died or stalled), at most `limit`, oldest first. A claim
 * already tried `maxAttempts` times is abandoned instead, so an update that kills its handler cannot loop.
 */
export async function claimExpiredTelegramUpdates(db: Db, botId: number, owner: string, leaseMs: number, limit: number, maxAttempts: number): Promise<UpdateClaim[]> {
  await db.query(
    `UPDATE telegram_updates SET state = 'abandoned', payload = NULL, finished_at = clock_timestamp()
     WHERE bot_id = $1 AND state = 'handling' AND lease_until < clock_timestamp() AND attempts >= $2`,
    [botId, maxAttempts],
  );
  const { rows } = await db.query<{ updateId: string; attempts: number; payload: Update }>(
    `WITH expired AS (
       SELECT bot_id, update_id FROM telegram_updates
       WHERE bot_id = $1 AND state = 'handling' AND lease_until < clock_timestamp()
       ORDER BY update_id LIMIT $3
       FOR UPDATE SKIP LOCKED
     )
     UPDATE telegram_updates t SET claimed_by = $2, attempts = t.attempts + 1, lease_until = clock_timestamp() + ${leaseInterval}
     FROM expired e WHERE t.bot_id = e.bot_id AND t.update_id = e.update_id
     RETURNING t.update_id AS "updateId", t.attempts, t.payload`,
    [botId, owner, limit, leaseMs],
  );
  return rows.map((row) => ({ updateId: Number(row.updateId), attempt: row.attempts, update: row.payload }));
}

/** Moves the leases of claims still in progress forward; returns how many were still ours. */
export async function renewTelegramUpdateClaims(db: Db, botId: number, owner: string, claims: readonly UpdateClaim[], leaseMs: number): Promise<number> {
  if (!claims.length) return 0;
  const { rowCount } = await db.query(
    `UPDATE telegram_updates t SET lease_until = clock_timestamp() + ${leaseInterval}
     FROM unnest($3::bigint[], $5::int[]) AS c(update_id, attempt)
     WHERE t.bot_id = $1 AND t.update_id = c.update_id AND t.claimed_by = $2 AND t.attempts = c.attempt AND t.state = 'handling'`,
    [botId, owner, claims.map((c) => c.updateId), leaseMs, claims.map((c) => c.attempt)],
  );
  return rowCount ?? 0;
}

/** Marks a claimed update handled and forgets its content; false when the claim was no longer ours. */
export async function finishTelegramUpdate(db: Db, botId: number, owner: string, claim: UpdateClaim): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE telegram_updates SET state = 'done', payload = NULL, finished_at = clock_timestamp()
     WHERE bot_id = $1 AND update_id = $2 AND claimed_by = $3 AND attempts = $4 AND state = 'handling'`,
    [botId, claim.updateId, owner, claim.attempt],
  );
  return rowCount === 1;
}

/**
 * Forgets finished updates received more than `keepMs` ago. Telegram re-sends an update for at most a day,
 * so an update id older than that cannot come back; claims still in progress are never removed.
 */
export async function pruneTelegramUpdates(db: Db, keepMs: number): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM telegram_updates WHERE state <> 'handling' AND received_at < clock_timestamp() - make_interval(secs => $1::double precision / 1000)`,
    [keepMs],
  );
  return rowCount ?? 0;
}
