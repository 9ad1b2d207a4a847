import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { subscribe } from '../../../src/db/subscriptions.ts';
import { enqueueAlerts } from '../../../src/schedule/enqueueAlerts.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { seedTestDatabase } from '../../support/seedTestDatabase.ts';

const hk = (local: string): Date => new Date(`${local}+08:00`);
const policy = { timezone: 'Asia/Hong_Kong', leadDays: [30, 7, 1], sendAt: '09:00', missedGraceDays: 0, overdueEveryDays: 7 };
const WORKER = path.join(PROJECT_ROOT, 'test', 'support', 'deliveryWorkerProcess.ts');
const CHATS = 150;

function startWorker(db: TestDatabase, outFile: string, env: Record<string, string> = {}): ChildProcess {
  // node itself (not the tsx wrapper), so SIGKILL hits the worker and not a parent that outlives it
  return spawn(process.execPath, ['--import', 'tsx', WORKER], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: db.url, OUT_FILE: outFile, CLOCK_AT: hk('2024-12-24T09:31:00').toISOString(), ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

function readDeliveries(file: string): number[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).flatMap((line) => (JSON.parse(line) as { ids: number[] }).ids);
}

describe('delivery workers in separate processes', () => {
  let db: TestDatabase;
  let dir: string;
  let total: number;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedTestDatabase(db.pool);
    dir = mkdtempSync(path.join(os.tmpdir(), 'pw-workers-'));
  });
  afterAll(async () => {
    await db.drop();
  });
  beforeEach(async () => {
    await db.pool.query('TRUNCATE notifications, scheduler_state, subscriptions RESTART IDENTITY CASCADE');
    for (let chat = 1; chat <= CHATS; chat++) await subscribe(db.pool, { target: `telegram:${1000 + chat}`, bureaus: ['DEVB'] }, hk('2024-12-20T12:00:00'));
    const result = await enqueueAlerts(db.pool, hk('2024-12-24T09:30:00'), policy);
    total = result.enqueued;
    expect(total).toBe(CHATS * 4);
  });

  it('two workers on one database deliver each alert exactly once', async () => {
    const out = [path.join(dir, 'a.jsonl'), path.join(dir, 'b.jsonl')];
    const start = path.join(dir, 'start');
    const workers = out.map((file) => startWorker(db, file, { DELAY_MS: '25', BATCH_SIZE: '20', UNTIL_EMPTY: '1', START_FILE: start }));
    const exits = Promise.all(workers.map(waitForExit));
    // both processes loaded, then both start at once: otherwise the first to load may drain everything; 25 ms
    // a send keeps the drain about a second long, so a worker descheduled on a loaded machine still gets a share
    for (let i = 0; i < 1500 && !out.every((file) => existsSync(`${file}.ready`)); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(start, '');
    expect(await exits).toEqual([0, 0]);
    const a = readDeliveries(out[0]!);
    const b = readDeliveries(out[1]!);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0); // both did real work
    const all = [...a, ...b];
    expect(all).toHaveLength(total);
    expect(new Set(all).size).toBe(total);
    const { rows } = await db.pool.query("SELECT state, count(*)::int AS n FROM notifications GROUP BY state");
    expect(rows).toEqual([{ state: 'sent', n: total }]);
  });

  it('a worker killed with SIGKILL mid-batch loses nothing; only its in-flight alerts may be sent twice', async () => {
    const first = path.join(dir, 'killed.jsonl');
    const second = path.join(dir, 'restarted.jsonl');
    const worker = startWorker(db, first, { DELAY_MS: '40', LEASE_MS: '1000', BATCH_SIZE: '40', CONCURRENCY: '4' });
    const exited = waitForExit(worker);
    // kill once some, but not all, groups went out
    for (let i = 0; i < 300 && readDeliveries(first).length < total / 3; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    worker.kill('SIGKILL');
    await exited;
    const beforeRestart = readDeliveries(first);
    expect(beforeRestart.length).toBeGreaterThan(0);
    expect(beforeRestart.length).toBeLessThan(total);
    const { rows: inFlight } = await db.pool.query<{ id: number }>("SELECT id FROM notifications WHERE state = 'sending'");
    const inFlightIds = new Set(inFlight.map((r) => r.id));

    await new Promise((resolve) => setTimeout(resolve, 1100)); // let the dead worker's lease run out
    const restarted = startWorker(db, second, { CLOCK_AT: new Date(hk('2024-12-24T09:31:00').getTime() + 5_000).toISOString() });
    expect(await waitForExit(restarted)).toBe(0);
    const afterRestart = readDeliveries(second);
    const all = [...beforeRestart, ...afterRestart];
    expect(new Set(all).size).toBe(total); // nothing lost
    const duplicates = all.length - total;
    const duplicated = afterRestart.filter((id) => beforeRestart.includes(id));
    expect(duplicated.length).toBe(duplicates);
    expect(duplicated.every((id) => inFlightIds.has(id))).toBe(true); // only rows in flight at the kill
    expect(duplicates).toBeLessThanOrEqual(inFlightIds.size);
    console.info(`SIGKILL test: ${beforeRestart.length} delivered before the kill, ${inFlightIds.size} in flight, ${duplicates} sent twice`);
    const { rows } = await db.pool.query("SELECT state, count(*)::int AS n FROM notifications GROUP BY state");
    expect(rows).toEqual([{ state: 'sent', n: total }]);
  });
});
