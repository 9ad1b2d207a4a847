// The Discord channels: "discord:<channel id>" posts through the bot's REST (shared with the bot's replies, so
// one set of rate-limit buckets paces both), "discord-webhook:<url>" posts to a webhook and needs no bot token.
// A group of alerts or a weekly digest becomes pages of embeds (renderMessagePages, pure) that sendEmbedPages
// posts in order.
import { escapeMarkdown, REST, Routes, type APIChannel, type APIGuild } from 'discord.js';
import { ConfigError, type Config } from '../config.ts';
import { describePausedTarget } from '../domain/describePausedTarget.ts';
import { parseTarget, TargetError, type Target } from '../domain/parseTarget.ts';
import type { Pool } from '../db/createPool.ts';
import type { Logger } from '../logger.ts';
import { budgetRateOf, createSendBudget } from './createSendBudget.ts';
import { DeliveryError, type ChannelAdapter, type OutgoingMessage } from './ChannelAdapter.ts';
import { createDiscordRestOptions, type DiscordRestTuning } from './discord/createDiscordRestOptions.ts';
import type { AlertRenderOptions } from './discord/renderAlertEmbeds.ts';
import { renderMessagePages } from './discord/renderMessagePages.ts';
import { sendEmbedPages, type PageDestination } from './discord/sendEmbedPages.ts';

// Discord's global limit for a bot: 50 requests a second.
export const DISCORD_GLOBAL_PER_SECOND = 50;

export type { DiscordRestTuning } from './discord/createDiscordRestOptions.ts';

export interface DiscordAdapterOptions extends AlertRenderOptions {
  /** The bot's REST (client.rest) or one of its own, with the bot token set. */
  rest: REST;
  logger: Logger;
  onClose?: () => Promise<void>;
  /** The bot-wide send budget shared with other processes. */
  budget?: { take(): Promise<void> };
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
    messagesPerSecond: DISCORD_GLOBAL_PER_SECOND,

    async send(message: OutgoingMessage): Promise<void> {
      const target = readTarget(message, 'discord');
      const pages = renderMessagePages(message, options);
      const destination: PageDestination = { kind: 'channel', channelId: target.channelId };
      try {
        await sendEmbedPages(rest, destination, pages, { groupKey: message.groupKey, signal: message.signal, budget: options.budget });
      } catch (error) {
        const failure = error as DeliveryError;
        logger.debug({ channelId: target.channelId, reason: failure.reason, kind: failure.kind, pages: pages.length }, 'discord send failed');
        throw failure;
      }
    },

    // A bot can open a direct message with any member of a guild it shares: the server's owner is told
    // (unless they closed direct messages, which Discord answers with 50007).
    async tellAdmins(notice) {
      const target = parseTarget(notice.target);
      if (target.channel !== 'discord') return 0;
      try {
        const channel = (await rest.get(Routes.channel(target.channelId))) as APIChannel & { guild_id?: string; name?: string };
        if (!channel.guild_id) return 0;
        const guild = (await rest.get(Routes.guild(channel.guild_id))) as APIGuild;
        const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: guild.owner_id } })) as APIChannel;
        const place = channel.name ? `#${channel.name} (${guild.name})` : guild.name;
        const content = escapeMarkdown(describePausedTarget({ ...notice, place }));
        await rest.post(Routes.channelMessages(dm.id), { body: { content, allowed_mentions: { parse: [] } } });
        return 1;
      } catch (error) {
        logger.debug({ target: notice.target, err: error }, 'could not tell the owner of the paused channel');
        return 0;
      }
    },

    async close() {
      await options.onClose?.();
    },
  };
}

/** The adapter alone, for `policywatch tick`: REST with the bot token, no gateway. */
export function createDiscordDeliveryAdapter(config: Config, logger: Logger, tuning: DiscordRestTuning = {}, pool?: Pool): ChannelAdapter {
  const token = config.discord.token;
  if (!token) throw new ConfigError('discord.token', null, 'a bot token', 'DISCORD_BOT_TOKEN');
  const rest = new REST(createDiscordRestOptions(config.discord.apiRoot, { pacedByBudget: pool !== undefined, ...tuning })).setToken(token);
  const child = logger.child({ component: 'discord' });
  return createDiscordAdapter({
    rest,
    logger: child,
    budget: pool ? createSendBudget({ pool, platform: 'discord', token, perSecond: budgetRateOf(DISCORD_GLOBAL_PER_SECOND), logger: child }) : undefined,
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
