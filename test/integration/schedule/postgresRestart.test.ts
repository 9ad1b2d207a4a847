// PostgreSQL restarted in the middle of a tick: the tick fails, nothing is lost, the next tick recovers.
// Runs its own embedded server (even when TEST_DATABASE_URL is set) because it has to stop and start it.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../../src/clock.ts';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { createPool, type Pool } from '../../../src/db/createPool.ts';
import { runMigrations } from '../../../src/db/runMigrations.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../../src/db/startEmbeddedPostgres.ts';
import { subscribe } from '../../../src/db/subscriptions.ts';
import type { ChannelAdapter } from '../../../src/notify/ChannelAdapter.ts';
import { runTick } from '../../../src/schedule/runTick.ts';
import { seedTestDatabase, silentLogger } from '../../support/seedTestDatabase.ts';
import { freePort } from '../../support/freePort.ts';

const hk = (local: string): Date => new Date(`${local}+08:00`);
const policy = { timezone: 'Asia/Hong_Kong', leadDays: [30, 7, 1], sendAt: '09:00', missedGraceDays: 0, overdueEveryDays: 7 };

describe('PostgreSQL restarted mid-tick', () => {
  let dir: string;
  let port: number;
  let server: EmbeddedPostgres;
  let pool: Pool;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pw-restart-'));
    chmodSync(dir, 0o755);
    port = await freePort();
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port, fast: true });
    pool = createPool(server.url, { max: 4 });
    await runMigrations(pool, path.join(PROJECT_ROOT, 'migrations'));
    await seedTestDatabase(pool);
    for (let chat = 1; chat <= 40; chat++) await subscribe(pool, { target: `telegram:${chat}`, bureaus: ['DEVB'] }, hk('2024-12-20T12:00:00'));
  });
  afterAll(async () => {
    await pool.end().catch(() => undefined);
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails that tick, then the next tick delivers everything, duplicating at most the in-flight alerts', async () => {
    const delivered: number[] = [];
    let sends = 0;
    const adapter: ChannelAdapter = {
      channel: 'telegram',
      async send(message) {
        sends++;
        delivered.push(...message.items.map((i) => i.notificationId));
        if (sends === 10) await server.stop(); // the database goes away while alerts are in flight
      },
    };
    const clock = createFixedClock(hk('2024-12-24T09:30:00'));
    const tickOptions = { pool, clock, logger: silentLogger, policy, adapters: [adapter], leaseMs: 60_000, maxAttempts: 5 };
    await expect(runTick(tickOptions)).rejects.toThrow();

    server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port, fast: true });
    const { rows: before } = await pool.query<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM notifications GROUP BY state ORDER BY state');
    const total = before.reduce((sum, r) => sum + r.n, 0);
    expect(total).toBe(160); // the enqueue had committed before the server went away

    clock.advance(61_000); // the failed tick's leases run out
    const report = await runTick(tickOptions);
    expect(report.failed).toBe(0);
    expect(new Set(delivered).size).toBe(total);
    const duplicates = delivered.length - total;
    const { rows: after } = await pool.query('SELECT state, count(*)::int AS n FROM notifications GROUP BY state');
    expect(after).toEqual([{ state: 'sent', n: total }]);
    expect(duplicates).toBeLessThanOrEqual(16 * 4); // at most the groups in flight when the server stopped
    console.info(`PostgreSQL restart test: ${total} alerts, ${duplicates} sent twice (in flight at the restart)`);
  });
});
