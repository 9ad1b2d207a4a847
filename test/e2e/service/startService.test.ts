// `npm start` as a new user runs it: embedded PostgreSQL, seeds loaded, /healthz, clean Ctrl-C, data reused,
// and recovery from a killed run.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isAlive, killSpawned, runCli, spawnCli, waitFor } from '../../support/runCli.ts';

function getJson(port: number, pathname: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: pathname }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }));
    }).on('error', reject);
  });
}

function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}

async function stop(service: ReturnType<typeof spawnCli>): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const exited = new Promise<number | null>((resolve) => service.once('exit', resolve));
  service.kill('SIGINT');
  const code = await exited;
  return { code, ms: Date.now() - started };
}

describe('policywatch start on a machine without PostgreSQL', () => {
  let dir: string;
  let env: Record<string, string>;
  let dataDir: string;
  let httpPort: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pw-service-'));
    chmodSync(dir, 0o755);
    dataDir = path.join(dir, 'pg');
    httpPort = await freePort();
    env = { POLICYWATCH_PG_DATA_DIR: dataDir, POLICYWATCH_PG_PORT: String(await freePort()), POLICYWATCH_HTTP_PORT: String(httpPort) };
  });
  afterAll(async () => {
    killSpawned();
    // a killed service leaves its PostgreSQL behind: stop it so no test leaves a process running
    const pid = postmasterPid(dataDir);
    if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
    await waitFor(() => !pid || !isAlive(pid), 15_000, 'the embedded server to stop');
    rmSync(dir, { recursive: true, force: true });
  });

  async function startAndWait() {
    const service = spawnCli(['start'], env);
    await waitFor(() => service.output().includes('policywatch is running') || service.exitCode !== null, 60_000, 'the service to start');
    expect(service.exitCode, service.errors()).toBeNull();
    return service;
  }

  it('starts, loads the seed chapter, answers /healthz, and stops cleanly on Ctrl-C', { timeout: 120_000 }, async () => {
    const service = await startAndWait();
    expect(service.output()).toContain('loaded 32 commitments, 11 milestones from policy-address-2024-ch7');
    expect(service.output()).toContain('console subscription');
    const pid = postmasterPid(dataDir);
    expect(pid && isAlive(pid)).toBe(true);
    await waitFor(async () => (await getJson(httpPort, '/healthz')).body.lastTick !== undefined, 10_000, 'healthz');
    await waitFor(async () => ((await getJson(httpPort, '/healthz')).body.lastTick as { at: string | null }).at !== null, 10_000, 'the first tick');
    const health = await getJson(httpPort, '/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', database: 'ok', platforms: {}, lastTick: { ok: true, error: null }, deadLetters: 0, unconfiguredTargets: {} });
    const { code, ms } = await stop(service);
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(isAlive(pid!)).toBe(false);
    expect(service.output()).toContain('"msg":"stopped"');
  });

  it('reuses the data on a second start: nothing duplicated', { timeout: 120_000 }, async () => {
    const service = await startAndWait();
    expect(service.output()).toContain('loaded 32 commitments, 11 milestones from policy-address-2024-ch7');
    expect(service.output()).toMatch(/"added":0,"withdrawn":0,"rescheduled":0,"changed":false/);
    expect((await stop(service)).code).toBe(0);
    const subscriptions = await runCli(['subscriptions', '--json'], env);
    expect(JSON.parse(subscriptions.stdout)).toHaveLength(1);
  });

  it('recovers from a killed run: the orphaned server is stopped and a fresh one started', { timeout: 120_000 }, async () => {
    const service = await startAndWait();
    const pid = postmasterPid(dataDir)!;
    service.kill('SIGKILL');
    await new Promise((resolve) => service.once('exit', resolve));
    expect(isAlive(pid)).toBe(true); // left behind by the kill
    const again = await startAndWait();
    expect(isAlive(pid)).toBe(false);
    expect(again.output()).toContain('loaded 32 commitments');
    expect((await stop(again)).code).toBe(0);
  });

  it('refuses a port in use with one line, and leaves no process behind', async () => {
    const blocker = http.createServer().listen(httpPort, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      const result = await runCli(['start'], env);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(`policywatch: cannot serve HTTP on 127.0.0.1:${httpPort}: the port is already in use (set POLICYWATCH_HTTP_PORT)`);
      const pid = postmasterPid(dataDir);
      expect(pid === null || !isAlive(pid)).toBe(true);
    } finally {
      blocker.close();
    }
  });
});

describe('policywatch start when the embedded PostgreSQL port is taken by another program', () => {
  let dir: string;
  let dataDir: string;
  let blocker: net.Server;
  let takenPort: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'pw-busy-port-'));
    chmodSync(dir, 0o755);
    dataDir = path.join(dir, 'pg');
    takenPort = await freePort();
    blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(takenPort, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    killSpawned();
    const pid = postmasterPid(dataDir);
    if (pid && isAlive(pid)) process.kill(pid, 'SIGINT');
    await waitFor(() => !pid || !isAlive(pid), 15_000, 'the embedded server to stop');
    await new Promise((resolve) => blocker.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('picks a free port, says which, remembers it in the data directory and reuses it; Ctrl-C leaves no PostgreSQL behind', { timeout: 120_000 }, async () => {
    const httpPort = await freePort();
    const env = {
      POLICYWATCH_PG_DATA_DIR: dataDir,
      POLICYWATCH_PG_PORT: String(takenPort),
      POLICYWATCH_HTTP_PORT: String(httpPort),
      // the Bot API unreachable too: nothing waits for it, start or stop
      TELEGRAM_BOT_TOKEN: '123456:unreachable',
      TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}`,
    };
    const first = spawnCli(['start'], env);
    await waitFor(() => first.output().includes('policywatch is running') || first.exitCode !== null, 90_000, 'the service to start');
    expect(first.exitCode, first.errors()).toBeNull();
    const remembered = JSON.parse(readFileSync(path.join(dataDir, 'policywatch-port.json'), 'utf8')) as { configuredPort: number; port: number };
    expect(remembered.configuredPort).toBe(takenPort);
    expect(remembered.port).not.toBe(takenPort);
    expect(first.output()).toContain(`port ${takenPort} is taken by another program: the embedded PostgreSQL of this data directory uses port ${remembered.port} from now on`);
    expect(Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3])).toBe(remembered.port);

    await waitFor(async () => ((await getJson(httpPort, '/healthz')).body.platforms as { telegram?: string } | undefined)?.telegram?.startsWith('unreachable') === true, 10_000, '/healthz');
    const health = await getJson(httpPort, '/healthz');
    expect(health.status).toBe(503);
    expect(health.body.database).toBe('ok');

    const pid = postmasterPid(dataDir)!;
    const stopped = await stop(first);
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(5_000);
    expect(isAlive(pid)).toBe(false);

    const second = spawnCli(['start'], env);
    await waitFor(() => second.output().includes('policywatch is running') || second.exitCode !== null, 90_000, 'the second start');
    expect(second.exitCode, second.errors()).toBeNull();
    expect(second.output()).toContain(`the embedded PostgreSQL uses port ${remembered.port}, remembered for this data directory (port ${takenPort} was taken)`);
    expect(Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3])).toBe(remembered.port);
    const secondPid = postmasterPid(dataDir)!;
    expect((await stop(second)).code).toBe(0);
    expect(isAlive(secondPid)).toBe(false);
  });
});

describe('start-up errors are one clear line and a non-zero exit', () => {
  it.each([
    [{ DATABASE_URL: 'mysql://localhost/x' }, /^policywatch: invalid configuration: database\.url \(DATABASE_URL\) = "mysql:\/\/localhost\/x"; allowed: a postgres:\/\/ or postgresql:\/\/ URL$/],
    [{ POLICYWATCH_ALERT_LEAD_DAYS: '30,x' }, /^policywatch: invalid configuration: alerts\.leadDays \(POLICYWATCH_ALERT_LEAD_DAYS\) = "30,x"; allowed: comma-separated whole numbers/],
  ])('%o', async (env, message) => {
    const result = await runCli(['start'], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
  });

  it('an unreachable database server', async () => {
    const port = await freePort();
    const result = await runCli(['start'], { DATABASE_URL: `postgres://policywatch:secret@127.0.0.1:${port}/policywatch` });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `policywatch: cannot connect to the database at postgres://policywatch:[REDACTED]@127.0.0.1:${port}/policywatch: connection refused (is PostgreSQL running and listening there?)`,
    );
  });

  it('usage mistakes exit 2 with the usage line', async () => {
    const result = await runCli(['extract'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^policywatch: missing <file>\nusage: policywatch extract <file>/);
  });
});
