// Work that processes sharing one database take turns at, under a transaction-scoped advisory lock: a second
// process waits for the first to finish (or to die: the lock goes with its connection) before it starts.
import type { Pool } from './createPool.ts';
import { withTransaction } from './withClient.ts';

export async function withAdvisoryLock<T>(pool: Pool, name: string, work: () => Promise<T>): Promise<T> {
  return withTransaction(pool, `lock ${name}`, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`policywatch:${name}`]);
    return work();
  });
}
