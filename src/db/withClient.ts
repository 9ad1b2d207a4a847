// Checked-out clients that cannot crash the process. pg emits 'error' on a client whose connection drops
// (a terminated backend, a server restart); the pool listens only while a client is idle, so a checked-out
// client without a listener turns that event into an uncaught exception. Every checkout goes through here:
// the event is kept, the operation fails with what it was doing, and a broken client is destroyed rather
// than returned to the pool.
import type { Pool, PoolClient } from './createPool.ts';
import { DatabaseOperationError } from './DatabaseError.ts';

export async function withClient<T>(pool: Pool, operation: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    throw new DatabaseOperationError(operation, (error as Error).message, { cause: error });
  }
  let broken: Error | null = null;
  const onError = (error: Error): void => {
    broken ??= error;
  };
  client.on('error', onError);
  try {
    return await work(client);
  } catch (error) {
    broken ??= isConnectionLoss(error) ? (error as Error) : null;
    if (error instanceof DatabaseOperationError) throw error;
    if (broken) throw new DatabaseOperationError(operation, `database connection lost (${(error as Error).message})`, { cause: error });
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken ?? undefined);
  }
}

/** Runs work in one transaction (BEGIN … COMMIT, ROLLBACK on any error) on a guarded client. */
export function withTransaction<T>(pool: Pool, operation: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return withClient(pool, operation, async (client) => {
    await client.query('BEGIN');
    try {
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
}

// Errors that mean the connection itself is gone, so the client must not go back to the pool.
const CONNECTION_LOSS = new Set(['57P01', '57P02', '57P03', 'ECONNRESET', 'EPIPE', 'ECONNREFUSED']);

export function isConnectionLoss(error: unknown): boolean {
  const err = error as { code?: string; message?: string } | null;
  if (!err) return false;
  if (err.code && CONNECTION_LOSS.has(err.code)) return true;
  return /Connection terminated|connection is closed|Client has encountered a connection error/i.test(err.message ?? '');
}
