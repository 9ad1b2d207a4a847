// The Discord bot: one discord.js Client that logs in to the gateway with every shard (discord.shards, internal
// sharding), registers the slash commands (to one guild when DISCORD_GUILD_ID is set, as that takes effect at
// once; otherwise globally; only when Discord's differ, one replica at a time) and answers interactions from
// whichever shard brings them, each claimed first so that of several replicas only one answers it. Alerts go
// through a REST client of their own (paced by the send budget shared across processes), so they do not
// depend on the gateway or its shards. Returns the delivery adapter for the worker, the gateway's
// reachability and each shard's state for /healthz, and stop() for shutdown.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Client, Events, GatewayIntentBits, Partials, REST, Routes } from 'discord.js';
import type { Clock } from '../../clock.ts';
import { ConfigError, type Config } from '../../config.ts';
import type { ShardHealth } from '../../services/checkHealth.ts';
import type { Pool } from '../../services/database.ts';
import { claimDiscordInteraction } from '../../services/discordInteractions.ts';
import { takeTurns } from '../../services/takeTurns.ts';
import type { Logger } from '../../logger.ts';
import type { ChannelAdapter } from '../../notify/ChannelAdapter.ts';
import { createDiscordDeliveryAdapter } from '../../notify/discord.ts';
import { createDiscordRestOptions, type DiscordRestTuning } from '../../notify/discord/createDiscordRestOptions.ts';
import { alertPolicyOf } from '../../schedule/alertPolicyOf.ts';
import { retryWithBackoff } from '../retryWithBackoff.ts';
import { trackReachability, type Reachability } from '../trackReachability.ts';
import { createOutcomeTeller } from '../createOutcomeTeller.ts';
import { formatMilestoneRef } from '../formatDueLine.ts';
import { buildShardOptions } from './buildShardOptions.ts';
import { registerDiscordCommands } from './registerDiscordCommands.ts';
import { trackShards } from './trackShards.ts';
import { statusLabel } from '../describeProposal.ts';
import { textsFor } from './texts.ts';
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
  /** How often proposers are told outcomes decided elsewhere (CLI, Telegram). */
  outcomeEveryMs?: number;
}

export interface DiscordBotHandle {
  adapter: ChannelAdapter;
  /** Whether the gateway is connected, for /healthz. */
  reachability: Reachability;
  /** Each gateway shard of the current client (empty before it knows how many), for /healthz. */
  shards(): ShardHealth[];
  /** Settles when the bot is first online (never, if Discord stays away). */
  online: Promise<void>;
  stop(): Promise<void>;
}

// How long a login may wait for the gateway's READY before the attempt counts as failed.
const READY_TIMEOUT_MS = 30_000;
// How long an interaction waits for its claim before it is answered unclaimed, well inside Discord's 3 s.
const CLAIM_WAIT_MS = 1_000;
// Each step of stop() gets at most this long: the first Ctrl-C ends the service within seconds.
const STOP_STEP_MS = 1_500;

async function atMost(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * Wires the bot and returns at once: logging in to the gateway happens in the background with a bounded
 * backoff, so an unreachable Discord blocks neither the start of the service nor its shutdown. Alerts go
 * through a REST client of their own, which needs no gateway (a failed login destroys the client, and with
 * it the token of the client's REST).
 */
export function startDiscordBot(options: DiscordBotOptions): DiscordBotHandle {
  const { config, pool, clock } = options;
  const logger = options.logger.child({ component: 'discord' });
  const token = config.discord.token;
  if (!token) throw new ConfigError('discord.token', null, 'a bot token', 'DISCORD_BOT_TOKEN');
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
  const reachability = trackReachability('discord', logger);
  const shards = trackShards(reachability);
  const controller = new AbortController();
  const inFlight = new Set<Promise<void>>();
  let client: Client | null = null;
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  // Every replica holding a shard receives its interactions; the claim lets one answer. If the database fails
  // or is slow, the interaction is answered anyway (Discord waits 3 s): a possible repeat beats no answer.
  const claimInteraction = async (interactionId: string): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), CLAIM_WAIT_MS)));
    try {
      return await Promise.race([claimDiscordInteraction(pool, interactionId, owner), late]);
    } catch (error) {
      logger.warn({ err: error }, 'could not claim a Discord interaction; answering it anyway');
      return true;
    } finally {
      clearTimeout(timer);
    }
  };

  // A fresh client per login attempt: discord.js destroys the client when a login fails.
  const createClient = (): Client => {
    // Interactions arrive without privileged intents; Guilds keeps channels and roles cached for the checks.
    const created = new Client({
      intents: [GatewayIntentBits.Guilds],
      partials: [Partials.Channel],
      rest: createDiscordRestOptions(config.discord.apiRoot, options.tuning),
      ...buildShardOptions(config.discord.shards),
    });
    shards.reset();
    created.on(Events.InteractionCreate, (interaction) => {
      if (controller.signal.aborted) return;
      const handled = (async () => {
        if (!(await claimInteraction(interaction.id))) return; // another replica answers it
        await handleInteraction(interaction, deps, { deferAfterMs: options.deferAfterMs ?? 2_000 });
      })().catch((error: unknown) => logger.error({ err: error }, 'Discord interaction failed'));
      inFlight.add(handled);
      void handled.finally(() => inFlight.delete(handled));
    });
    created.on(Events.Error, (error) => logger.warn({ err: error }, 'Discord client error'));
    created.on(Events.ShardDisconnect, (event, id) => {
      if (controller.signal.aborted) return;
      shards.disconnected(id, event.code);
      logger.error({ shard: id, code: event.code }, 'Discord gateway shard closed for good; its servers get no commands until a restart');
    });
    created.on(Events.ShardReconnecting, (id) => {
      if (!controller.signal.aborted) shards.reconnecting(id);
    });
    created.on(Events.ShardResume, (id) => shards.ready(id));
    created.on(Events.ShardReady, (id) => {
      // With "auto" the ids are known only now (discord.js asked the gateway how many shards to run).
      shards.know(created.ws.shards.keys());
      shards.ready(id);
    });
    return created;
  };

  const logIn = async (signal: AbortSignal): Promise<Client<true>> => {
    const attempt = createClient();
    client = attempt;
    let onAbort: () => void = () => undefined;
    let timer: NodeJS.Timeout | undefined;
    const ready = new Promise<Client<true>>((resolve, reject) => {
      attempt.once(Events.ClientReady, resolve);
      onAbort = () => reject(new Error('stopped'));
      signal.addEventListener('abort', onAbort, { once: true });
      timer = setTimeout(() => reject(new Error(`no READY from the gateway within ${READY_TIMEOUT_MS / 1000}s`)), READY_TIMEOUT_MS);
    });
    try {
      await attempt.login(token);
      return await ready;
    } catch (error) {
      client = null;
      await attempt.destroy().catch(() => undefined);
      throw error;
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      ready.catch(() => undefined);
    }
  };

  let markOnline: () => void = () => undefined;
  const online = new Promise<void>((resolve) => (markOnline = resolve));
  const run = async (): Promise<void> => {
    let readyClient: Client<true> | null = null;
    const connected = await retryWithBackoff(
      async (signal) => {
        readyClient = await logIn(signal);
      },
      { signal: controller.signal, onFailure: (error, retryInMs) => reachability.failed(error, retryInMs) },
    );
    if (!connected || !readyClient) return;
    const ready: Client<true> = readyClient;
    reachability.reached();
    const applicationId = ready.application.id;
    const guildId = config.discord.guildId;
    const scope = guildId ? `guild ${guildId}` : 'global';
    try {
      // Once per client (not per shard), and across replicas one at a time, each comparing with Discord's copy.
      const written = await takeTurns(pool, `discord-commands:${applicationId}:${scope}`, () => registerDiscordCommands(ready, guildId));
      logger.info({ scope }, written ? 'Discord slash commands registered' : 'Discord slash commands already up to date');
    } catch (error) {
      // The previous registration (if any) keeps working; alerts do not depend on it.
      logger.warn({ err: error }, 'could not register the Discord slash commands');
    }
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, shards: ready.ws.shards.size }, 'Discord bot is online');
    markOnline();
  };
  const running = run().catch((error: unknown) => logger.error({ err: error }, 'Discord connection loop failed'));

  const adapter = createDiscordDeliveryAdapter(config, options.logger, options.tuning ?? {}, pool);
  // Proposal outcomes, like alerts, go through a REST of their own: the gateway may be away.
  const outcomeRest = new REST(createDiscordRestOptions(config.discord.apiRoot, options.tuning)).setToken(token);
  const outcomes = createOutcomeTeller({
    platform: 'discord',
    pool,
    logger,
    now: () => clock.now(),
    everyMs: options.outcomeEveryMs,
    async send(p) {
      const channelId = p.replyTarget!.slice('discord:'.length);
      const language = p.replyLanguage ?? 'zh-HK';
      const ref = formatMilestoneRef(p.ref, p.seq, p.milestoneCount);
      const userId = p.proposer.startsWith('discord:') ? p.proposer.slice('discord:'.length) : null;
      const text = textsFor(language).outcome(p.id, p.state === 'approved', ref, statusLabel(p.milestoneStatus, language), p.decisionNote);
      // The proposer is mentioned (and only the proposer), so the answer reaches them in a busy channel.
      await outcomeRest.post(Routes.channelMessages(channelId), {
        body: { content: userId ? `<@${userId}> ${text}` : text, allowed_mentions: { parse: [], users: userId ? [userId] : [] } },
      });
    },
  });
  deps.onProposalDecided = () => outcomes.wake();
  let stopped: Promise<void> | null = null;
  return {
    adapter,
    reachability,
    shards: () => shards.list(),
    online,
    stop() {
      stopped ??= (async () => {
        controller.abort(); // ends a backoff wait or a login waiting for READY
        // Commands being answered finish first: they reply through the client's REST.
        await atMost(Promise.allSettled([...inFlight]), STOP_STEP_MS);
        await atMost(client?.destroy() ?? Promise.resolve(), STOP_STEP_MS);
        await atMost(running, STOP_STEP_MS);
        await atMost(outcomes.stop(), STOP_STEP_MS);
        outcomeRest.clearHashSweeper();
        outcomeRest.clearHandlerSweeper();
        logger.info('Discord bot stopped');
      })();
      return stopped;
    },
  };
}
