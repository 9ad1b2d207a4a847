// One rate budget per bot token across every process that sends with it (two replicas of the service, a
// `policywatch tick` beside a running service): each send first reserves its slot in PostgreSQL and waits
// for it. The process's own limiter still paces chats and groups; this only keeps the bot-wide rate shared.
// When the database cannot be asked, sends fall back to the local limiter alone rather than stop.
import { createHash } from 'node:crypto';
import type { Pool } from '../db/createPool.ts';
import { reserveSendSlot } from '../db/rateBudgets.ts';
import type { Logger } from '../logger.ts';
import { TELEGRAM_LIMITS, type TelegramLimits } from './telegram/createTelegramLimiter.ts';

export interface SendBudget {
  /** Resolves when this process may make one more send under the shared rate. */
  take(): Promise<void>;
}

export interface SendBudgetOptions {
  pool: Pool;
  /** The platform and its token: the budget is per bot, never per process. */
  platform: string;
  token: string;
  perSecond: number;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The rate the shared budget hands out for a platform's global limit: two sends a second below it. The slots
 * are evenly spaced, so a second holds one more send than the rate only when a timer fires late enough to
 * bunch sends up (Telegram at 28/s: 71 ms late; Discord at 48/s: 42 ms), and each process's own limiter
 * still keeps its sends inside the platform's window. Two below, not a tenth below: at 90 % the last of
 * 10,000 Telegram messages left 1.11 times the platform's floor after the first.
 */
export function budgetRateOf(limitPerSecond: number): number {
  return limitPerSecond - 2;
}

export function budgetKeyOf(platform: string, token: string): string {
  // The token itself never reaches the database.
  return `${platform}:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`;
}

export function createSendBudget(options: SendBudgetOptions): SendBudget {
  const key = budgetKeyOf(options.platform, options.token);
  const intervalMs = 1000 / options.perSecond;
  const sleep = options.sleep ?? realSleep;
  let degraded = false;
  return {
    async take() {
      let waitMs: number;
      try {
        waitMs = await reserveSendSlot(options.pool, key, intervalMs);
        if (degraded) options.logger.info({ platform: options.platform }, 'shared send budget reachable again');
        degraded = false;
      } catch (error) {
        if (!degraded) options.logger.warn({ err: error, platform: options.platform }, 'shared send budget unreachable; pacing this process alone');
        degraded = true;
        return;
      }
      if (waitMs > 0) await sleep(waitMs);
    },
  };
}

/** The Telegram bot-wide budget: the global limit (30 a second unless the limits say otherwise). */
export function createTelegramBudget(options: {
  pool: Pool;
  token: string;
  logger: Logger;
  limits?: Partial<TelegramLimits>;
}): SendBudget {
  const global = options.limits?.global ?? TELEGRAM_LIMITS.global;
  const perSecond = budgetRateOf((global.messages * 1000) / global.windowMs);
  return createSendBudget({ pool: options.pool, platform: 'telegram', token: options.token, perSecond, logger: options.logger });
}
