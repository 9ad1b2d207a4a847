// The Telegram channel: a group of alerts (or a weekly digest) becomes one HTML message per chat (or topic), split into parts
// only when it exceeds Telegram's limit. Sends go through the Api's limiter, shared with the bot's replies.
// Failures become DeliveryErrors the worker understands; a message that fails part-way reports the alerts
// its earlier parts delivered so they are not sent twice.
import { Api } from 'grammy';
import { ConfigError, type Config } from '../config.ts';
import { parseTarget } from '../domain/parseTarget.ts';
import type { Logger } from '../logger.ts';
import { DeliveryError, type ChannelAdapter, type OutgoingMessage } from './ChannelAdapter.ts';
import { classifyTelegramError } from './telegram/classifyTelegramError.ts';
import { createTelegramLimiter, type TelegramLimiter, type TelegramLimits } from './telegram/createTelegramLimiter.ts';
import { renderDigestHtml } from './digest/renderDigestHtml.ts';
import { isQuietMessage, renderAlertsHtml } from './telegram/renderAlertsHtml.ts';
import { useTelegramLimiter } from './telegram/useTelegramLimiter.ts';

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
          });
        } catch (error) {
          const failure = classifyTelegramError(error, { threadId: target.threadId, deliveredIds: delivered });
          logger.debug({ target: message.target, reason: failure.reason, kind: failure.kind, deliveredAlerts: delivered.length }, 'telegram send failed');
          throw failure;
        }
        delivered.push(...part.notificationIds);
      }
    },
  };
}

/** The adapter alone, for `policywatch tick`: REST calls only, no polling, its own limiter. */
export function createTelegramDeliveryAdapter(config: Config, logger: Logger, options: { limits?: Partial<TelegramLimits> } = {}): ChannelAdapter {
  if (!config.telegram.token) throw new ConfigError('telegram.token', null, 'a bot token such as 123456:ABC-def', 'TELEGRAM_BOT_TOKEN');
  const api = new Api(config.telegram.token, { apiRoot: config.telegram.apiRoot });
  return createTelegramAdapter({ api, limiter: createTelegramLimiter({ limits: options.limits }), logger: logger.child({ component: 'telegram' }) });
}
