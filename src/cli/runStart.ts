// policywatch start (npm start): config -> logger -> database (embedded or DATABASE_URL) -> migrate ->
// seeds -> adapters -> HTTP /healthz -> scheduler. SIGINT/SIGTERM stop it in reverse order.
import { existsSync } from 'node:fs';
import { startDiscordBot } from '../bots/discord/startDiscordBot.ts';
import { startTelegramBot } from '../bots/telegram/startTelegramBot.ts';
import { openDatabase } from '../db/openDatabase.ts';
import { findSubscription, subscribe } from '../db/subscriptions.ts';
import { startHealthServer, type HealthState } from '../http/startHealthServer.ts';
import { loadSeeds } from '../ingest/loadSeeds.ts';
import { createAdapters } from '../notify/createAdapters.ts';
import { alertPolicyOf } from '../schedule/alertPolicyOf.ts';
import { digestSettingsOf } from '../schedule/digestSettingsOf.ts';
import { runTick } from '../schedule/runTick.ts';
import { startScheduler } from '../schedule/startScheduler.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { UsageError } from './UsageError.ts';

const USAGE = 'policywatch start';

export const runStart: Command = async (args, { config, logger, clock, stopSignal, stdout }) => {
  const { values, positionals } = parseCommandArgs(args, { help: { type: 'boolean', short: 'h' } }, USAGE);
  if (values.help) {
    stdout.write(`${USAGE}\n  Runs the service until SIGINT/SIGTERM. See README for configuration.\n`);
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, USAGE);
  if (config.now) logger.info({ now: clock.now().toISOString() }, 'clock set by POLICYWATCH_NOW');

  const db = await openDatabase(config, logger);
  const cleanups: (() => Promise<void>)[] = [() => db.close()];
  const shutdown = async (): Promise<void> => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => logger.warn({ err: error }, 'error while stopping'));
  };
  try {
    if (existsSync(config.seeds.manifest)) {
      await loadSeeds(db.pool, config.seeds.manifest, { now: clock.now(), logger });
    } else {
      logger.warn({ manifest: config.seeds.manifest }, 'no seeds manifest; starting with the documents already in the database');
    }
    if (!config.telegram.token && !config.discord.token && !(await findSubscription(db.pool, 'console'))) {
      await subscribe(db.pool, { target: 'console', all: true }, clock.now());
      logger.info('no bot token configured: alerts for every bureau will be printed here (console subscription)');
    }
    const telegram = config.telegram.token ? await startTelegramBot({ config, pool: db.pool, clock, logger }) : null;
    if (telegram) cleanups.push(() => telegram.stop());
    const discord = config.discord.token ? await startDiscordBot({ config, pool: db.pool, clock, logger }) : null;
    if (discord) cleanups.push(() => discord.stop());
    const adapters = await createAdapters(config, logger, { telegram: telegram?.adapter, discord: discord?.adapter });
    cleanups.push(async () => {
      for (const adapter of adapters) await adapter.close?.();
    });
    const health: HealthState = {
      lastTickAt: null,
      lastTickError: null,
      adapters: () => ({
        ...Object.fromEntries(adapters.map((a) => [a.channel, 'up' as const])),
        ...(telegram ? { telegram: telegram.bot.isRunning() ? ('up' as const) : ('down' as const) } : {}),
        ...(discord ? { discord: discord.client.isReady() ? ('up' as const) : ('down' as const) } : {}),
      }),
    };
    const server = await startHealthServer({ host: config.http.host, port: config.http.port, pool: db.pool, state: health });
    cleanups.push(() => server.close());
    logger.info({ url: `http://${config.http.host}:${server.port}/healthz` }, 'health endpoint listening');

    const policy = alertPolicyOf(config);
    const stop = { stopped: false };
    const scheduler = startScheduler({
      cron: config.tick.cron,
      timezone: config.timezone,
      logger,
      tick: async () => {
        try {
          const report = await runTick({ pool: db.pool, clock, logger, policy, digest: digestSettingsOf(config), adapters, leaseMs: config.tick.leaseSeconds * 1000, maxAttempts: config.tick.maxAttempts, stop });
          health.lastTickAt = clock.now();
          health.lastTickError = null;
          if (report.enqueued || report.delivered || report.failed) logger.info(report, 'tick');
        } catch (error) {
          health.lastTickError = (error as Error).message;
          throw error;
        }
      },
    });
    cleanups.push(async () => {
      stop.stopped = true;
      await scheduler.stop();
    });
    logger.info({ cron: config.tick.cron, timezone: config.timezone }, 'policywatch is running; Ctrl-C to stop');
    await stopSignal;
    await shutdown();
    logger.info('stopped');
    return 0;
  } catch (error) {
    await shutdown();
    throw error;
  }
};
