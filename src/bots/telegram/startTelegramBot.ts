// The Telegram bot: one grammY Bot that long-polls for commands and whose Api also carries the alerts, so
// one limiter paces both. Returns the delivery adapter for the worker and a stop() for shutdown.
import { Bot } from 'grammy';
import type { Clock } from '../../clock.ts';
import { ConfigError, type Config } from '../../config.ts';
import type { Pool } from '../../db/createPool.ts';
import type { Logger } from '../../logger.ts';
import type { ChannelAdapter } from '../../notify/ChannelAdapter.ts';
import { createTelegramAdapter } from '../../notify/telegram.ts';
import { createTelegramLimiter, type TelegramLimits } from '../../notify/telegram/createTelegramLimiter.ts';
import { alertPolicyOf } from '../../schedule/alertPolicyOf.ts';
import { createAdminCheck } from './createAdminCheck.ts';
import { installTelegramHandlers } from './installTelegramHandlers.ts';
import { registerTelegramCommands } from './registerTelegramCommands.ts';
import type { TelegramBotDeps } from './TelegramBotDeps.ts';

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
}

export interface TelegramBotHandle {
  adapter: ChannelAdapter;
  bot: Bot;
  stop(): Promise<void>;
}

export class TelegramBotError extends Error {
  constructor(
    readonly step: 'connect' | 'poll',
    readonly problem: string,
    options: { cause?: unknown } = {},
  ) {
    super(`Telegram bot: ${problem}`, options);
    this.name = 'TelegramBotError';
  }
}

const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query', 'my_chat_member'] as const;

export async function startTelegramBot(options: TelegramBotOptions): Promise<TelegramBotHandle> {
  const { config, pool, clock } = options;
  const logger = options.logger.child({ component: 'telegram' });
  const token = config.telegram.token;
  if (!token) throw new ConfigError('telegram.token', null, 'a bot token such as 123456:ABC-def', 'TELEGRAM_BOT_TOKEN');
  const bot = new Bot(token, { client: { apiRoot: config.telegram.apiRoot } });
  const limiter = createTelegramLimiter({ limits: options.limits });
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

  try {
    await bot.init();
  } catch (error) {
    throw new TelegramBotError('connect', `cannot reach the Bot API at ${config.telegram.apiRoot} (${(error as Error).message})`, { cause: error });
  }
  try {
    await registerTelegramCommands(bot.api, config.telegram.editors, logger);
  } catch (error) {
    logger.warn({ err: error }, 'could not register the command menu; commands still work');
  }

  let polling: Promise<void> = Promise.resolve();
  await new Promise<void>((resolve, reject) => {
    polling = bot
      .start({ timeout: options.pollTimeoutSeconds ?? 30, allowed_updates: [...ALLOWED_UPDATES], onStart: () => resolve() })
      .catch((error: unknown) => {
        // 401 (token revoked) or 409 (another instance polling) end the loop; alerts still go out.
        logger.error({ err: error }, 'telegram long polling stopped');
        reject(new TelegramBotError('poll', `long polling failed (${(error as Error).message})`, { cause: error }));
      });
  });
  logger.info({ username: bot.botInfo.username }, 'telegram bot is polling');

  let stopping: Promise<void> | null = null;
  return {
    adapter,
    bot,
    stop() {
      stopping ??= (async () => {
        if (bot.isRunning()) await bot.stop().catch((error: unknown) => logger.warn({ err: error }, 'telegram stop: could not confirm the last update'));
        await polling;
        await sequencer.idle();
      })();
      return stopping;
    },
  };
}
