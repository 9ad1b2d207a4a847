// Discord sharding: a real discord.js client with discord.shards "auto" or a fixed count, against a fake Discord
// that shards like Discord (IDENTIFY's [id, count], each guild's events only on shard (guild_id >> 22) % count,
// 4010 for an invalid shard, 4011 when one session would hold too many guilds). Commands are answered from the
// shard that holds the guild, alerts reach channels on the other shards, and /healthz lists every shard.
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import { WebSocket } from 'ws';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDiscordBot, type DiscordBotHandle } from '../../../src/bots/discord/startDiscordBot.ts';
import { createFixedClock } from '../../../src/clock.ts';
import { loadConfig, type Config } from '../../../src/config.ts';
import { alertPolicyOf } from '../../../src/schedule/alertPolicyOf.ts';
import { runTick } from '../../../src/schedule/runTick.ts';
import { checkHealth } from '../../../src/services/checkHealth.ts';
import { findSubscription } from '../../../src/services/subscriptions.ts';
import { pickGuildIdOnShard, shardOfGuild, startFakeDiscord, type FakeDiscord } from '../../fakes/discord/startFakeDiscord.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { seedTestDatabase, silentLogger } from '../../support/seedTestDatabase.ts';

const SUBSCRIBED_AT = '2024-12-20T12:00:00+08:00';
const ALERTS_AT = '2024-12-24T09:30:00+08:00';
const MANAGE_CHANNELS = String(PermissionFlagsBits.ManageChannels);
const TUNING = { rest: { retries: 1, timeout: 2_000 }, maxRateLimitWaitMs: 500 };

let db: TestDatabase;
let fake: FakeDiscord | null = null;
let bot: DiscordBotHandle | null = null;
const clock = createFixedClock(SUBSCRIBED_AT);

/** One guild per listed shard of shardCount, each with one text channel; returns [guildId, channelId] per shard. */
function shardedGuilds(shardCount: number, onShards: number[]) {
  return onShards.map((shard, nth) => {
    const guildId = pickGuildIdOnShard(shard, shardCount, nth);
    const channelId = String(BigInt(guildId) + 1000n);
    return { shard, guildId, channelId, config: { id: guildId, name: `Shard ${shard} server`, channels: [{ id: channelId, name: 'alerts' }] } };
  });
}

function configFor(discord: FakeDiscord, shards: string): Config {
  // No DISCORD_GUILD_ID: global commands, usable in the guilds of every shard.
  return loadConfig({ env: { DISCORD_BOT_TOKEN: discord.token, DISCORD_API_ROOT: discord.restApi, DISCORD_SHARDS: shards } });
}

async function health(handle: DiscordBotHandle) {
  return checkHealth({
    pool: db.pool,
    platforms: { discord: () => handle.reachability.current() },
    shards: { discord: () => handle.shards() },
    lastTick: () => ({ at: null, ok: null, error: null, lastSuccessAt: null }),
    deliverableChannels: ['console', 'discord'],
  });
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedTestDatabase(db.pool);
});

afterAll(async () => {
  await db.drop();
});

beforeEach(async () => {
  await db.pool.query('TRUNCATE notifications, scheduler_state, subscriptions RESTART IDENTITY CASCADE');
  clock.set(SUBSCRIBED_AT);
});

afterEach(async () => {
  await bot?.stop();
  bot = null;
  await fake?.close();
  fake = null;
});

describe.each([
  { setting: 'auto', shardCount: 2, commandShard: 1, alertShard: 0 },
  { setting: '3', shardCount: 3, commandShard: 1, alertShard: 2 },
])('discord.shards = $setting', ({ setting, shardCount, commandShard, alertShard }) => {
  it('runs every shard in one client: commands from the shard holding the guild, alerts to another shard, health per shard', async () => {
    const guilds = shardedGuilds(shardCount, [0, commandShard, alertShard].filter((shard, index, all) => all.indexOf(shard) === index));
    // One guild per session at most: an unsharded client would be refused (4011), and "auto" must take the
    // recommended count from GET /gateway/bot.
    fake = await startFakeDiscord({ guilds: guilds.map((guild) => guild.config), maxGuildsPerShard: 1, recommendedShards: shardCount, maxConcurrency: 16 });
    const discord = fake;
    const config = configFor(discord, setting);
    bot = startDiscordBot({ config, pool: db.pool, clock, logger: silentLogger, tuning: TUNING });
    const handle = bot;
    await waitUntil(() => handle.shards().length === shardCount && handle.shards().every((shard) => shard.state === 'ready'), 'every shard ready', 15_000);
    await bot.online; // the commands are registered

    // Every shard identified with [id, count], as one process; GUILD_CREATEs went to the right sessions.
    expect(discord.gatewaySessionShards().sort((a, b) => a[0] - b[0])).toEqual(Array.from({ length: shardCount }, (_, id) => [id, shardCount]));
    const identifies = discord.gatewayPayloads.filter((payload) => payload.op === 2).map((payload) => (payload.d as { shard?: unknown }).shard);
    expect(identifies).toHaveLength(shardCount);
    for (const guild of guilds) expect(shardOfGuild(guild.guildId, shardCount)).toBe(guild.shard);

    // /healthz: every shard ready, the service ok.
    const report = await health(bot);
    expect(report.status).toBe('ok');
    expect(report.platforms.discord).toBe('ok');
    expect(report.shards?.discord?.map((shard) => [shard.id, shard.state])).toEqual(Array.from({ length: shardCount }, (_, id) => [id, 'ready']));

    // A slash command in the guild on shard `commandShard`: only that shard's session receives it, and it is answered.
    const commandGuild = guilds.find((guild) => guild.shard === commandShard)!;
    const command = discord.dispatchInteraction(
      discord.slashCommand({ name: 'subscribe', options: { bureau: 'DEVB' }, guildId: commandGuild.guildId, channelId: commandGuild.channelId, memberPermissions: MANAGE_CHANNELS, locale: 'en-US' }),
    );
    const answer = await discord.waitForInteractionResponse(command.id);
    expect(answer.type).toBe(4);
    expect(await findSubscription(db.pool, `discord:${commandGuild.channelId}`)).toMatchObject({ bureaus: ['DEVB'] });

    // The channel of a guild on shard `alertShard` subscribes too; the tick's alerts reach both channels.
    const alertGuild = guilds.find((guild) => guild.shard === alertShard)!;
    const second = discord.dispatchInteraction(
      discord.slashCommand({ name: 'subscribe', options: { bureau: 'DEVB' }, guildId: alertGuild.guildId, channelId: alertGuild.channelId, memberPermissions: MANAGE_CHANNELS }),
    );
    await discord.waitForInteractionResponse(second.id);
    clock.set(ALERTS_AT);
    await runTick({
      pool: db.pool,
      clock,
      logger: silentLogger,
      policy: alertPolicyOf(config),
      adapters: [bot.adapter],
      leaseMs: 30_000,
      maxAttempts: 5,
      waitMs: 60_000,
      sleep: async (ms) => {
        clock.advance(ms);
        await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 1_200)));
      },
    });
    const alertsIn = (channelId: string): APIMessage[] => discord.messages(channelId).filter((message) => message.type === 0 && message.embeds.length > 0);
    for (const guild of [commandGuild, alertGuild]) {
      const text = JSON.stringify(alertsIn(guild.channelId).flatMap((message) => message.embeds));
      expect(text, `alerts in the guild on shard ${guild.shard}`).toContain('PA2024-7-03');
    }
  }, 60_000);
});

describe('two replicas, each holding every shard', () => {
  let other: DiscordBotHandle | null = null;
  afterEach(async () => {
    await other?.stop();
    other = null;
  });

  it('both receive each command of a shard; one answers it, once, and the commands are written once', async () => {
    const guilds = shardedGuilds(2, [0, 1]);
    fake = await startFakeDiscord({ guilds: guilds.map((guild) => guild.config), maxGuildsPerShard: 1, maxConcurrency: 16 });
    const discord = fake;
    const config = configFor(discord, 'auto');
    bot = startDiscordBot({ config, pool: db.pool, clock, logger: silentLogger, tuning: TUNING });
    other = startDiscordBot({ config, pool: db.pool, clock, logger: silentLogger, tuning: TUNING });
    await Promise.all([bot.online, other.online]);
    expect(discord.gatewaySessionShards().sort()).toEqual([[0, 2], [0, 2], [1, 2], [1, 2]]);
    expect(discord.calls.filter((call) => call.method === 'PUT' && call.path.endsWith('/commands'))).toHaveLength(1);

    const [, onShardOne] = guilds;
    const ids: string[] = [];
    for (const name of ['subscribe', 'subscriptions', 'upcoming']) {
      const interaction = discord.dispatchInteraction(
        discord.slashCommand({ name, options: name === 'subscribe' ? { bureau: 'DEVB' } : {}, guildId: onShardOne!.guildId, channelId: onShardOne!.channelId, memberPermissions: MANAGE_CHANNELS }),
      );
      await discord.waitForInteractionResponse(interaction.id);
      ids.push(interaction.id);
    }
    await new Promise((resolve) => setTimeout(resolve, 300)); // room for a second answer, were there one
    const callbacks = discord.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/callback'));
    // One callback per command, all accepted: the other replica did not try (it would get 40060).
    expect(callbacks.map((call) => call.status)).toEqual([204, 204, 204]);
    expect(discord.interactionResponses.map((response) => response.interactionId)).toEqual(ids);
  }, 60_000);
});

describe('shards that are not ready', () => {
  it('an unsharded client is refused with 4011 when Discord requires sharding; /healthz shows the shard disconnected', async () => {
    const guilds = shardedGuilds(2, [0, 1]);
    fake = await startFakeDiscord({ guilds: guilds.map((guild) => guild.config), maxGuildsPerShard: 1, maxConcurrency: 16 });
    bot = startDiscordBot({ config: configFor(fake, '1'), pool: db.pool, clock, logger: silentLogger, tuning: TUNING });
    const handle = bot;
    await waitUntil(() => handle.shards().some((shard) => shard.state === 'disconnected'), 'the shard to be closed with 4011');
    const report = await health(handle);
    expect(report.status).toBe('degraded');
    expect(report.shards?.discord).toEqual([{ id: 0, state: 'disconnected', since: expect.any(String), reason: 'code 4011' }]);
    expect(report.platforms.discord).toMatch(/^unreachable since /);
  }, 30_000);

  it('with a fixed count lower than Discord requires, the shard holding too many guilds is refused and the service is degraded', async () => {
    // Three guilds, two of them on shard 1 of 2: that session would hold two, above the limit of one.
    const guilds = shardedGuilds(2, [0, 1, 1]);
    fake = await startFakeDiscord({ guilds: guilds.map((guild) => guild.config), maxGuildsPerShard: 1, maxConcurrency: 16 });
    bot = startDiscordBot({ config: configFor(fake, '2'), pool: db.pool, clock, logger: silentLogger, tuning: TUNING });
    const handle = bot;
    await waitUntil(() => handle.shards().some((shard) => shard.state === 'disconnected'), 'shard 1 to be closed with 4011');
    const report = await health(handle);
    expect(report.status).toBe('degraded');
    expect(report.shards?.discord?.find((shard) => shard.id === 1)).toMatchObject({ state: 'disconnected', reason: 'code 4011' });
  }, 30_000);
});

describe('the fake gateway shards as Discord does', () => {
  interface RawSession {
    events: Array<{ t: string; d: { id?: string; guild_id?: string } }>;
    closed: Promise<number>;
    socket: WebSocket;
  }

  /** A bare gateway connection that identifies with `shard` (omitted when undefined) and records dispatches. */
  function identify(discord: FakeDiscord, shard: unknown): Promise<RawSession> {
    const socket = new WebSocket(`${discord.gatewayUrl}/?v=10&encoding=json`);
    const events: RawSession['events'] = [];
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.on('message', (raw) => {
        const payload = JSON.parse(raw.toString()) as { op: number; t: string; d: RawSession['events'][number]['d'] };
        if (payload.op === 10) {
          socket.send(JSON.stringify({ op: 2, d: { token: discord.token, intents: 1, properties: { os: 'linux', browser: 'test', device: 'test' }, ...(shard === undefined ? {} : { shard }) } }));
        } else if (payload.op === 0) {
          events.push({ t: payload.t, d: payload.d });
          if (payload.t === 'READY') resolve({ events, closed, socket });
        }
      });
      void closed.then(() => resolve({ events, closed, socket }));
    });
  }

  it('recommends enough shards, refuses invalid shards (4010) and too many guilds per session (4011), routes by guild', async () => {
    const guilds = shardedGuilds(2, [0, 1]);
    fake = await startFakeDiscord({ guilds: guilds.map((guild) => guild.config), maxGuildsPerShard: 1 });
    const gatewayBot = await fetch(`${fake.restApi}/v10/gateway/bot`, { headers: { authorization: `Bot ${fake.token}` } });
    expect(((await gatewayBot.json()) as { shards: number }).shards).toBe(2);

    for (const invalid of [[2, 2], [-1, 2], [0, 0], [0], 'zero', [0.5, 2]]) {
      const refused = await identify(fake, invalid);
      expect(await refused.closed, `shard ${JSON.stringify(invalid)}`).toBe(4010);
    }
    const unsharded = await identify(fake, undefined);
    expect(await unsharded.closed).toBe(4011);
    expect(await (await identify(fake, [0, 1])).closed).toBe(4011);

    const [zero, one] = await Promise.all([identify(fake, [0, 2]), identify(fake, [1, 2])]);
    await waitUntil(() => zero.events.some((event) => event.t === 'GUILD_CREATE') && one.events.some((event) => event.t === 'GUILD_CREATE'), 'the GUILD_CREATEs');
    expect(zero.events.filter((event) => event.t === 'GUILD_CREATE').map((event) => event.d.id)).toEqual([guilds[0]!.guildId]);
    expect(one.events.filter((event) => event.t === 'GUILD_CREATE').map((event) => event.d.id)).toEqual([guilds[1]!.guildId]);

    const onShardOne = fake.dispatchInteraction(fake.slashCommand({ name: 'upcoming', guildId: guilds[1]!.guildId, channelId: guilds[1]!.channelId }));
    const inDirectMessage = fake.dispatchInteraction(fake.slashCommand({ name: 'upcoming', guildId: null }));
    await waitUntil(() => one.events.some((event) => event.t === 'INTERACTION_CREATE') && zero.events.some((event) => event.t === 'INTERACTION_CREATE'), 'the interactions');
    expect(one.events.filter((event) => event.t === 'INTERACTION_CREATE').map((event) => event.d.id)).toEqual([onShardOne.id]);
    // Events with no guild (direct messages) go to shard 0 only.
    expect(zero.events.filter((event) => event.t === 'INTERACTION_CREATE').map((event) => event.d.id)).toEqual([inDirectMessage.id]);
    zero.socket.close(1000);
    one.socket.close(1000);
  });
});
