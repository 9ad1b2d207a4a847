// The Discord bot: one discord.js Client that logs in to the gateway, registers the slash commands (to one
// guild when DISCORD_GUILD_ID is set, as that takes effect at once; otherwise globally) and answers
// interactions. Its REST also carries the alerts, so one set of rate-limit buckets paces both. Returns the
// delivery adapter for the worker and stop() for shutdown.
import { Client, Events, GatewayIntentBits, Partials, Routes } from 'discord.js';
import type { Clock } from '../../clock.ts';
import { ConfigError, type Config } from '../../config.ts';
import type { Pool } from '../../db/createPool.ts';
import type { Logger } from '../../logger.ts';
import type { ChannelAdapter } from '../../notify/ChannelAdapter.ts';
import { createDiscordAdapter } from '../../notify/discord.ts';
import { createDiscordRestOptions, type DiscordRestTuning } from '../../notify/discord/createDiscordRestOptions.ts';
import { alertPolicyOf } from '../../schedule/alertPolicyOf.ts';
import { buildCommands } from './buildCommands.ts';
import type { DiscordBotDeps } from './DiscordCommand.ts';
import { handleInteraction } from './handleInteraction.ts';

export interface DiscordBotOptions {
  config: Config;
  pool: Pool;
  clock: Clock;
  logger: Logger;
  /** REST tuning (tests shorten retries and timeouts). */
  tuning?: DiscordRestTuning;
  /** Defer a command's reply not sent after this long; default 2000 ms, inside Discord's 3 s. */
  deferAfterMs?: number;
}

export interface DiscordBotHandle {
  adapter: ChannelAdapter;
  client: Client<true>;
  stop(): Promise<void>;
}

export class DiscordBotError extends Error {
  constructor(
    readonly step: 'login',
    readonly problem: string,
    options: { cause?: unknown } = {},
  ) {
    super(`Discord bot: ${problem}`, options);
    this.name = 'DiscordBotError';
  }
}

export async function startDiscordBot(options: DiscordBotOptions): Promise<DiscordBotHandle> {
  const { config, pool, clock } = options;
  const logger = options.logger.child({ component: 'discord' });
  const token = config.discord.token;
  if (!token) throw new ConfigError('discord.token', null, 'a bot token', 'DISCORD_BOT_TOKEN');
  // Interactions arrive without privileged intents; Guilds keeps channels and roles cached for the checks.
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    partials: [Partials.Channel],
    rest: createDiscordRestOptions(config.discord.apiRoot, options.tuning),
  });
  const deps: DiscordBotDeps = {
    pool,
    clock,
    logger,
    config,
    policy: alertPolicyOf(config),
    editors: new Set(config.discord.editors),
    editorRoleId: config.discord.editorRoleId,
    languagePreferences: new Map(),
  };
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) return;
    const handled = handleInteraction(interaction, deps, { deferAfterMs: options.deferAfterMs ?? 2_000 }).catch((error: unknown) =>
      logger.error({ err: error }, 'Discord interaction failed'),
    );
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
  });
  client.on(Events.Error, (error) => logger.warn({ err: error }, 'Discord client error'));
  client.on(Events.ShardDisconnect, (event) => logger.warn({ code: event.code }, 'Discord gateway disconnected'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(token);
  } catch (error) {
    await client.destroy();
    throw new DiscordBotError('login', `cannot log in at ${config.discord.apiRoot} (${(error as Error).message})`, { cause: error });
  }
  const readyClient = await ready;
  const applicationId = readyClient.application.id;
  const guildId = config.discord.guildId;
  try {
    const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
    await readyClient.rest.put(route, { body: buildCommands() });
    logger.info({ scope: guildId ? `guild ${guildId}` : 'global' }, 'Discord slash commands registered');
  } catch (error) {
    // The previous registration (if any) keeps working; alerts do not depend on it.
    logger.warn({ err: error }, 'could not register the Discord slash commands');
  }
  logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'Discord bot is online');

  const adapter = createDiscordAdapter({ rest: readyClient.rest, logger, timezone: config.timezone, sendAt: config.alerts.sendAt });
  let stopped: Promise<void> | null = null;
  return {
    adapter,
    client: readyClient,
    stop() {
      stopped ??= (async () => {
        stopping = true;
        // Commands being answered finish first: they reply through the client's REST.
        await Promise.allSettled([...inFlight]);
        await client.destroy();
        logger.info('Discord bot stopped');
      })();
      return stopped;
    },
  };
}
