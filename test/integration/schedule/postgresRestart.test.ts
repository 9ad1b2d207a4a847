// PostgreSQL restarted in the middle of a drain: outcomes wait for the server, nothing is lost or sent twice;
// a tick that cannot reach the server fails and the next one recovers.
// Runs its own embedded server (even when TEST_DATABASE_URL is set) because it has to stop and start it.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixedClock } from '../../../src/clock.ts';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { createPool, type Pool } from '../../../src/db/createPool.ts';
import { runMigrations } from '../../../src/db/runMigrations.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../../src/local/startEmbeddedPostgres.ts';
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

  it('keeps the pass alive while the server is away, records every send once it is back, and sends nothing twice', async () => {
    const delivered: number[] = [];
    let sends = 0;
    let restarted: Promise<void> | null = null;
    const adapter: ChannelAdapter = {
      channel: 'telegram',
      async send(message) {
        sends++;
        delivered.push(...message.items.map((i) => i.notificationId));
        if (sends === 10) {
          // The database goes away while alerts are in flight, and comes back a second later.
          await server.stop();
          restarted = new Promise((resolve) => setTimeout(resolve, 1_000)).then(async () => {
            server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port, fast: true });
          });
        }
      },
    };
    const clock = createFixedClock(hk('2024-12-24T09:30:00'));
    const report = await runTick({ pool, clock, logger: silentLogger, policy, adapters: [adapter], leaseMs: 60_000, maxAttempts: 5 });
    await restarted;
    const { rows } = await pool.query<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM notifications GROUP BY state ORDER BY state');
    expect(rows).toEqual([{ state: 'sent', n: 160 }]);
    expect(report.failed).toBe(0);
    expect(new Set(delivered).size).toBe(160);
    const duplicates = delivered.length - 160;
    expect(duplicates).toBe(0);
    console.info(`PostgreSQL restart test: 160 alerts, ${duplicates} sent twice`);
  });

  it('a tick whose transaction loses the server fails without crashing, and the next one recovers', async () => {
    await pool.query('TRUNCATE notifications, scheduler_state');
    const clock = createFixedClock(hk('2024-12-24T09:30:00'));
    const sent: number[] = [];
    const adapter: ChannelAdapter = { channel: 'telegram', send: async (m) => void sent.push(...m.items.map((i) => i.notificationId)) };
    await server.stop();
    await expect(runTick({ pool, clock, logger: silentLogger, policy, adapters: [adapter], leaseMs: 60_000, maxAttempts: 5 })).rejects.toThrow();
    server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), port, fast: true });
    const report = await runTick({ pool, clock, logger: silentLogger, policy, adapters: [adapter], leaseMs: 60_000, maxAttempts: 5 });
    expect(report.delivered).toBe(160);
    expect(new Set(sent).size).toBe(160);
  });
});
