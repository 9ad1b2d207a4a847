// The fault suite (npm run test:faults): the real service, the fake Telegram Bot API enforcing Telegram's
// limits and counting every message, and the faults operators meet. Every scenario prints expected, delivered,
// duplicates and lost, and asserts: nothing lost; no duplicate except after kill -9, where duplicates stay
// within what was in flight; the service alive wherever it was not killed. docs/reliability.md records a run.
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../../src/db/subscriptions.ts';
import { freePort } from '../support/freePort.ts';
import { createFaultWorld, terminateBackends, type FaultWorld, type ServiceProcess, type Tally } from './support/createFaultWorld.ts';

const CHATS = Number(process.env.FAULT_CHATS ?? 300);
// Groups a service sends at once (deliverNotifications' default concurrency): the most a kill -9 can leave
// sent but unrecorded.
const IN_FLIGHT = 16;
const DRAIN_MS = 120_000;
const rows: string[] = [];

function report(scenario: string, tally: Tally, note = ''): void {
  const row = `| ${scenario} | ${tally.expected} | ${tally.delivered} | ${tally.duplicates} | ${tally.lost} | ${note} |`;
  rows.push(row);
  console.info(`fault: ${scenario}: expected ${tally.expected}, delivered ${tally.delivered}, duplicates ${tally.duplicates}, lost ${tally.lost}${note ? ` (${note})` : ''}`);
}

/** A failed scenario's evidence: what each service warned about (lease losses, renewals, record retries). */
function printWarnings(services: Record<string, ServiceProcess>): void {
  for (const [name, service] of Object.entries(services)) {
    const lines = service.output().split('\n').filter((line) => /WARN|ERROR|"level":(40|50)/.test(line));
    console.info(`--- ${name}: ${lines.length} warnings\n${lines.slice(0, 40).join('\n')}`);
  }
}

const sent = (world: FaultWorld): number => world.telegram.callsTo('sendMessage').filter((c) => c.response?.ok === true).length;

/** The instant a restarted service's clock should start at, so leases written by the first one age correctly. */
function laterInstant(startIso: string, startedAt: number): string {
  return new Date(new Date(startIso).getTime() + (Date.now() - startedAt)).toISOString();
}

describe('delivery under faults', () => {
  let world: FaultWorld;

  beforeAll(async () => {
    world = await createFaultWorld();
  }, 120_000);
  afterAll(async () => {
    await world?.close();
    if (rows.length && process.env.FAULT_TABLE) {
      writeFileSync(process.env.FAULT_TABLE, ['| scenario | expected | delivered | duplicates | lost | note |', '|---|---|---|---|---|---|', ...rows].join('\n') + '\n');
    }
  });

  async function drain(running: ServiceProcess | ServiceProcess[], filter?: (text: string, at: number) => boolean): Promise<Tally> {
    const services = Array.isArray(running) ? running : [running];
    const progress = setInterval(() => {
      if (process.env.FAULT_DEBUG) console.info(`  ${sent(world)} sent, ${world.telegram.rateLimited.total} 429s, tally ${JSON.stringify(world.tally(CHATS, filter))}`);
    }, 5_000);
    try {
      await world.waitFor(() => world.tally(CHATS, filter).delivered === CHATS || services.some((service) => !service.alive()), DRAIN_MS, 'every chat to get its alert');
    } finally {
      clearInterval(progress);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // late duplicates would arrive now
    return world.tally(CHATS, filter);
  }

  it('kill -9 mid-drain: the next start sends the rest; duplicates within what was in flight', async () => {
    await world.prepare(CHATS);
    const now = '2024-12-24T09:29:00+08:00';
    const startedAt = Date.now();
    const first = world.startService({ POLICYWATCH_NOW: now, POLICYWATCH_LEASE_SECONDS: '5' });
    await world.waitFor(() => sent(world) >= CHATS / 3 || !first.alive(), DRAIN_MS, 'a third of the messages');
    first.kill('SIGKILL');
    await first.exited();
    const second = world.startService({ POLICYWATCH_NOW: laterInstant(now, startedAt), POLICYWATCH_LEASE_SECONDS: '5' });
    const tally = await drain(second);
    report('kill -9 mid-drain, restart', tally, `bound ${IN_FLIGHT} in flight`);
    expect(second.alive()).toBe(true);
    second.kill('SIGTERM');
    await second.exited();
    expect(tally.lost).toBe(0);
    expect(tally.duplicates).toBeLessThanOrEqual(IN_FLIGHT);
  }, 240_000);

  it('two instances, a slow Bot API and a short lease: each chat once, no 429', async () => {
    await world.prepare(CHATS);
    // 1.5 s per call: a claim (rate × lease / 2 chats, 16 at a time) takes longer than the 5 s lease, so only
    // the heartbeat keeps the other instance from taking it over.
    world.telegram.setLatency('sendMessage', 1_500);
    const env = { POLICYWATCH_NOW: '2024-12-24T09:29:00+08:00', POLICYWATCH_LEASE_SECONDS: '5' };
    const a = world.startService(env);
    const b = world.startService(env);
    const tally = await drain([a, b]);
    const limited = world.telegram.rateLimited.total;
    report('two instances, 1.5 s API, 5 s lease', tally, `${limited} answered 429`);
    world.telegram.setLatency('sendMessage', 0);
    expect(a.alive() && b.alive()).toBe(true);
    a.kill('SIGTERM');
    b.kill('SIGTERM');
    await Promise.all([a.exited(), b.exited()]);
    if (tally.duplicates) printWarnings({ a, b });
    expect(tally).toMatchObject({ lost: 0, duplicates: 0 });
    expect(limited).toBe(0);
  }, 240_000);

  it('PostgreSQL stopped and started under a running service: nothing lost, nothing twice, still running', async () => {
    await world.prepare(CHATS);
    const service = world.startService({ POLICYWATCH_NOW: '2024-12-24T09:29:00+08:00' });
    await world.waitFor(() => sent(world) >= CHATS / 3 || !service.alive(), DRAIN_MS, 'a third of the messages');
    await world.stopDatabase();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    await world.startDatabase();
    const tally = await drain(service);
    report('PostgreSQL stopped 3 s mid-drain', tally);
    expect(service.alive()).toBe(true);
    service.kill('SIGTERM');
    await service.exited();
    expect(tally).toMatchObject({ lost: 0, duplicates: 0 });
  }, 240_000);

  it('a backend terminated during the tick: the tick fails, the process lives, the next tick sends everything', async () => {
    await world.prepare(CHATS);
    // Hold the tick's lock so the service's first tick waits inside its transaction, then cut its connection.
    const holder = await world.pool.connect();
    await holder.query('BEGIN');
    await holder.query("SELECT pg_advisory_xact_lock(hashtext('policywatch:tick'))");
    const service = world.startService({ POLICYWATCH_NOW: '2024-12-24T09:29:00+08:00' });
    try {
      let waiting: number[] = [];
      await world.waitFor(async () => {
        // asked outside the holder's transaction: pg_stat_activity is a snapshot frozen for a transaction
        const { rows: found } = await world.pool.query<{ pid: number }>(
          "SELECT pid FROM pg_stat_activity WHERE application_name = 'policywatch' AND wait_event_type = 'Lock'",
        );
        waiting = found.map((row) => row.pid);
        return waiting.length > 0 || !service.alive();
      }, DRAIN_MS, 'the tick to wait for its lock');
      await terminateBackends(world.url, waiting);
    } finally {
      // released whatever happened, or every later scenario's tick would wait on it
      await holder.query('ROLLBACK');
      holder.release();
    }
    const tally = await drain(service);
    report('backend terminated inside the tick', tally);
    expect(service.alive()).toBe(true);
    expect(service.output()).toMatch(/tick failed; the next one will catch up/);
    service.kill('SIGTERM');
    await service.exited();
    expect(tally).toMatchObject({ lost: 0, duplicates: 0 });
  }, 240_000);

  it('connections cut right after sends: the records wait for the database, nothing is sent twice', async () => {
    await world.prepare(CHATS);
    const service = world.startService({ POLICYWATCH_NOW: '2024-12-24T09:29:00+08:00' });
    let cuts = 0;
    for (const threshold of [CHATS / 5, (2 * CHATS) / 5, (3 * CHATS) / 5]) {
      await world.waitFor(() => sent(world) >= threshold || !service.alive(), DRAIN_MS, `${threshold} messages`);
      const pids = await world.serviceBackends();
      await terminateBackends(world.url, pids);
      cuts += pids.length;
    }
    const tally = await drain(service);
    report('every connection cut 3 times mid-drain', tally, `${cuts} backends terminated`);
    expect(service.alive()).toBe(true);
    service.kill('SIGTERM');
    await service.exited();
    expect(tally).toMatchObject({ lost: 0, duplicates: 0 });
  }, 240_000);

  it('three days down after an interrupted drain: only the missed alert goes out, never the stale one', async () => {
    await world.prepare(CHATS);
    // 2024-12-30 09:00: the 1-day-left alerts; the drain is killed part-way.
    const first = world.startService({ POLICYWATCH_NOW: '2024-12-30T09:29:00+08:00', POLICYWATCH_LEASE_SECONDS: '5' });
    await world.waitFor(() => sent(world) >= CHATS / 3 || !first.alive(), DRAIN_MS, 'a third of the messages');
    first.kill('SIGKILL');
    await first.exited();
    const restartAt = Date.now();
    // Back three days later, after the 2025-01-01 09:00 "missed" slot.
    const second = world.startService({ POLICYWATCH_NOW: '2025-01-02T09:29:00+08:00', POLICYWATCH_LEASE_SECONDS: '5' });
    const afterRestart = (_text: string, at: number): boolean => at >= restartAt;
    const tally = await drain(second, afterRestart);
    const stale = [...world.messagesPerChat((text, at) => afterRestart(text, at) && text.includes('即將到期')).values()].reduce((a, b) => a + b, 0);
    const missed = world.tally(CHATS, (text, at) => afterRestart(text, at) && text.includes('已逾期'));
    report('3 days down after kill -9 mid-drain', { ...tally, duplicates: tally.duplicates + stale }, `${stale} stale "approaching" sent`);
    expect(second.alive()).toBe(true);
    second.kill('SIGTERM');
    await second.exited();
    expect(stale).toBe(0);
    expect(missed).toMatchObject({ lost: 0, duplicates: 0 });
    expect(tally).toMatchObject({ lost: 0, duplicates: 0 });
  }, 240_000);

  it('the Bot API unreachable at start: console and /healthz at once, Telegram catches up, one SIGINT ends it', async () => {
    await world.prepare(CHATS);
    await subscribe(world.pool, { target: 'console', bureaus: ['DEVB'] }, new Date('2024-12-20T12:00:00+08:00'));
    // The service's Bot API address is a port nobody listens on until a proxy to the fake opens it.
    const apiPort = await freePort();
    const fakePort = Number(new URL(world.telegram.apiRoot).port);
    const startedAt = Date.now();
    const service = world.startService({ POLICYWATCH_NOW: '2024-12-24T09:29:00+08:00', TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}` });
    let proxy: net.Server | null = null;
    try {
      await world.waitFor(() => /PA2024-7-03/.test(service.output()) || !service.alive(), 60_000, 'the console alert');
      const consoleMs = Date.now() - startedAt;
      const url = /(http:\/\/127\.0\.0\.1:\d+\/healthz)/.exec(service.output())?.[1];
      expect(url, service.output()).toBeDefined();
      const health = await fetch(url!);
      const body = (await health.json()) as { status: string; platforms?: Record<string, string> };
      expect(health.status).toBe(503);
      expect(body.platforms?.telegram).toMatch(/^unreachable since /);
      expect(sent(world)).toBe(0);

      await new Promise((resolve) => setTimeout(resolve, 3_000));
      proxy = net.createServer((socket) => {
        const upstream = net.connect(fakePort, '127.0.0.1');
        socket.pipe(upstream).pipe(socket);
        socket.on('error', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
      });
      await new Promise<void>((resolve) => proxy!.listen(apiPort, '127.0.0.1', resolve));
      const tally = await drain(service);
      report('Bot API unreachable at start, back after 3 s', tally, `console alert after ${(consoleMs / 1000).toFixed(1)} s`);
      expect(service.alive()).toBe(true);
      expect(tally).toMatchObject({ lost: 0, duplicates: 0 });

      const stopAt = Date.now();
      service.kill('SIGINT');
      await service.exited();
      expect(Date.now() - stopAt).toBeLessThan(5_000);
    } finally {
      proxy?.close();
    }
  }, 240_000);
});
