// policywatch start (npm start): config -> logger -> database (embedded or DATABASE_URL) -> migrate ->
// seeds -> adapters -> HTTP (public tracker, API, /healthz) -> scheduler. SIGINT/SIGTERM stop it in reverse order.
import { existsSync } from 'node:fs';
import { publicUrlOf } from '../config.ts';
import { startDiscordBot } from '../bots/discord/startDiscordBot.ts';
import { startTelegramBot } from '../bots/telegram/startTelegramBot.ts';
import { openDatabase } from '../services/database.ts';
import { findSubscription, subscribe } from '../services/subscriptions.ts';
import { startWebServer } from '../web/startWebServer.ts';
import { loadSeeds } from '../ingest/loadSeeds.ts';
import { createAdapters } from '../notify/createAdapters.ts';
import { alertPolicyOf } from '../schedule/alertPolicyOf.ts';
import { digestSettingsOf } from '../schedule/digestSettingsOf.ts';
import { enqueueDue } from '../schedule/enqueueDue.ts';
import { startDeliveryLoop, type DeliveryLoop } from '../notify/startDeliveryLoop.ts';
import { enqueueOverdueReport } from '../schedule/enqueueOverdueReport.ts';
import { startScheduler } from '../schedule/startScheduler.ts';
import { checkHealth, listUnconfiguredTargets, type PlatformReachability, type ShardHealth, type TickRecord } from '../services/checkHealth.ts';
import type { Pool } from '../services/database.ts';
import type { Logger } from '../logger.ts';
import { summarizeTracking } from '../services/summarizeTracking.ts';
import { renderTrackingSummary } from './renderTrackingSummary.ts';
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

  // A Ctrl-C during start-up is honoured after the step in flight rather than after the whole start.
  let stopRequested = false;
  void stopSignal.then(() => (stopRequested = true));
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
      // The watchdog is on: most of a year-old chapter is past due, and that is what a new user needs to see.
      await subscribe(db.pool, { target: 'console', all: true, watchdog: true }, clock.now());
      logger.info('no bot token configured: alerts and overdue reminders for every bureau will be printed here (console subscription)');
    }
    const policy = alertPolicyOf(config);
    stdout.write(`${renderTrackingSummary(await summarizeTracking(db.pool, clock.now(), config.timezone))}\n`);
    const consoleSubscription = await findSubscription(db.pool, 'console');
    if (consoleSubscription && !consoleSubscription.disabledAt && consoleSubscription.watchdog) {
      // What is overdue now, once, as one grouped message; the delivery loop below prints it.
      const queued = await enqueueOverdueReport(db.pool, consoleSubscription.id, clock.now(), policy);
      if (queued) logger.info({ overdue: queued }, 'overdue report queued for the console');
    }
    if (stopRequested) {
      await shutdown();
      logger.info('stopped');
      return 0;
    }
    // The bots connect in the background: an unreachable platform delays nothing below and not the shutdown.
    const telegram = config.telegram.token ? startTelegramBot({ config, pool: db.pool, clock, logger }) : null;
    if (telegram) cleanups.push(() => telegram.stop());
    const discord = config.discord.token ? startDiscordBot({ config, pool: db.pool, clock, logger }) : null;
    if (discord) cleanups.push(() => discord.stop());
    const adapters = await createAdapters(config, logger, { telegram: telegram?.adapter, discord: discord?.adapter });
    cleanups.push(async () => {
      for (const adapter of adapters) await adapter.close?.();
    });
    const deliverableChannels = adapters.map((adapter) => adapter.channel);
    await reportUnconfiguredTargets(db.pool, deliverableChannels, logger).catch((error: unknown) =>
      logger.warn({ err: error }, 'could not count the targets of unconfigured platforms; /healthz lists them'),
    );
    const platforms: Record<string, () => PlatformReachability> = {};
    if (telegram) platforms.telegram = () => telegram.reachability.current();
    if (discord) platforms.discord = () => discord.reachability.current();
    // Only a platform with gateway shards (Discord) adds "shards" to /healthz.
    const shards: Record<string, () => ShardHealth[]> | undefined = discord ? { discord: () => discord.shards() } : undefined;
    const lastTick: TickRecord = { at: null, ok: null, error: null, lastSuccessAt: null };
    const server = await startWebServer({
      host: config.http.host,
      port: config.http.port,
      pool: db.pool,
      now: () => clock.now(),
      timezone: config.timezone,
      publicUrl: publicUrlOf(config),
      leadDays: config.alerts.leadDays,
      rateLimitPerMinute: config.http.rateLimitPerMinute,
      telegramWebhook: telegram?.webhook ?? null,
      health: async () => {
        const report = await checkHealth({ pool: db.pool, platforms, shards, lastTick: () => lastTick, deliverableChannels });
        return { statusCode: report.status === 'ok' ? 200 : 503, body: report };
      },
      logger,
    });
    cleanups.push(() => server.close());
    logger.info({ url: `http://${config.http.host}:${server.port}/`, health: `http://${config.http.host}:${server.port}/healthz` }, 'public tracker listening');

    let delivery: DeliveryLoop | null = null;
    const scheduler = startScheduler({
      cron: config.tick.cron,
      timezone: config.timezone,
      logger,
      tick: async () => {
        try {
          const report = await enqueueDue({ pool: db.pool, now: clock.now(), logger, policy, digest: digestSettingsOf(config) });
          // A success clears the error of an earlier failure: /healthz reflects the latest tick only.
          Object.assign(lastTick, { at: new Date(), ok: true, error: null, lastSuccessAt: new Date() });
          if (report.enqueued) {
            logger.info({ enqueued: report.enqueued, digests: report.digests, superseded: report.superseded }, 'tick');
            delivery?.wake();
          }
        } catch (error) {
          Object.assign(lastTick, { at: new Date(), ok: false, error: (error as Error).message });
          throw error;
        }
      },
    });
    // Delivery is its own loop: a long drain never delays the next tick, and a tick wakes it by NOTIFY.
    delivery = startDeliveryLoop({
      startAfter: scheduler.firstTick,
      pool: db.pool,
      adapters,
      clock,
      logger,
      timezone: config.timezone,
      leaseMs: config.tick.leaseSeconds * 1000,
      maxAttempts: config.tick.maxAttempts,
      onPass: (report) => logger.info(report, 'delivered'),
    });
    const running = delivery;
    cleanups.push(() => running.stop());
    cleanups.push(() => scheduler.stop());
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

/**
 * One warning at start for targets on a channel without a bot token. Their alerts are still queued (not
 * dropped): configuring the token later delivers them, and a row superseded by a later slot of the same
 * milestone is not sent stale. /healthz lists them under unconfiguredTargets for as long as they remain.
 */
async function reportUnconfiguredTargets(pool: Pool, channels: readonly string[], logger: Logger): Promise<void> {
  const backlog = await listUnconfiguredTargets(pool, channels);
  if (!backlog.length) return;
  const counts = Object.fromEntries(backlog.map((b) => [b.channel, { subscriptions: b.subscriptions, queued: b.queued }]));
  const described = backlog.map((b) => `${b.channel}: ${b.subscriptions} subscriptions, ${b.queued} queued`).join('; ');
  logger.warn({ unconfiguredTargets: counts }, `targets on platforms with no bot token configured wait undelivered (${described}); set the token to deliver them`);
}
