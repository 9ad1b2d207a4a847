// `policywatch start` with the Telegram Bot API and Discord unreachable (tokens set, nothing listening on
// their loopback ports): console alerts still print and /healthz answers at once, the bots retry in the
// background, and one SIGINT ends everything. Targets on platforms with no token are reported, not hidden.
import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../../../src/db/subscriptions.ts';
import { startFakeTelegram, type FakeTelegram } from '../../fakes/telegram/startFakeTelegram.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { freePort, killSpawned, spawnCli, waitFor } from '../../support/runCli.ts';

export function getJson(port: number): Promise<{ status: number; body: Record<string, any> } | null> {
  return new Promise((resolve) => {
    http
      .get({ host: '127.0.0.1', port, path: '/healthz' }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, any> }));
      })
      .on('error', () => resolve(null));
  });
}

/** A loopback port that refuses connections: bound by nothing (checked just before use). */
async function closedPort(): Promise<number> {
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => reject(new Error(`port ${port} is open`)));
    socket.once('error', () => resolve());
  });
  return port;
}

async function stopWithSigint(service: ReturnType<typeof spawnCli>): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const exited = new Promise<number | null>((resolve) => service.once('exit', resolve));
  service.kill('SIGINT');
  const code = await exited;
  return { code, ms: Date.now() - started };
}

describe('policywatch start with the platforms unreachable', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    killSpawned();
    await db.drop();
  });

  it('prints console alerts and serves /healthz (503, telegram and discord unreachable) within 5 s; one SIGINT ends it within 5 s', async () => {
    // subscribed before the 09:00 slot of the 7-days-left alerts; the service starts just after it
    const subscribedAt = new Date('2024-12-24T08:00:00+08:00');
    const now = new Date('2024-12-24T09:00:05+08:00');
    await subscribe(db.pool, { target: 'console', all: true }, subscribedAt);
    await subscribe(db.pool, { target: 'telegram:4242', all: true }, subscribedAt);
    await subscribe(db.pool, { target: 'discord:123456789012345678', all: true }, subscribedAt);
    const httpPort = await freePort();
    const started = Date.now();
    const service = spawnCli(['start'], {
      DATABASE_URL: db.url,
      TELEGRAM_BOT_TOKEN: '123456:unreachable',
      TELEGRAM_API_ROOT: `http://127.0.0.1:${await closedPort()}`,
      DISCORD_BOT_TOKEN: 'unreachable-discord-token',
      DISCORD_API_ROOT: `http://127.0.0.1:${await closedPort()}/api`,
      POLICYWATCH_HTTP_PORT: String(httpPort),
      POLICYWATCH_NOW: now.toISOString(),
      POLICYWATCH_TICK_CRON: '* * * * * *',
    });
    // The process itself (node, tsx, the migrations check, the seeds) takes a while on a loaded machine:
    // what must not wait for the platforms is everything after that.
    await waitFor(() => service.output().includes('policywatch is running') || service.exitCode !== null, 30_000, 'the service to run');
    expect(service.exitCode, service.errors()).toBeNull();
    const running = Date.now();
    await waitFor(() => service.output().includes('PA2024-7-03'), 5_000, 'the console alert');
    const consoleMs = Date.now() - running;
    let health = await getJson(httpPort);
    await waitFor(async () => (health = await getJson(httpPort))?.body.platforms?.discord?.startsWith('unreachable') === true, 5_000, 'discord to show as unreachable');
    const healthMs = Date.now() - running;
    console.log(`start→running ${running - started} ms; running→console alert ${consoleMs} ms; running→/healthz with both unreachable ${healthMs} ms`);

    expect(health!.status).toBe(503);
    expect(health!.body).toMatchObject({ status: 'degraded', database: 'ok', deadLetters: 0, unconfiguredTargets: {} });
    expect(health!.body.platforms.telegram).toMatch(/^unreachable since \d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
    expect(health!.body.platforms.discord).toMatch(/^unreachable since \d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
    expect(health!.body.lastTick).toMatchObject({ ok: true, error: null });

    // One line when the platform became unreachable and one per change of the retry interval — not per retry.
    const lines = service.output().split('\n').filter((line) => line.includes('telegram unreachable since'));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(new Set(lines.map((line) => /retrying in (\d+)s/.exec(line)?.[1])).size).toBe(lines.length);

    // The Telegram and Discord alerts wait for their platform: transient failures, not dead letters.
    const { rows } = await db.pool.query<{ channel: string; state: string }>(
      "SELECT DISTINCT split_part(target, ':', 1) AS channel, state FROM notifications WHERE target <> 'console'",
    );
    expect(rows.every((row) => row.state === 'pending' || row.state === 'sending')).toBe(true);

    const { code, ms } = await stopWithSigint(service);
    console.log(`SIGINT→exit ${ms} ms (code ${code})`);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(5_000);
    expect(service.output()).toContain('"msg":"stopped"');
  });

  it('when the Bot API comes back, the bot connects by itself, the waiting alerts go out and /healthz turns ok', { timeout: 60_000 }, async () => {
    const other = await createTestDatabase();
    let fake: FakeTelegram | null = null;
    try {
      const subscribedAt = new Date('2024-12-24T08:00:00+08:00');
      await subscribe(other.pool, { target: 'telegram:4242', bureaus: ['DEVB'] }, subscribedAt);
      const apiPort = await closedPort();
      const token = '123456:comes-back';
      const httpPort = await freePort();
      const service = spawnCli(['start'], {
        DATABASE_URL: other.url,
        TELEGRAM_BOT_TOKEN: token,
        TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`,
        POLICYWATCH_HTTP_PORT: String(httpPort),
        POLICYWATCH_NOW: '2024-12-24T09:00:05+08:00',
        POLICYWATCH_TICK_CRON: '* * * * * *',
      });
      await waitFor(async () => (await getJson(httpPort))?.body.platforms?.telegram?.startsWith('unreachable') === true, 30_000, 'telegram unreachable in /healthz');
      // the alert is queued and its first send failed (transiently) while the API was away
      await waitFor(async () => (await other.pool.query("SELECT 1 FROM notifications WHERE target = 'telegram:4242' AND attempts > 0")).rowCount! > 0, 10_000, 'a failed attempt');

      fake = await startFakeTelegram({ port: apiPort, token });
      const server = fake;
      await waitFor(() => service.output().includes('telegram bot is polling'), 20_000, 'the bot to poll');
      expect(service.output()).toContain('telegram reachable again');
      await waitFor(() => server.sentMessages(4242).some((m) => (m.text ?? '').includes('PA2024-7-03')), 30_000, 'the alert, after its retry');
      const health = await getJson(httpPort);
      expect(health!.status).toBe(200);
      expect(health!.body).toMatchObject({ status: 'ok', platforms: { telegram: 'ok' }, deadLetters: 0 });

      expect((await stopWithSigint(service)).code).toBe(0);
      expect(server.sentMessages(4242).filter((m) => (m.text ?? '').includes('PA2024-7-03'))).toHaveLength(1);
    } finally {
      await fake?.close();
      await other.drop();
    }
  });

  it('reports targets whose platform has no token at start and in /healthz, without degrading it', async () => {
    const other = await createTestDatabase();
    try {
      const subscribedAt = new Date('2024-12-24T08:00:00+08:00');
      const now = new Date('2024-12-24T09:00:05+08:00');
      await subscribe(other.pool, { target: 'console', all: true }, subscribedAt);
      await subscribe(other.pool, { target: 'discord:123456789012345678', bureaus: ['DEVB'] }, subscribedAt);
      await subscribe(other.pool, { target: 'telegram:4242', bureaus: ['DEVB'] }, subscribedAt);
      await subscribe(other.pool, { target: 'telegram:4343', bureaus: ['DEVB'] }, subscribedAt);
      const httpPort = await freePort();
      const service = spawnCli(['start'], {
        DATABASE_URL: other.url,
        POLICYWATCH_HTTP_PORT: String(httpPort),
        POLICYWATCH_NOW: now.toISOString(),
        POLICYWATCH_TICK_CRON: '* * * * * *',
      });
      await waitFor(() => service.output().includes('policywatch is running') || service.exitCode !== null, 30_000, 'the service to run');
      expect(service.exitCode, service.errors()).toBeNull();
      const warning = service.output().split('\n').filter((line) => line.includes('no bot token configured wait undelivered'));
      expect(warning).toHaveLength(1);
      expect(warning[0]).toContain('discord: 1 subscriptions');
      expect(warning[0]).toContain('telegram: 2 subscriptions');

      // After the first tick the queued alerts of those targets show too.
      let health = await getJson(httpPort);
      await waitFor(async () => ((health = await getJson(httpPort))?.body.unconfiguredTargets?.telegram?.queued ?? 0) > 0 && health?.body.lastTick?.ok === true, 10_000, 'queued alerts and a finished tick in /healthz');
      expect(health!.status).toBe(200);
      expect(health!.body).toMatchObject({ status: 'ok', platforms: {}, lastTick: { ok: true } });
      expect(health!.body.unconfiguredTargets.discord.subscriptions).toBe(1);
      expect(health!.body.unconfiguredTargets.discord.queued).toBeGreaterThan(0);
      expect(health!.body.unconfiguredTargets.telegram.subscriptions).toBe(2);
      expect(health!.body.unconfiguredTargets.console).toBeUndefined();

      expect((await stopWithSigint(service)).code).toBe(0);
    } finally {
      await other.drop();
    }
  });
});
