// A migrated PostgreSQL for a benchmark: BENCH_DATABASE_URL when set, otherwise a fresh embedded server in a
// temporary directory that close() removes again.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config.ts';
import { createPool, type Pool } from '../src/db/createPool.ts';
import { runMigrations } from '../src/db/runMigrations.ts';
import { startEmbeddedPostgres } from '../src/local/startEmbeddedPostgres.ts';
import { freePort } from '../test/support/freePort.ts';

export interface BenchDatabase {
  pool: Pool;
  /** The server's URL, for a benchmark that opens connections of its own (a peer library's pool). */
  url: string;
  close(): Promise<void>;
}

export async function openBenchDatabase(): Promise<BenchDatabase> {
  let url = process.env.BENCH_DATABASE_URL;
  let dir: string | null = null;
  let stopServer = async (): Promise<void> => undefined;
  if (!url) {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pw-bench-'));
    chmodSync(dir, 0o755); // PostgreSQL may run as another user (when run as root)
    const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port: await freePort(), database: 'bench' });
    url = server.url;
    stopServer = () => server.stop();
  }
  const pool = createPool(url, { max: 8 });
  await runMigrations(pool, path.join(PROJECT_ROOT, 'migrations'));
  return {
    pool,
    url,
    close: async () => {
      await pool.end();
      await stopServer();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
