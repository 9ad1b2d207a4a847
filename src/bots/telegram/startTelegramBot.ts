// The Telegram bot: one grammY Bot that receives commands (long polling, or a webhook in telegram.mode
// "webhook", where replicas share the updates through createWebhookIntake) and whose Api also carries the
// alerts, so one limiter paces both. Returns the delivery adapter for the worker, the Bot API's reachability
// for /healthz, the webhook route for the web server (webhook mode) and a stop() for shutdown.
import { setTimeout as sleep } from 'node:timers/promises';
import { Bot, HttpError, type Api } from 'grammy';
import type { Clock } from '../../clock.ts';
import { ConfigError, type Config } from '../../config.ts';
import type { Pool } from '../../services/database.ts';
import { takeTurns } from '../../services/takeTurns.ts';
import type { Logger } from '../../logger.ts';
import type { ChannelAdapter } from '../../notify/ChannelAdapter.ts';
import { createTelegramAdapter } from '../../notify/telegram.ts';
import { createTelegramBudget } from '../../notify/createSendBudget.ts';
import { createTelegramLimiter, type TelegramLimits } from '../../notify/telegram/createTelegramLimiter.ts';
import { alertPolicyOf } from '../../schedule/alertPolicyOf.ts';
import { BACKOFF_MAX_MS, BACKOFF_MIN_MS, retryWithBackoff } from '../retryWithBackoff.ts';
import { trackReachability, type Reachability } from '../trackReachability.ts';
import { createAdminCheck } from './createAdminCheck.ts';
import { installTelegramHandlers } from './installTelegramHandlers.ts';
import { createOutcomeTeller } from '../createOutcomeTeller.ts';
import { formatMilestoneRef } from '../formatDueLine.ts';
import { parseTarget } from '../../domain/parseTarget.ts';
import { statusLabel } from '../describeProposal.ts';
import { textsFor } from './texts.ts';
import { registerTelegramCommands } from './registerTelegramCommands.ts';
import type { TelegramBotDeps } from './TelegramBotDeps.ts';
import { createWebhookIntake, type WebhookIntake } from './createWebhookIntake.ts';
import type { TelegramWebhookRoute } from '../../web/telegramWebhookRoute.ts';

export interface TelegramBotOptions {
  config: Config;
  pool: Pool;
  clock: Clock;
  logger: Logger;
  /** Seconds a getUpdates long poll is held open (Telegram allows up to 50). */
  pollTimeoutSeconds?: number;
  /** Override Telegram's flood limits (tests of command behaviour relax the per-chat pace). */
  limits?: Partial<TelegramLimits>;
  /** How long an administrator check is trusted. */
  adminCacheMs?: number;
  /** How often proposers are told outcomes decided elsewhere (CLI, Discord). */
  outcomeEveryMs?: number;
}

export interface TelegramBotHandle {
  adapter: ChannelAdapter;
  bot: Bot;
  /** Whether the Bot API answers, for /healthz. */
  reachability: Reachability;
  /** Settles when long polling has started, or the webhook is set, for the first time (never, if the Bot API stays away). */
  polling: Promise<void>;
  /** In webhook mode, the route the web server serves updates on; null when polling. */
  webhook: TelegramWebhookRoute | null;
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query', 'my_chat_member'] as const;
// grammY waits this long before its next getUpdates after a network failure.
const GRAMMY_POLL_RETRY_MS = 3_000;
// Each step of stop() gets at most this long: the first Ctrl-C ends the service within seconds.
const STOP_STEP_MS = 1_500;

/** Waits for `promise`, but not longer than `ms`. */
async function atMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * Wires the bot and returns at once: connecting (getMe, the command menu, long polling) happens in the
 * background with a bounded backoff, so an unreachable Bot API blocks neither the start of the service
 * nor its shutdown. The alert adapter uses the same Api and works, or fails transiently, whatever the
 * state of polling.
 */
export function startTelegramBot(options: TelegramBotOptions): TelegramBotHandle {
  const { config, pool, clock } = options;
  const logger = options.logger.child({ component: 'telegram' });
  const token = config.telegram.token;
  if (!token) throw new ConfigError('telegram.token', null, 'a bot token such as 123456:ABC-def', 'TELEGRAM_BOT_TOKEN');
  const pollTimeoutSeconds = options.pollTimeoutSeconds ?? 30;
  // grammY's default request timeout is 500 s; a black-holed API must fail a call well before that.
  const bot = new Bot(token, { client: { apiRoot: config.telegram.apiRoot, timeoutSeconds: pollTimeoutSeconds + 15 } });
  const reachability = trackReachability('telegram', logger);
  const controller = new AbortController();
  // Every call tells whether the Bot API answered: an error it returns still counts as reached. getMe is
  // reported by the connection loop below, which knows when it will retry.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      const response = await prev(method, payload, signal);
      reachability.reached();
      return response;
    } catch (error) {
      if (error instanceof HttpError && method !== 'getMe' && !controller.signal.aborted) {
        reachability.failed(error, method === 'getUpdates' ? GRAMMY_POLL_RETRY_MS : undefined);
      }
      throw error;
    }
  });
  const limiter = createTelegramLimiter({ limits: options.limits, budget: createTelegramBudget({ pool, token, logger, limits: options.limits }) });
  const adapter = createTelegramAdapter({ api: bot.api, limiter, logger });
  const deps: TelegramBotDeps = {
    pool,
    clock,
    logger,
    config,
    policy: alertPolicyOf(config),
    editors: new Set(config.telegram.editors),
    isAdmin: createAdminCheck({ api: bot.api, logger, now: () => clock.now().getTime(), ttlMs: options.adminCacheMs }),
    languagePreferences: new Map(),
  };
  const sequencer = installTelegramHandlers(bot, deps);
  let webhookSet = false;
  const webhookUrl = config.telegram.mode === 'webhook' ? config.telegram.webhookUrl : null;
  const webhookSecret = config.telegram.webhookSecret;
  const intake: WebhookIntake | null =
    webhookUrl && webhookSecret
      ? createWebhookIntake({
          pool,
          botId: Number(token.split(':', 1)[0]),
          logger,
          leaseMs: config.tick.leaseSeconds * 1000,
          maxAttempts: config.tick.maxAttempts,
          ready: () => webhookSet,
          async handle(update) {
            await bot.handleUpdate(update);
            await sequencer.handled(update.update_id);
          },
        })
      : null;

  let markPolling: () => void = () => undefined;
  const polling = new Promise<void>((resolve) => (markPolling = resolve));
  const run = async (): Promise<void> => {
    const { signal } = controller;
    let menuRegistered = false;
    let pollRetryMs = BACKOFF_MIN_MS;
    let lastPollError = '';
    while (!signal.aborted) {
      // getMe directly rather than bot.init(), which retries network errors forever and cannot be told apart.
      const connected = await retryWithBackoff(
        async (attemptSignal) => {
          bot.botInfo = await bot.api.getMe(attemptSignal as Parameters<Api['getMe']>[0]);
          reachability.reached();
        },
        { signal, onFailure: (error, retryInMs) => reachability.failed(error, retryInMs) },
      );
      if (!connected) return;
      if (!menuRegistered) {
        menuRegistered = true;
        // Replicas take turns; the second finds the menu already set and leaves it alone.
        await takeTurns(pool, `telegram-commands:${bot.botInfo.id}`, () => registerTelegramCommands(bot.api, config.telegram.editors, logger))
          .then((set) => logger.debug({ set }, 'telegram command menu checked'))
          .catch((error: unknown) => logger.warn({ err: error }, 'could not register the command menu; commands still work'));
      }
      if (signal.aborted) return;
      if (webhookUrl && webhookSecret && intake) {
        // Every replica sets the same webhook (harmless); never getUpdates, which Telegram refuses while it is set.
        const set = await retryWithBackoff(
          async (attemptSignal) => {
            await bot.api.setWebhook(webhookUrl, { secret_token: webhookSecret, allowed_updates: [...ALLOWED_UPDATES] }, attemptSignal as Parameters<Api['setWebhook']>[2]);
          },
          { signal, onFailure: (error, retryInMs) => logger.warn({ err: error }, `could not set the telegram webhook; retrying in ${Math.round(retryInMs / 1000)}s`) },
        );
        if (!set) return;
        webhookSet = true;
        intake.start();
        logger.info({ username: bot.botInfo.username, path: new URL(webhookUrl).pathname }, 'telegram bot receives updates by webhook');
        markPolling();
        return;
      }
      const startedAt = Date.now();
      try {
        await bot.start({
          timeout: pollTimeoutSeconds,
          allowed_updates: [...ALLOWED_UPDATES],
          onStart: () => {
            logger.info({ username: bot.botInfo.username }, 'telegram bot is polling');
            markPolling();
          },
        });
        return; // stopped
      } catch (error) {
        if (signal.aborted) return;
        // 401 (token revoked) or 409 (another instance polling) end grammY's loop; alerts still go out,
        // and polling is tried again later (the other instance may stop).
        if (Date.now() - startedAt > BACKOFF_MAX_MS) pollRetryMs = BACKOFF_MIN_MS;
        const message = (error as Error).message;
        if (message !== lastPollError) logger.error({ err: error }, `telegram long polling stopped; retrying in ${Math.round(pollRetryMs / 1000)}s`);
        lastPollError = message;
        try {
          await sleep(pollRetryMs, undefined, { signal });
        } catch {
          return;
        }
        pollRetryMs = Math.min(pollRetryMs * 2, BACKOFF_MAX_MS);
      }
    }
  };
  const running = run().catch((error: unknown) => logger.error({ err: error }, 'telegram connection loop failed'));
  const outcomes = createOutcomeTeller({
    platform: 'telegram',
    pool,
    logger,
    now: () => clock.now(),
    everyMs: options.outcomeEveryMs,
    async send(p) {
      const target = parseTarget(p.replyTarget!);
      if (target.channel !== 'telegram') return;
      const language = p.replyLanguage ?? 'zh-HK';
      const ref = formatMilestoneRef(p.ref, p.seq, p.milestoneCount);
      const text = textsFor(language).outcome(p.id, p.state === 'approved', ref, statusLabel(p.milestoneStatus, language), p.decisionNote);
      await bot.api.sendMessage(target.chatId, text, { parse_mode: 'HTML', ...(target.threadId ? { message_thread_id: target.threadId } : {}) });
    },
  });
  deps.onProposalDecided = () => outcomes.wake();

  let stopping: Promise<void> | null = null;
  return {
    adapter,
    bot,
    reachability,
    polling,
    webhook:
      intake && webhookUrl && webhookSecret
        ? { path: new URL(webhookUrl).pathname, secret: webhookSecret, receive: (update) => intake.receive(update as Parameters<WebhookIntake['receive']>[0]) }
        : null,
    stop() {
      stopping ??= (async () => {
        controller.abort(); // ends a backoff wait or a getMe in flight
        if (bot.isRunning()) {
          // bot.stop() confirms the last update with one more getUpdates, which an unreachable API can hold.
          await atMost(bot.stop().catch((error: unknown) => logger.warn({ err: error }, 'telegram stop: could not confirm the last update')), STOP_STEP_MS);
        }
        await atMost(running, STOP_STEP_MS);
        if (intake) await atMost(intake.stop(), STOP_STEP_MS);
        await atMost(sequencer.idle(), STOP_STEP_MS);
        await atMost(outcomes.stop(), STOP_STEP_MS);
      })();
      return stopping;
    },
  };
}
