// Two replicas of `policywatch start` in webhook mode behind a round-robin proxy (the load balancer), one
// PostgreSQL, the fake Bot API pushing updates to the proxy. Without a fault every update is answered exactly
// once and every alert sent exactly once, both replicas doing part of the work, the command menu set once and
// getUpdates never called. Then one replica is killed (SIGKILL) while it holds updates it already answered
// 200 for: nothing is lost (the survivor takes the expired claims over), and repeats stay within what the
// killed replica held at that instant.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../../../src/db/subscriptions.ts';
import { startFakeTelegram, type FakeTelegram } from '../../fakes/telegram/startFakeTelegram.ts';
import { startRoundRobinProxy, type RoundRobinProxy } from '../../fakes/startRoundRobinProxy.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { freePort, killSpawned, spawnCli, waitFor } from '../../support/runCli.ts';

const SECRET = 'replicas-test-secret_0123456789';
const ALERT_CHATS = 30; // subscribed to DEVB: each owes one 7-days-left alert
const ALERT_BASE = 300_000;
const PHASE_ONE_UPDATES = 30; // one /help each from its own chat
const PHASE_TWO_UPDATES = 30;
const UPDATE_BASE = 400_000;
const KILL_BASE = 500_000;

describe('two replicas in webhook mode', () => {
  let fake: FakeTelegram;
  let db: TestDatabase;
  let proxy: RoundRobinProxy;
  let dir: string;
  let ports: number[];

  beforeAll(async () => {
    fake = await startFakeTelegram({ webhookTimeoutMs: 5_000, webhookRetryMs: 100 });
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'pw-replicas-'));
    chmodSync(dir, 0o755);
    ports = [await freePort(), await freePort()];
    proxy = await startRoundRobinProxy(ports);
    for (let i = 1; i <= ALERT_CHATS; i++) await subscribe(db.pool, { target: `telegram:${ALERT_BASE + i}`, bureaus: ['DEVB'] }, new Date('2024-12-20T12:00:00+08:00'));
  });
  afterAll(async () => {
    killSpawned();
    await proxy.close();
    await fake.close();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const replyCount = (chatId: number): number => fake.callsTo('sendMessage').filter((c) => c.response?.ok === true && Number(c.params.chat_id) === chatId).length;
  const countsOver = (base: number, n: number): number[] => Array.from({ length: n }, (_, i) => replyCount(base + i + 1));

  it('answer every update and send every alert once between them; a replica killed mid-drain loses nothing', async () => {
    const start = (port: number) =>
      spawnCli(['start'], {
        DATABASE_URL: db.url,
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_MODE: 'webhook',
        TELEGRAM_WEBHOOK_URL: `${proxy.url}/telegram/webhook`,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        POLICYWATCH_HTTP_PORT: String(port),
        POLICYWATCH_NOW: '2024-12-24T09:29:00+08:00', // the 09:00 7-days-left alerts of DEVB are owed
        POLICYWATCH_TICK_CRON: '*/2 * * * * *',
        POLICYWATCH_LEASE_SECONDS: '5',
        POLICYWATCH_PG_DATA_DIR: path.join(dir, 'pg-unused'),
      });
    const a = start(ports[0]!);
    const b = start(ports[1]!);
    const ready = (p: typeof a) => p.output().includes('telegram bot receives updates by webhook') || p.exitCode !== null;
    await waitFor(() => ready(a) && ready(b), 40_000, 'both replicas to receive by webhook');
    expect(a.exitCode, a.errors()).toBeNull();
    expect(b.exitCode, b.errors()).toBeNull();

    // Phase one, no fault.
    for (let i = 1; i <= PHASE_ONE_UPDATES; i++) fake.sendText({ chatId: UPDATE_BASE + i, chatType: 'private', fromId: UPDATE_BASE + i, text: '/help' });
    await waitFor(() => countsOver(UPDATE_BASE, PHASE_ONE_UPDATES).every((n) => n >= 1) && countsOver(ALERT_BASE, ALERT_CHATS).every((n) => n >= 1), 30_000, 'every reply and alert');
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // room for late repeats
    expect(countsOver(UPDATE_BASE, PHASE_ONE_UPDATES)).toEqual(Array(PHASE_ONE_UPDATES).fill(1));
    expect(countsOver(ALERT_BASE, ALERT_CHATS)).toEqual(Array(ALERT_CHATS).fill(1));
    const alertText = String(fake.callsTo('sendMessage').find((c) => Number(c.params.chat_id) === ALERT_BASE + 1 && c.response?.ok)?.params.text);
    expect(alertText).toContain('PA2024-7-03');
    // Both replicas received updates and handled some of them; nobody polled; the menu was set once.
    expect(proxy.answered.get(ports[0]!)?.get(200)).toBeGreaterThan(0);
    expect(proxy.answered.get(ports[1]!)?.get(200)).toBeGreaterThan(0);
    const owners = await db.pool.query<{ pid: string; n: number }>(
      `SELECT split_part(claimed_by, ':', 2) AS pid, count(*)::int AS n FROM telegram_updates WHERE state = 'done' GROUP BY 1`,
    );
    expect(owners.rows.map((r) => Number(r.pid)).sort()).toEqual([a.pid, b.pid].sort());
    expect(fake.callsTo('getUpdates')).toHaveLength(0);
    expect(fake.callsTo('setMyCommands')).toHaveLength(2); // zh-HK and en, by one replica
    expect(fake.callsTo('setWebhook').every((c) => c.response?.ok && c.params.secret_token === SECRET)).toBe(true);

    // Phase two: sends get slow, so the replicas hold updates in progress; A is killed while it does.
    fake.setLatency('sendMessage', 600);
    for (let i = 1; i <= PHASE_TWO_UPDATES; i++) fake.sendText({ chatId: KILL_BASE + i, chatType: 'private', fromId: KILL_BASE + i, text: '/help' });
    const heldByA = async (): Promise<number> =>
      (await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM telegram_updates WHERE state = 'handling' AND split_part(claimed_by, ':', 2) = $1`, [String(a.pid)])).rows[0]!.n;
    await waitFor(async () => (await heldByA()) >= 3, 15_000, 'replica A to hold updates in progress');
    a.kill('SIGKILL');
    await new Promise<void>((resolve) => a.once('exit', () => resolve()));
    const orphaned = await heldByA(); // answered 200 by A, not finished: only these can be handled twice
    expect(orphaned).toBeGreaterThan(0);

    await waitFor(() => countsOver(KILL_BASE, PHASE_TWO_UPDATES).every((n) => n >= 1), 30_000, 'every update of phase two to be answered');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const counts = countsOver(KILL_BASE, PHASE_TWO_UPDATES);
    const duplicates = counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    expect(counts.filter((n) => n === 0)).toHaveLength(0); // nothing lost
    expect(duplicates).toBeLessThanOrEqual(orphaned);
    const takenOver = await db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM telegram_updates WHERE attempts > 1 AND state = 'done'`);
    expect(takenOver.rows[0]!.n).toBe(orphaned);
    console.info(`replicas: phase two ${PHASE_TWO_UPDATES} updates, ${orphaned} held by the killed replica, ${duplicates} answered twice, 0 lost`);
    // Alerts stayed once each through it all.
    expect(countsOver(ALERT_BASE, ALERT_CHATS)).toEqual(Array(ALERT_CHATS).fill(1));
    expect(b.exitCode, b.errors()).toBeNull();

    const exited = new Promise<number | null>((resolve) => b.once('exit', resolve));
    b.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
