// The world the fault suite runs in: a PostgreSQL of its own (embedded, so a scenario can stop and start it),
// the fake Telegram Bot API enforcing Telegram's flood limits and counting every message per chat, and the real
// service started as a user starts it (`policywatch start` in a child process), as many times as a scenario needs.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { createPool, type Pool } from '../../../src/db/createPool.ts';
import { runMigrations } from '../../../src/db/runMigrations.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../../src/local/startEmbeddedPostgres.ts';
import { subscribe } from '../../../src/db/subscriptions.ts';
import { startFakeTelegram, type FakeTelegram } from '../../fakes/telegram/startFakeTelegram.ts';
import { freePort } from '../../support/freePort.ts';
import { killSpawned, spawnCli } from '../../support/runCli.ts';

export const CHAT_BASE = 100_000;

export interface ServiceProcess {
  readonly pid: number;
  alive(): boolean;
  output(): string;
  kill(signal: NodeJS.Signals): void;
  exited(): Promise<number | null>;
}

export interface Tally {
  expected: number;
  delivered: number;
  duplicates: number;
  lost: number;
}

export interface FaultWorld {
  pool: Pool;
  url: string;
  telegram: FakeTelegram;
  /** Empties the outbox, subscriptions and budgets; subscribes `chats` Telegram chats to DEVB. */
  prepare(chats: number): Promise<void>;
  startService(env: Record<string, string>): ServiceProcess;
  stopDatabase(): Promise<void>;
  startDatabase(): Promise<void>;
  /** Messages per chat, optionally only those whose text passes a filter or that arrived after an instant. */
  messagesPerChat(filter?: (text: string, at: number) => boolean): Map<number, number>;
  /** One message expected per chat: how many arrived, how many chats got more than one, how many none. */
  tally(chats: number, filter?: (text: string, at: number) => boolean): Tally;
  waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void>;
  /** Backends of the service's connections (application_name policywatch). */
  serviceBackends(): Promise<number[]>;
  close(): Promise<void>;
}

export async function createFaultWorld(): Promise<FaultWorld> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pw-faults-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const dataDir = path.join(dir, 'pg');
  let server: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir, port, fast: true });
  const pool = createPool(server.url, { max: 4, applicationName: 'policywatch-faults' });
  await runMigrations(pool, path.join(PROJECT_ROOT, 'migrations'));
  const telegram = await startFakeTelegram({ enforceLimits: true });
  const services: ServiceProcess[] = [];

  const messagesPerChat = (filter?: (text: string, at: number) => boolean): Map<number, number> => {
    const counts = new Map<number, number>();
    for (const call of telegram.callsTo('sendMessage')) {
      if (call.response?.ok !== true) continue;
      const chat = Number(call.params.chat_id);
      if (filter && !filter(String(call.params.text ?? ''), call.at)) continue;
      counts.set(chat, (counts.get(chat) ?? 0) + 1);
    }
    return counts;
  };

  return {
    pool,
    url: server.url,
    telegram,
    async prepare(chats) {
      // a scenario that failed may have left its services running: they must not send into the next one
      const leftovers = services.filter((service) => service.alive());
      for (const service of leftovers) service.kill('SIGKILL');
      await Promise.all(leftovers.map((service) => service.exited()));
      await pool.query('TRUNCATE notifications, scheduler_state, subscriptions, rate_budgets RESTART IDENTITY CASCADE');
      for (let i = 1; i <= chats; i++) await subscribe(pool, { target: `telegram:${CHAT_BASE + i}`, bureaus: ['DEVB'] }, new Date('2024-12-20T12:00:00+08:00'));
      telegram.reset();
    },
    startService(env) {
      const child = spawnCli(['start'], {
        DATABASE_URL: server.url,
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.apiRoot,
        POLICYWATCH_HTTP_PORT: '0',
        POLICYWATCH_TICK_CRON: '*/2 * * * * *',
        POLICYWATCH_LOG_LEVEL: 'info',
        ...env,
      });
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      const service: ServiceProcess = {
        pid: child.pid!,
        alive: () => child.exitCode === null && child.signalCode === null,
        output: () => child.output() + child.errors(),
        kill: (signal) => child.kill(signal),
        exited: () => exit,
      };
      services.push(service);
      return service;
    },
    async stopDatabase() {
      await server.stop();
    },
    async startDatabase() {
      server = await startEmbeddedPostgres({ dataDir, port, fast: true });
    },
    messagesPerChat,
    tally(chats, filter) {
      const counts = messagesPerChat(filter);
      let delivered = 0;
      let duplicates = 0;
      for (let i = 1; i <= chats; i++) {
        const n = counts.get(CHAT_BASE + i) ?? 0;
        if (n > 0) delivered++;
        if (n > 1) duplicates += n - 1;
      }
      return { expected: chats, delivered, duplicates, lost: chats - delivered };
    },
    async waitFor(condition, timeoutMs, what) {
      const until = Date.now() + timeoutMs;
      while (!(await condition())) {
        if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async serviceBackends() {
      const { rows } = await pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = 'policywatch' AND datname = current_database()");
      return rows.map((row) => row.pid);
    },
    async close() {
      if (process.env.FAULT_DEBUG) for (const service of services) console.info(`--- service ${service.pid}\n${service.output().slice(-4000)}`);
      for (const service of services) if (service.alive()) service.kill('SIGKILL');
      killSpawned();
      await pool.end().catch(() => undefined);
      await telegram.close();
      await server.stop().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Terminates backends from a connection of its own (the world's pool may be what is being cut off). */
export async function terminateBackends(url: string, pids: readonly number[]): Promise<void> {
  if (!pids.length) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]);
  } finally {
    await client.end();
  }
}
