// The channel adapters this configuration can use. The console is always there; Telegram and Discord
// need their bot tokens. In the service the running bots hand in their own adapters, which share the
// bots' clients (one pace for replies and alerts); `policywatch tick` gets REST-only ones.
import type { Config } from '../config.ts';
import type { Pool } from '../db/createPool.ts';
import type { Logger } from '../logger.ts';
import type { ChannelAdapter } from './ChannelAdapter.ts';
import { createConsoleAdapter } from './console.ts';
import { createDiscordDeliveryAdapter, createDiscordWebhookAdapter } from './discord.ts';
import { createTelegramDeliveryAdapter } from './telegram.ts';

export interface AdapterOptions {
  consoleStream?: NodeJS.WritableStream;
  /** The running Telegram bot's adapter; without it a REST-only one is made when a token is set. */
  telegram?: ChannelAdapter;
  /** The running Discord bot's adapter, likewise. */
  discord?: ChannelAdapter;
  /** Shares each bot's send budget with the other processes using the same token. */
  pool?: Pool;
}

export async function createAdapters(config: Config, logger: Logger, options: AdapterOptions = {}): Promise<ChannelAdapter[]> {
  const adapters: ChannelAdapter[] = [createConsoleAdapter(options.consoleStream)];
  if (options.telegram) adapters.push(options.telegram);
  else if (config.telegram.token) adapters.push(createTelegramDeliveryAdapter(config, logger, { pool: options.pool }));
  // One adapter per channel: the worker keys them by channel.
  if (options.discord) adapters.push(options.discord);
  else if (config.discord.token) adapters.push(createDiscordDeliveryAdapter(config, logger, {}, options.pool));
  adapters.push(createDiscordWebhookAdapter({ config, logger }));
  return adapters;
}
