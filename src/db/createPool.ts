// The pg pool, plus a reachability check that turns driver errors into one line an operator can act on.
import pg from 'pg';
import { DatabaseConnectionError } from './DatabaseError.ts';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

// Dates stay calendar strings ("2024-12-31"): a promise is for a day, and JS Date would shift it by zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint ids and counts fit in a JS number for this data set.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export interface CreatePoolOptions {
  max?: number;
  onError?: (error: Error) => void;
  applicationName?: string;
}

export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const credentials = parsed.username ? `${parsed.username}${parsed.password ? ':[REDACTED]' : ''}@` : '';
    return `${parsed.protocol}//${credentials}${parsed.host}${parsed.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export function createPool(url: string, options: CreatePoolOptions = {}): Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5000,
    application_name: options.applicationName ?? 'policywatch',
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', (error) => options.onError?.(error));
  return pool;
}

export function explainConnectionError(error: unknown): string {
  const err = error as { code?: string; message?: string };
  switch (err.code) {
    case 'ECONNREFUSED':
      return 'connection refused (is PostgreSQL running and listening there?)';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'ETIMEDOUT':
      return 'connection timed out';
    case '28P01':
    case '28000':
      return `authentication failed (${err.message ?? ''})`;
    case '3D000':
      return `database does not exist (${err.message ?? ''})`;
    default:
      return err.message || String(error);
  }
}

/** Fails fast with a DatabaseConnectionError if the server cannot be reached. */
export async function checkConnection(pool: Pool, url: string): Promise<void> {
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    throw new DatabaseConnectionError(describeDatabaseUrl(url), explainConnectionError(error), { cause: error });
  }
}

/** A round trip to the server, for the health check. */
export async function pingDatabase(pool: Pool): Promise<void> {
  await pool.query('SELECT 1');
}
