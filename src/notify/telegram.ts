// The Telegram channel: a group of alerts (or a weekly digest) becomes one HTML message per chat (or topic), split into parts
// only when it exceeds Telegram's limit. Sends go through the Api's limiter, shared with the bot's replies.
// Failures become DeliveryErrors the worker understands; a message that fails part-way reports the alerts
// its earlier parts delivered so they are not sent twice.
import { Api } from 'grammy';
import { ConfigError, type Config } from '../config.ts';
import { describePausedTarget } from '../domain/describePausedTarget.ts';
import { parseTarget } from '../domain/parseTarget.ts';
import type { Pool } from '../db/createPool.ts';
import type { Logger } from '../logger.ts';
import { createTelegramBudget } from './createSendBudget.ts';
import { DeliveryError, type ChannelAdapter, type OutgoingMessage } from './ChannelAdapter.ts';
import { classifyTelegramError } from './telegram/classifyTelegramError.ts';
import { createTelegramLimiter, type TelegramLimiter, type TelegramLimits } from './telegram/createTelegramLimiter.ts';
import { renderDigestHtml } from './digest/renderDigestHtml.ts';
import { escapeHtml } from './telegram/escapeHtml.ts';
import { isQuietMessage, renderAlertsHtml } from './telegram/renderAlertsHtml.ts';
import { useTelegramLimiter } from './telegram/useTelegramLimiter.ts';

const ADMINS_TOLD_AT_MOST = 5;

export interface TelegramAdapterOptions {
  api: Api;
  limiter: TelegramLimiter;
  logger: Logger;
}

export function createTelegramAdapter(options: TelegramAdapterOptions): ChannelAdapter {
  const { api, logger } = options;
  useTelegramLimiter(api, options.limiter);
  return {
    channel: 'telegram',
    messagesPerSecond: options.limiter.limits.global.messages / (options.limiter.limits.global.windowMs / 1000),

    async send(message: OutgoingMessage): Promise<void> {
      const target = parseTarget(message.target);
      if (target.channel !== 'telegram') throw new DeliveryError('permanent', `not a Telegram target: ${message.target}`);
      const chatId = Number(target.chatId);
      // A weekly digest carries no alert ids: if a later part fails, the digest is retried whole.
      const parts = message.digest
        ? renderDigestHtml(message.digest).map((text) => ({ text, notificationIds: [] as number[] }))
        : renderAlertsHtml(message);
      const quiet = !message.digest && isQuietMessage(message);
      const delivered: number[] = [];
      for (const part of parts) {
        try {
          await api.sendMessage(chatId, part.text, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            ...(target.threadId ? { message_thread_id: target.threadId } : {}),
            ...(quiet ? { disable_notification: true } : {}),
          }, message.signal as Parameters<Api['sendMessage']>[3]);
        } catch (error) {
          const failure = classifyTelegramError(error, { threadId: target.threadId, deliveredIds: delivered });
          logger.debug({ target: message.target, reason: failure.reason, kind: failure.kind, deliveredAlerts: delivered.length }, 'telegram send failed');
          throw failure;
        }
        delivered.push(...part.notificationIds);
      }
    },

    // Telegram lets a bot write only to people who have started it: each human admin of the chat is tried
    // (creator first, five at most); those who never started the bot are skipped.
    async tellAdmins(notice) {
      const target = parseTarget(notice.target);
      if (target.channel !== 'telegram') return 0;
      const chatId = Number(target.chatId);
      let admins;
      try {
        admins = await api.getChatAdministrators(chatId);
      } catch (error) {
        logger.debug({ target: notice.target, err: error }, 'cannot list the admins of a paused chat');
        return 0;
      }
      const chat = await api.getChat(chatId).catch(() => null);
      const place = chat && 'title' in chat ? chat.title : null;
      const text = escapeHtml(describePausedTarget({ ...notice, place }));
      const people = admins
        .filter((admin) => !admin.user.is_bot)
        .sort((a, b) => Number(b.status === 'creator') - Number(a.status === 'creator'))
        .slice(0, ADMINS_TOLD_AT_MOST);
      let told = 0;
      for (const admin of people) {
        try {
          await api.sendMessage(admin.user.id, text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
          told++;
        } catch (error) {
          logger.debug({ target: notice.target, admin: admin.user.id, err: error }, 'could not tell an admin (not started the bot?)');
        }
      }
      return told;
    },
  };
}

/** The adapter alone, for `policywatch tick`: REST calls only, no polling, its own limiter. */
export function createTelegramDeliveryAdapter(
  config: Config,
  logger: Logger,
  options: { limits?: Partial<TelegramLimits>; pool?: Pool } = {},
): ChannelAdapter {
  const token = config.telegram.token;
  if (!token) throw new ConfigError('telegram.token', null, 'a bot token such as 123456:ABC-def', 'TELEGRAM_BOT_TOKEN');
  const api = new Api(token, { apiRoot: config.telegram.apiRoot });
  const child = logger.child({ component: 'telegram' });
  // Beside a running service, a one-pass tick shares the bot's budget rather than adding its own 30/s.
  const budget = options.pool ? createTelegramBudget({ pool: options.pool, token, logger: child, limits: options.limits }) : undefined;
  return createTelegramAdapter({ api, limiter: createTelegramLimiter({ limits: options.limits, budget }), logger: child });
}
