// The Discord channels: "discord:<channel id>" posts through the bot's REST (shared with the bot's replies, so
// one set of rate-limit buckets paces both), "discord-webhook:<url>" posts to a webhook and needs no bot token.
// A group of alerts or a weekly digest becomes pages of embeds (renderMessagePages, pure) that sendEmbedPages
// posts in order.
import { REST } from 'discord.js';
import { ConfigError, type Config } from '../config.ts';
import { parseTarget, TargetError, type Target } from '../domain/parseTarget.ts';
import type { Logger } from '../logger.ts';
import { DeliveryError, type ChannelAdapter, type OutgoingMessage } from './ChannelAdapter.ts';
import { createDiscordRestOptions, type DiscordRestTuning } from './discord/createDiscordRestOptions.ts';
import type { AlertRenderOptions } from './discord/renderAlertEmbeds.ts';
import { renderMessagePages } from './discord/renderMessagePages.ts';
import { sendEmbedPages, type PageDestination } from './discord/sendEmbedPages.ts';

export type { DiscordRestTuning } from './discord/createDiscordRestOptions.ts';

export interface DiscordAdapterOptions extends AlertRenderOptions {
  /** The bot's REST (client.rest) or one of its own, with the bot token set. */
  rest: REST;
  logger: Logger;
  onClose?: () => Promise<void>;
}

function readTarget<C extends Target['channel']>(message: OutgoingMessage, channel: C): Extract<Target, { channel: C }> {
  let target: Target;
  try {
    target = parseTarget(message.target);
  } catch (error) {
    if (error instanceof TargetError) throw new DeliveryError('permanent', error.message, { cause: error });
    throw error;
  }
  if (target.channel !== channel) throw new DeliveryError('permanent', `not a ${channel} target: ${target.channel}`);
  return target as Extract<Target, { channel: C }>;
}

function renderOptionsOf(config: Config): AlertRenderOptions {
  return { timezone: config.timezone, sendAt: config.alerts.sendAt };
}

/** The "discord" channel adapter over a REST that carries the bot token (the bot's own, in startDiscordBot). */
export function createDiscordAdapter(options: DiscordAdapterOptions): ChannelAdapter {
  const { rest, logger } = options;
  return {
    channel: 'discord',

    async send(message: OutgoingMessage): Promise<void> {
      const target = readTarget(message, 'discord');
      const pages = renderMessagePages(message, options);
      const destination: PageDestination = { kind: 'channel', channelId: target.channelId };
      try {
        await sendEmbedPages(rest, destination, pages, { groupKey: message.groupKey });
      } catch (error) {
        const failure = error as DeliveryError;
        logger.debug({ channelId: target.channelId, reason: failure.reason, kind: failure.kind, pages: pages.length }, 'discord send failed');
        throw failure;
      }
    },

    async close() {
      await options.onClose?.();
    },
  };
}

/** The adapter alone, for `policywatch tick`: REST with the bot token, no gateway. */
export function createDiscordDeliveryAdapter(config: Config, logger: Logger, tuning: DiscordRestTuning = {}): ChannelAdapter {
  const token = config.discord.token;
  if (!token) throw new ConfigError('discord.token', null, 'a bot token', 'DISCORD_BOT_TOKEN');
  const rest = new REST(createDiscordRestOptions(config.discord.apiRoot, tuning)).setToken(token);
  return createDiscordAdapter({
    rest,
    logger: logger.child({ component: 'discord' }),
    ...renderOptionsOf(config),
    onClose: async () => {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    },
  });
}

export interface DiscordWebhookAdapterOptions extends DiscordRestTuning {
  config: Config;
  logger: Logger;
}

/** The API root a webhook URL lives under: https://discord.com/api/v10/webhooks/… → https://discord.com/api. */
function webhookApiOf(url: URL): string {
  const prefix = url.pathname.replace(/\/webhooks\/\d+\/[\w-]+\/?$/, '').replace(/\/v\d+$/, '');
  return `${url.origin}${prefix}`;
}

/**
 * The "discord-webhook" channel adapter: posts to the webhook URL of the target itself (no bot token), with one
 * REST per API host so each keeps its rate-limit buckets. A "?thread_id=" in the URL posts into that thread.
 */
export function createDiscordWebhookAdapter(options: DiscordWebhookAdapterOptions): ChannelAdapter {
  const logger = options.logger.child({ component: 'discord-webhook' });
  const renderOptions = renderOptionsOf(options.config);
  const rests = new Map<string, REST>();
  const restFor = (api: string): REST => {
    let rest = rests.get(api);
    if (!rest) {
      rest = new REST(createDiscordRestOptions(api, options));
      rests.set(api, rest);
    }
    return rest;
  };

  return {
    channel: 'discord-webhook',

    async send(message: OutgoingMessage): Promise<void> {
      const target = readTarget(message, 'discord-webhook');
      const url = new URL(target.url);
      const destination: PageDestination = {
        kind: 'webhook',
        webhookId: target.webhookId,
        webhookToken: target.webhookToken,
        threadId: url.searchParams.get('thread_id'),
      };
      const pages = renderMessagePages(message, renderOptions);
      try {
        await sendEmbedPages(restFor(webhookApiOf(url)), destination, pages, { groupKey: message.groupKey });
      } catch (error) {
        const failure = error as DeliveryError;
        // The webhook id only: the URL carries its secret token.
        logger.debug({ webhookId: target.webhookId, reason: failure.reason, kind: failure.kind, pages: pages.length }, 'discord webhook send failed');
        throw failure;
      }
    },

    async close() {
      for (const rest of rests.values()) {
        rest.clearHashSweeper();
        rest.clearHandlerSweeper();
      }
      rests.clear();
    },
  };
}
