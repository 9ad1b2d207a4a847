// A fake Discord on 127.0.0.1 for the real discord.js client: REST v10 under /api/v10 and the gateway on the
// same port (any WebSocket upgrade outside /api). Pass `rest: { api: fake.restApi }` to a discord.js Client or
// REST; GET /gateway/bot points the client at the gateway, so nothing ever leaves the machine.
// Sharded like Discord (see createGateway): /gateway/bot recommends a shard count for the guilds it has.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIApplicationCommand,
  APIApplicationCommandAutocompleteInteraction,
  APIChannel,
  APIChatInputApplicationCommandInteraction,
  APIInteraction,
  APIMessage,
  APIUser,
} from 'discord.js';
import { buildChannel, buildGuildCreate, buildUser, type FakeChannelConfig, type FakeGuildConfig } from './buildGuild.ts';
import { buildAutocomplete, buildSlashCommand, type AutocompleteInput, type SlashCommandInput } from './buildInteraction.ts';
import { buildRateLimitHeaders } from './buildRateLimitHeaders.ts';
import { createDiscordRateLimits } from './createDiscordRateLimits.ts';
import { createDiscordWorld, type InteractionResponseRecord } from './createDiscordWorld.ts';
import { createFailureScript, type DiscordFailure } from './createFailureScript.ts';
import { createGateway, type ReceivedPayload } from './createGateway.ts';
import { createRestRoutes, type RestAnswer } from './createRestRoutes.ts';
import { createSnowflakes } from './createSnowflakes.ts';
import { createWaiters } from './createWaiters.ts';
import { DiscordApiError, httpError } from './DiscordApiError.ts';
import { readDiscordBody, type UploadedFile } from './readDiscordBody.ts';
import { toPathPattern } from './toPathPattern.ts';

export { pickGuildIdOnShard, shardOfGuild } from './shardOfGuild.ts';
export { DiscordApiError, discordError, DISCORD_ERROR_CODES } from './DiscordApiError.ts';
export type { DiscordFailure } from './createFailureScript.ts';
export type { FakeChannelConfig, FakeGuildConfig, FakeMemberConfig, FakeRoleConfig } from './buildGuild.ts';
export type { AutocompleteInput, OptionValues, SlashCommandInput } from './buildInteraction.ts';
export type { InteractionResponseRecord } from './createDiscordWorld.ts';
export type { ReceivedPayload } from './createGateway.ts';
export type { UploadedFile } from './readDiscordBody.ts';
export { DEFAULT_USER_ID } from './buildInteraction.ts';

export interface StartFakeDiscordOptions {
  /** The bot token the fake accepts (REST "Bot <token>" and IDENTIFY). */
  token?: string;
  /** Also the bot user's id, as for every modern Discord application. */
  applicationId?: string;
  botUsername?: string;
  /** Guilds the bot is in; default one guild with one text channel (#alerts). */
  guilds?: FakeGuildConfig[];
  /** Answer 10003 Unknown Channel for channels not configured, instead of making them up. */
  strictChannels?: boolean;
  /** HELLO's heartbeat_interval; Discord's is 41250. */
  heartbeatIntervalMs?: number;
  /** Delay between READY and the GUILD_CREATEs (ms); they always go out as later frames. Default 0. */
  guildCreateDelayMs?: number;
  /** How long a nonce is remembered for enforce_nonce (Discord: "the past few minutes"). */
  nonceWindowMs?: number;
  /** Guilds one gateway session may hold before IDENTIFY is refused with 4011 (Discord: 2,500). */
  maxGuildsPerShard?: number;
  /** GET /gateway/bot's shards; default one per 1,000 guilds (Discord's rule of thumb), at least enough for maxGuildsPerShard. */
  recommendedShards?: number;
  /** session_start_limit.max_concurrency: discord.js identifies this many shards per 5 seconds. Default 1. */
  maxConcurrency?: number;
  /** Enforce Discord's global limit (50/s) and per-route buckets with 429s; off, every answer reports room left. */
  enforceLimits?: boolean;
  /** The clock the limits count on (a benchmark's virtual one); default Date.now. */
  now?: () => number;
}

export interface DiscordCall {
  method: string;
  /** Path after /api/v10, without the query string. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  files: UploadedFile[];
  headers: http.IncomingHttpHeaders;
  at: number;
  /** Set once answered. */
  status?: number;
  response?: unknown;
}

export interface FakeDiscord {
  readonly restApi: string;
  readonly gatewayUrl: string;
  readonly token: string;
  readonly applicationId: string;
  readonly bot: APIUser;
  /** The first guild and its first channel, for tests that need just one of each. */
  readonly guildId: string;
  readonly channelId: string;
  readonly calls: readonly DiscordCall[];
  readonly gatewayPayloads: readonly ReceivedPayload[];
  readonly interactionResponses: readonly InteractionResponseRecord[];
  /** Requests refused for a rate limit (only with enforceLimits). */
  readonly rateLimited: { readonly total: number; readonly global: number; readonly route: number };
  /** Every message created (channel posts, webhook posts, interaction replies incl. ephemeral: flags & 64), oldest first. */
  messages(channelId?: string): APIMessage[];
  commands(guildId?: string): APIApplicationCommand[];
  /** Forgets calls, messages, commands, interactions, nonces, scripted failures and gateway payloads. */
  reset(): void;
  dispatch(event: string, data: unknown, intent?: number): void;
  dispatchInteraction<T extends APIInteraction>(interaction: T): T;
  slashCommand(input: SlashCommandInput): APIChatInputApplicationCommandInteraction;
  autocomplete(input: AutocompleteInput): APIApplicationCommandAutocompleteInteraction;
  /** Adds a guild and sends GUILD_CREATE, as when the bot is invited; returns its id. */
  addGuild(config?: FakeGuildConfig): string;
  /** Sends GUILD_DELETE, as when the bot is removed. */
  removeGuild(guildId: string): void;
  addChannel(config: FakeChannelConfig & { guildId?: string }): APIChannel;
  addWebhook(input?: { channelId?: string; name?: string; id?: string; token?: string }): { id: string; token: string; url: string };
  failNext(failure: DiscordFailure): void;
  /** Resolves with the first matching call once answered, including earlier ones; rejects after timeoutMs. */
  waitForCall(method: string, pathPattern: string | RegExp, timeoutMs?: number): Promise<DiscordCall>;
  waitForInteractionResponse(interactionId: string, timeoutMs?: number): Promise<InteractionResponseRecord>;
  /** Gateway op 7 (the client resumes). */
  sendReconnect(): void;
  /** Gateway op 9. */
  invalidateSessions(resumable: boolean): void;
  disconnectGateway(code?: number): void;
  openGatewayConnections(): number;
  /** The [shard_id, num_shards] of every identified gateway session. */
  gatewaySessionShards(): Array<[number, number]>;
  close(): Promise<void>;
}

const GUILDS_INTENT = 1;
const GUILD_MESSAGES_INTENT = 1 << 9;
const DIRECT_MESSAGES_INTENT = 1 << 12;

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

export async function startFakeDiscord(options: StartFakeDiscordOptions = {}): Promise<FakeDiscord> {
  const applicationId = options.applicationId ?? '1300000000000000001';
  const token = options.token ?? `${Buffer.from(applicationId).toString('base64url')}.GFakeD.${'x'.repeat(38)}`;
  const bot = buildUser(applicationId, options.botUsername ?? 'PolicyWatch Test', true);
  const nextId = createSnowflakes();
  const world = createDiscordWorld({
    bot,
    applicationId,
    nextId,
    strictChannels: options.strictChannels ?? false,
    nonceWindowMs: options.nonceWindowMs ?? 2 * 60_000,
  });
  const guildConfigs = options.guilds ?? [{}];
  guildConfigs.forEach((config, index) =>
    world.addGuild(config, index === 0 ? { id: '1300000000000000100', channelId: '1300000000000000200' } : undefined),
  );
  const firstGuild = world.guilds.values().next().value;
  if (!firstGuild) throw new Error('The fake Discord needs at least one guild');

  let port = 0;
  const gatewayUrl = (): string => `ws://127.0.0.1:${port}`;
  const guildCreateOf = (guildId: string) => {
    const guild = world.guilds.get(guildId);
    if (!guild) throw new Error(`Unknown guild ${guildId}`);
    return buildGuildCreate(guild, guild.channelIds.map((id) => world.channelFor(id)));
  };
  const maxGuildsPerShard = options.maxGuildsPerShard ?? 2_500;
  const recommendedShards = (): number =>
    options.recommendedShards ?? Math.max(1, Math.ceil(world.guilds.size / 1_000), Math.ceil(world.guilds.size / maxGuildsPerShard));
  const gateway = createGateway({
    token,
    maxGuildsPerShard,
    bot,
    applicationId,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    guildCreateDelayMs: options.guildCreateDelayMs ?? 0,
    url: gatewayUrl,
    guildCreates: () => [...world.guilds.keys()].map(guildCreateOf),
    nextSessionId: () => nextId().slice(-12) + Math.random().toString(16).slice(2, 22),
  });
  const routes = createRestRoutes(world, {
    gatewayUrl,
    recommendedShards,
    maxConcurrency: options.maxConcurrency ?? 1,
    onMessage(event, message) {
      const inGuild = (message as APIMessage & { guild_id?: string }).guild_id !== undefined;
      gateway.dispatch(event, message, inGuild ? GUILD_MESSAGES_INTENT : DIRECT_MESSAGES_INTENT);
    },
  });
  const failures = createFailureScript();
  const limits = options.enforceLimits ? createDiscordRateLimits(options.now) : null;
  const calls: DiscordCall[] = [];
  const callWaiters = createWaiters<DiscordCall>();
  const responseWaiters = createWaiters<InteractionResponseRecord>();

  function respond(res: http.ServerResponse, call: DiscordCall, answer: RestAnswer): void {
    call.status = answer.status;
    call.response = answer.body;
    if (!res.destroyed && !res.writableEnded) {
      if (answer.status === 204 || answer.body === undefined) {
        // No body and no Content-Type: @discordjs/rest then reads an empty ArrayBuffer instead of JSON.
        res.writeHead(answer.status, answer.headers);
        res.end();
      } else {
        const text = JSON.stringify(answer.body);
        res.writeHead(answer.status, { ...answer.headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
        res.end(text);
      }
    }
    callWaiters.notify(call);
    const latest = world.interactionResponses.at(-1);
    if (latest && call.path.endsWith('/callback') && answer.status < 300) responseWaiters.notify(latest);
  }

  async function serve(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const versioned = /^\/api\/v(\d+)(\/.*)$/.exec(url.pathname);
    // Clients percent-encode "@" in /users/@me and /messages/@original; Discord decodes each segment.
    const path = decodePath(versioned?.[2] ?? url.pathname);
    const call: DiscordCall = { method, path, query: Object.fromEntries(url.searchParams), body: undefined, files: [], headers: req.headers, at: Date.now() };
    calls.push(call);
    try {
      const body = await readDiscordBody(req);
      call.body = body.json;
      call.files = body.files;
      if (!versioned || (versioned[1] !== '10' && versioned[1] !== '9')) throw httpError(404);
      const matching = routes.filter((route) => route.pattern.test(path));
      if (matching.length === 0) throw httpError(404);
      const route = matching.find((candidate) => candidate.method === method);
      if (!route) throw httpError(405);
      if (route.auth && req.headers.authorization !== `Bot ${token}`) throw httpError(401);
      const limited = limits?.check(method, path);
      if (limited?.refused) return respond(res, call, { status: 429, body: limited.refused.body, headers: limited.headers });
      const scripted = failures.take(method, path);
      if (scripted) return respond(res, call, scripted);
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(route.pattern.exec(path)?.groups ?? {})) params[name] = value;
      const answer = route.handle({ method, path, params, query: url.searchParams, body: body.json, files: body.files });
      respond(res, call, { ...answer, headers: { ...(limited?.headers ?? buildRateLimitHeaders(method, path)), ...answer.headers } });
    } catch (error) {
      if (error instanceof DiscordApiError) {
        return respond(res, call, { status: error.status, body: error.body, headers: { ...buildRateLimitHeaders(method, path), ...error.headers } });
      }
      const message = error instanceof Error ? error.message : String(error);
      respond(res, call, { status: 500, body: { message: `500: Internal Server Error (${message})`, code: 0 } });
    }
  }

  const server = http.createServer((req, res) => void serve(req, res));
  // Longer than any test: an idle keep-alive socket closing under a client mid-request reads as ECONNRESET.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.on('upgrade', (req, socket, head) => {
    if ((req.url ?? '/').startsWith('/api')) {
      socket.destroy();
      return;
    }
    gateway.handleUpgrade(req, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | null = null;

  return {
    restApi: `http://127.0.0.1:${port}/api`,
    gatewayUrl: gatewayUrl(),
    token,
    applicationId,
    bot,
    guildId: firstGuild.id,
    channelId: firstGuild.channelIds[0] ?? '',
    calls,
    gatewayPayloads: gateway.received,
    interactionResponses: world.interactionResponses,
    rateLimited: limits?.rateLimited ?? { total: 0, global: 0, route: 0 },

    messages: (channelId) => (channelId === undefined ? [...world.messages] : world.messages.filter((message) => message.channel_id === channelId)),
    commands: (guildId) => [...(world.commands.get(guildId ?? 'global') ?? [])],

    reset() {
      calls.length = 0;
      world.reset();
      limits?.reset();
      failures.clear();
      gateway.received.length = 0;
    },

    dispatch: (event, data, intent) => gateway.dispatch(event, data, intent),

    dispatchInteraction(interaction) {
      world.interactions.set(interaction.id, { payload: interaction, acknowledged: false });
      gateway.dispatch('INTERACTION_CREATE', interaction);
      return interaction;
    },

    slashCommand: (input) => buildSlashCommand(world, input),
    autocomplete: (input) => buildAutocomplete(world, input),

    addGuild(config = {}) {
      const guild = world.addGuild(config);
      gateway.dispatch('GUILD_CREATE', guildCreateOf(guild.id), GUILDS_INTENT);
      return guild.id;
    },

    removeGuild(guildId) {
      world.removeGuild(guildId);
      gateway.dispatch('GUILD_DELETE', { id: guildId }, GUILDS_INTENT);
    },

    addChannel({ guildId = firstGuild.id, ...config }) {
      const guild = world.guilds.get(guildId);
      if (!guild) throw new Error(`Unknown guild ${guildId}`);
      const channel = buildChannel(config.id ?? nextId(), guildId, config, guild.channelIds.length);
      world.channels.set(channel.id, channel);
      guild.channelIds.push(channel.id);
      gateway.dispatch('CHANNEL_CREATE', channel, GUILDS_INTENT);
      return channel;
    },

    addWebhook(input = {}) {
      const channelId = input.channelId ?? firstGuild.channelIds[0] ?? world.channelFor(nextId()).id;
      const id = input.id ?? nextId();
      const webhookToken = input.token ?? Buffer.from(`webhook:${id}:${Math.random()}`).toString('base64url');
      world.webhooks.set(id, { id, token: webhookToken, channelId, guildId: world.guildIdOf(channelId), name: input.name ?? 'PolicyWatch Alerts' });
      return { id, token: webhookToken, url: `http://127.0.0.1:${port}/api/webhooks/${id}/${webhookToken}` };
    },

    failNext: (failure) => failures.add(failure),

    waitForCall(method, pathPattern, timeoutMs = 5_000) {
      const pattern = toPathPattern(pathPattern);
      const wanted = method.toUpperCase();
      return callWaiters.wait(
        calls.filter((call) => call.status !== undefined),
        (call) => call.method === wanted && pattern.test(call.path),
        timeoutMs,
        () => `No ${wanted} ${String(pathPattern)} within ${timeoutMs} ms (calls: ${calls.map((call) => `${call.method} ${call.path}`).join(', ') || 'none'})`,
      );
    },

    waitForInteractionResponse(interactionId, timeoutMs = 5_000) {
      return responseWaiters.wait(
        world.interactionResponses,
        (response) => response.interactionId === interactionId,
        timeoutMs,
        () => `No response to interaction ${interactionId} within ${timeoutMs} ms`,
      );
    },

    sendReconnect: () => gateway.sendReconnect(),
    invalidateSessions: (resumable) => gateway.invalidateSessions(resumable),
    disconnectGateway: (code = 4000) => gateway.disconnect(code),
    openGatewayConnections: () => gateway.openConnections(),
    gatewaySessionShards: () => gateway.sessionShards(),

    close() {
      closed ??= new Promise<void>((resolve) => {
        const error = new Error('The fake Discord server was closed');
        callWaiters.rejectAll(error);
        responseWaiters.rejectAll(error);
        gateway.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
