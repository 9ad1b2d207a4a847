// The real discord.js client and @discordjs/rest against the fake Discord: proves the fake speaks REST v10 and the
// gateway the way discord.js expects, including rate limits, retries and Discord's JSON errors.
import { once } from 'node:events';
import zlib from 'node:zlib';
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  RateLimitError,
  REST,
  Routes,
  WebhookClient,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/startFakeDiscord.ts';

let fake: FakeDiscord;
let client: Client | null = null;
const rests: REST[] = [];

async function login(intents: GatewayIntentBits[] = [GatewayIntentBits.Guilds], partials: Partials[] = []): Promise<Client<true>> {
  const created = new Client({ intents, partials, rest: { api: fake.restApi, retries: 1, timeout: 2_000 } });
  client = created;
  const ready = once(created, Events.ClientReady);
  await created.login(fake.token);
  await ready;
  return created as Client<true>;
}

function makeRest(options: ConstructorParameters<typeof REST>[0] = {}): REST {
  const rest = new REST({ api: fake.restApi, retries: 1, timeout: 2_000, ...options }).setToken(fake.token);
  rests.push(rest);
  return rest;
}

async function nextInteraction<T extends Interaction>(bot: Client, dispatch: () => void): Promise<T> {
  const received = once(bot, Events.InteractionCreate) as Promise<[T]>;
  dispatch();
  const [interaction] = await received;
  return interaction;
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await client?.destroy();
  client = null;
  for (const rest of rests.splice(0)) {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
  await fake.close();
});

describe('fake Discord gateway with a real discord.js Client', () => {
  it('logs in, becomes ready and caches the guild from GUILD_CREATE', async () => {
    const bot = await login();
    expect(bot.user.id).toBe(fake.applicationId);
    expect(bot.application.id).toBe(fake.applicationId);
    const guild = bot.guilds.cache.get(fake.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.name).toBe('PolicyWatch Test Server');
    const channel = bot.channels.cache.get(fake.channelId);
    expect(channel?.isTextBased()).toBe(true);
    expect(guild?.members.me?.id).toBe(fake.applicationId);
    expect(fake.gatewayPayloads.find((payload) => payload.op === 2)?.d).toMatchObject({ intents: 1, shard: [0, 1] });
    expect(fake.calls.map((call) => `${call.method} ${call.path}`)).toContain('GET /gateway/bot');
  });

  it('delivers a slash command and accepts an ephemeral reply (204 without a body)', async () => {
    const bot = await login();
    await makeRest().put(Routes.applicationCommands(fake.applicationId), {
      body: [{ name: 'watch', description: 'Watch a bureau', options: [{ type: 3, name: 'bureau', description: 'Bureau', required: true }, { type: 4, name: 'days', description: 'Days ahead' }] }],
    });
    const interaction = await nextInteraction<ChatInputCommandInteraction>(bot, () =>
      fake.dispatchInteraction(
        fake.slashCommand({ name: 'watch', options: { bureau: 'HYAB', days: 14 }, memberPermissions: '8', locale: 'zh-TW' }),
      ),
    );
    expect(interaction.isChatInputCommand()).toBe(true);
    expect(interaction.commandName).toBe('watch');
    expect(interaction.commandId).toBe(fake.commands()[0]?.id);
    expect(interaction.options.getString('bureau')).toBe('HYAB');
    expect(interaction.options.getInteger('days')).toBe(14);
    expect(interaction.memberPermissions?.has('Administrator')).toBe(true);
    expect(interaction.locale).toBe('zh-TW');
    expect(interaction.guildId).toBe(fake.guildId);
    expect(interaction.channel?.id).toBe(fake.channelId);

    await interaction.reply({ content: 'Watching HYAB', flags: MessageFlags.Ephemeral });

    const callback = await fake.waitForCall('POST', '/interactions/:id/:token/callback');
    expect(callback.status).toBe(204);
    expect(callback.query).toEqual({ with_response: 'false' });
    expect(fake.interactionResponses).toEqual([
      expect.objectContaining({ interactionId: interaction.id, type: 4, data: expect.objectContaining({ content: 'Watching HYAB', flags: 64 }) }),
    ]);
    expect(fake.messages(fake.channelId)).toEqual([
      expect.objectContaining({ content: 'Watching HYAB', flags: 64, type: 20, webhook_id: fake.applicationId }),
    ]);
    // A second response to the same interaction is refused as on Discord.
    await expect(
      makeRest().post(Routes.interactionCallback(interaction.id, interaction.token), { body: { type: 4, data: { content: 'again' } }, auth: false }),
    ).rejects.toMatchObject({ code: 40060 });
  });

  it('supports deferReply then editReply on @original', async () => {
    const bot = await login();
    const interaction = await nextInteraction<ChatInputCommandInteraction>(bot, () =>
      fake.dispatchInteraction(fake.slashCommand({ name: 'deadlines' })),
    );
    await interaction.deferReply();
    const deferred = fake.messages().at(-1);
    expect(deferred?.flags).toBe(128); // loading

    const edited = await interaction.editReply({ content: '3 deadlines this week', embeds: [{ title: 'HYAB', description: 'Consultation closes' }] });
    expect(edited.content).toBe('3 deadlines this week');
    expect(edited.id).toBe(deferred?.id);
    const patch = await fake.waitForCall('PATCH', `/webhooks/${fake.applicationId}/:token/messages/@original`);
    expect(patch.status).toBe(200);
    expect(fake.messages().at(-1)).toMatchObject({ flags: 0, embeds: [{ title: 'HYAB', type: 'rich' }] });

    const followUp = await interaction.followUp({ content: 'More soon', flags: MessageFlags.Ephemeral });
    expect(followUp.content).toBe('More soon');
    expect(fake.interactionResponses.map((response) => response.type)).toEqual([5]);
  });

  it('returns the callback response when asked withResponse', async () => {
    const bot = await login();
    const interaction = await nextInteraction<ChatInputCommandInteraction>(bot, () =>
      fake.dispatchInteraction(fake.slashCommand({ name: 'status' })),
    );
    const response = await interaction.reply({ content: 'All quiet', withResponse: true });
    expect(response.interaction.responseMessageEphemeral).toBe(false);
    expect(response.resource?.message?.content).toBe('All quiet');
    expect(response.resource?.message?.id).toBe(fake.messages().at(-1)?.id);
  });

  it('delivers a slash command from a DM', async () => {
    // discord.js only builds uncached DM channels from interaction data with the Channel partial.
    const bot = await login([GatewayIntentBits.Guilds], [Partials.Channel]);
    const interaction = await nextInteraction<ChatInputCommandInteraction>(bot, () =>
      fake.dispatchInteraction(fake.slashCommand({ name: 'help', guildId: null, userId: '1300000000000002000' })),
    );
    expect(interaction.inGuild()).toBe(false);
    expect(interaction.user.id).toBe('1300000000000002000');
    expect(interaction.channel?.isDMBased()).toBe(true);
    await interaction.reply({ content: 'Commands: /watch' });
    expect(fake.messages().at(-1)).toMatchObject({ content: 'Commands: /watch', channel_id: interaction.channelId });
  });

  it('answers autocomplete with respond()', async () => {
    const bot = await login();
    const interaction = await nextInteraction<AutocompleteInteraction>(bot, () =>
      fake.dispatchInteraction(fake.autocomplete({ name: 'watch', focused: { name: 'bureau', value: 'HY' } })),
    );
    expect(interaction.isAutocomplete()).toBe(true);
    expect(interaction.options.getFocused(true)).toMatchObject({ name: 'bureau', value: 'HY' });
    await interaction.respond([{ name: 'Home and Youth Affairs Bureau', value: 'HYAB' }]);
    const response = await fake.waitForInteractionResponse(interaction.id);
    expect(response).toMatchObject({ type: 8, data: { choices: [{ name: 'Home and Youth Affairs Bureau', value: 'HYAB' }] } });
  });

  it('resumes after the gateway asks for a reconnect and keeps delivering events', async () => {
    const bot = await login();
    const resumed = once(bot, Events.ShardResume);
    fake.sendReconnect();
    await resumed;
    const resume = fake.gatewayPayloads.find((payload) => payload.op === 6);
    expect(resume?.d).toMatchObject({ token: fake.token, seq: expect.any(Number) });
    const interaction = await nextInteraction<ChatInputCommandInteraction>(bot, () =>
      fake.dispatchInteraction(fake.slashCommand({ name: 'ping' })),
    );
    expect(interaction.commandName).toBe('ping');
  });

  it('emits messageCreate for REST-created messages when GuildMessages is requested', async () => {
    const bot = await login([GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages]);
    const created = once(bot, Events.MessageCreate);
    await makeRest().post(Routes.channelMessages(fake.channelId), { body: { content: 'New deadline' } });
    const [message] = (await created) as [{ content: string; author: { id: string } }];
    expect(message.content).toBe('New deadline');
    expect(message.author.id).toBe(fake.applicationId);
  });

  it('acknowledges heartbeats', async () => {
    await fake.close();
    fake = await startFakeDiscord({ heartbeatIntervalMs: 40 });
    const bot = await login();
    await expect.poll(() => bot.ws.ping, { timeout: 2_000 }).toBeGreaterThanOrEqual(0);
    expect(fake.gatewayPayloads.some((payload) => payload.op === 1)).toBe(true);
  });

  it('refuses a login with the wrong token', async () => {
    const bot = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restApi, retries: 0 } });
    client = bot;
    await expect(bot.login('bm90LXRoZS10b2tlbg.GFakeD.wrong')).rejects.toThrow(/invalid token/i);
    expect(fake.openGatewayConnections()).toBe(0);
  });

  it('is left with nothing running after client.destroy() and fake.close()', async () => {
    const bot = await login();
    expect(fake.openGatewayConnections()).toBe(1);
    await bot.destroy();
    client = null;
    await expect.poll(() => fake.openGatewayConnections()).toBe(0);
    const startedAt = Date.now();
    await fake.close();
    expect(Date.now() - startedAt).toBeLessThan(500);
    await expect(fetch(`${fake.restApi}/v10/gateway`)).rejects.toThrow();
  });
});

describe('fake Discord REST with @discordjs/rest', () => {
  it('stores one message for a repeated nonce with enforce_nonce', async () => {
    const rest = makeRest();
    const body = { content: 'Deadline: 2025-07-01', nonce: 'alert-42', enforce_nonce: true, embeds: [{ title: 'HYAB' }] };
    const first = (await rest.post(Routes.channelMessages(fake.channelId), { body })) as { id: string; nonce: string };
    const second = (await rest.post(Routes.channelMessages(fake.channelId), { body })) as { id: string };
    expect(second.id).toBe(first.id);
    expect(first.nonce).toBe('alert-42');
    expect(fake.messages(fake.channelId)).toHaveLength(1);
    // Without enforce_nonce Discord does not deduplicate.
    await rest.post(Routes.channelMessages(fake.channelId), { body: { content: 'again', nonce: 'alert-42' } });
    expect(fake.messages(fake.channelId)).toHaveLength(2);
  });

  it('reads multipart uploads with payload_json', async () => {
    const rest = makeRest();
    const message = (await rest.post(Routes.channelMessages(fake.channelId), {
      body: { content: 'Attached: the gazette notice' },
      files: [{ name: 'notice.txt', data: Buffer.from('G.N. 1234'), contentType: 'text/plain' }],
    })) as { content: string; attachments: Array<{ filename: string; size: number }> };
    expect(message).toMatchObject({ content: 'Attached: the gazette notice', attachments: [{ filename: 'notice.txt', size: 9 }] });
    expect(fake.calls.at(-1)?.files).toEqual([{ field: 'files[0]', filename: 'notice.txt', contentType: 'text/plain', size: 9 }]);
  });

  it('retries a scripted 500', async () => {
    const rest = makeRest();
    fake.failNext({ method: 'POST', pathPattern: '/channels/:id/messages', status: 500 });
    await expect(rest.post(Routes.channelMessages(fake.channelId), { body: { content: 'hi' } })).resolves.toMatchObject({ content: 'hi' });
    expect(fake.calls.map((call) => call.status)).toEqual([500, 200]);
    expect(fake.messages()).toHaveLength(1);
  });

  it('waits out a 429 with Retry-After and then succeeds', async () => {
    const rest = makeRest();
    fake.failNext({ method: 'POST', pathPattern: '/channels/:id/messages', status: 429, retryAfter: 1 });
    const startedAt = Date.now();
    await rest.post(Routes.channelMessages(fake.channelId), { body: { content: 'hi' } });
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1_000);
    const limited = fake.calls[0];
    expect(limited?.status).toBe(429);
    expect(limited?.response).toEqual({ message: 'You are being rate limited.', retry_after: 1, global: false });
    expect(fake.calls.map((call) => call.status)).toEqual([429, 200]);
  });

  it('reports the 429 details to rejectOnRateLimit', async () => {
    const rest = makeRest({ rejectOnRateLimit: () => true });
    fake.failNext({ method: 'POST', pathPattern: '/channels/:id/messages', status: 429, retryAfter: 1.5 });
    const error = await caught(rest.post(Routes.channelMessages(fake.channelId), { body: { content: 'hi' } }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ global: false, scope: 'user', retryAfter: 2_050, route: '/channels/:id/messages' });
  });

  it('surfaces Discord JSON errors as DiscordAPIError', async () => {
    const rest = makeRest();
    fake.failNext({ pathPattern: '/channels/:id/messages', code: 50001 });
    const missingAccess = await caught(rest.post(Routes.channelMessages(fake.channelId), { body: { content: 'hi' } }));
    expect(missingAccess).toBeInstanceOf(DiscordAPIError);
    expect(missingAccess).toMatchObject({ code: 50001, status: 403, message: 'Missing Access' });

    fake.failNext({ pathPattern: '/channels/:id/messages', code: 50013 });
    await expect(rest.post(Routes.channelMessages(fake.channelId), { body: { content: 'hi' } })).rejects.toMatchObject({ code: 50013, status: 403 });
    const posted = (await rest.post(Routes.channelMessages(fake.channelId), { body: { content: 'hi' } })) as { id: string };
    fake.failNext({ method: 'PATCH', pathPattern: '/channels/:id/messages/:id', code: 10008 });
    await expect(rest.patch(Routes.channelMessage(fake.channelId, posted.id), { body: { content: 'edit' } })).rejects.toMatchObject({ code: 10008 });
    await expect(rest.patch(Routes.channelMessage(fake.channelId, posted.id), { body: { content: 'edit' } })).resolves.toMatchObject({ content: 'edit' });
    fake.failNext({ pathPattern: /^\/channels\/\d+$/, code: 10003 });
    await expect(rest.get(Routes.channel(fake.channelId))).rejects.toMatchObject({ code: 10003, status: 404 });

    // Real validation errors too.
    await expect(rest.post(Routes.channelMessages(fake.channelId), { body: {} })).rejects.toMatchObject({ code: 50006, status: 400 });
    const tooLong = await caught(rest.post(Routes.channelMessages(fake.channelId), { body: { content: 'x'.repeat(2001) } }));
    expect(tooLong).toMatchObject({ code: 50035, rawError: { errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } });
  });

  it('registers commands by bulk overwrite, keeping ids by name', async () => {
    const rest = makeRest();
    const first = (await rest.put(Routes.applicationCommands(fake.applicationId), {
      body: [{ name: 'watch', description: 'Watch' }, { name: 'mute', description: 'Mute' }],
    })) as Array<{ id: string; name: string; application_id: string }>;
    expect(first.map((command) => command.name)).toEqual(['watch', 'mute']);
    expect(first[0]?.application_id).toBe(fake.applicationId);
    const second = (await rest.put(Routes.applicationCommands(fake.applicationId), { body: [{ name: 'watch', description: 'Watch things' }] })) as Array<{ id: string }>;
    expect(second[0]?.id).toBe(first[0]?.id);
    expect(await rest.get(Routes.applicationCommands(fake.applicationId))).toHaveLength(1);

    await rest.put(Routes.applicationGuildCommands(fake.applicationId, fake.guildId), { body: [{ name: 'admin', description: 'Admin' }] });
    expect(fake.commands(fake.guildId)).toEqual([expect.objectContaining({ name: 'admin', guild_id: fake.guildId })]);
    await expect(rest.put(Routes.applicationCommands(fake.applicationId), { body: [{ name: 'Bad Name', description: 'x' }] })).rejects.toMatchObject({
      code: 50035,
    });
    await expect(rest.put(Routes.applicationGuildCommands(fake.applicationId, '1300000000000009999'), { body: [] })).rejects.toMatchObject({
      code: 50001,
    });
  });

  it('executes webhooks with and without wait, and rejects unknown ones', async () => {
    const webhook = fake.addWebhook({ name: 'Alerts' });
    const hook = new WebhookClient({ id: webhook.id, token: webhook.token }, { rest: { api: fake.restApi, retries: 1 } });
    const sent = await hook.send({ content: 'Consultation closes Friday', username: 'PolicyWatch' });
    expect(sent).toMatchObject({ content: 'Consultation closes Friday', webhook_id: webhook.id, author: { username: 'PolicyWatch' } });
    hook.destroy();

    const rest = makeRest();
    expect(await rest.post(Routes.webhook(webhook.id, webhook.token), { body: { content: 'no wait' }, auth: false })).toBeInstanceOf(ArrayBuffer);
    expect(fake.calls.at(-1)?.status).toBe(204);
    expect(fake.messages(fake.channelId).map((message) => message.content)).toEqual(['Consultation closes Friday', 'no wait']);
    expect(await rest.get(Routes.webhook(webhook.id, webhook.token), { auth: false })).toMatchObject({ id: webhook.id, channel_id: fake.channelId });
    await expect(rest.post(Routes.webhook(webhook.id, 'wrong-token'), { body: { content: 'x' }, auth: false })).rejects.toMatchObject({ code: 10015 });
  });

  it('rejects a wrong token with 401', async () => {
    const rest = new REST({ api: fake.restApi, retries: 0 }).setToken('not-the-token');
    rests.push(rest);
    await expect(rest.get(Routes.user('@me'))).rejects.toMatchObject({ status: 401, code: 0 });
  });
});

describe('fake Discord gateway protocol details', () => {
  function connect(query: string): { socket: WebSocket; frames: Array<Buffer | string> ; next(): Promise<Buffer | string> } {
    const socket = new WebSocket(`${fake.gatewayUrl}?${query}`);
    const frames: Array<Buffer | string> = [];
    let wake: (() => void) | null = null;
    socket.on('message', (data, isBinary) => {
      frames.push(isBinary ? (data as Buffer) : data.toString());
      wake?.();
    });
    return {
      socket,
      frames,
      async next() {
        while (frames.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        return frames.shift() as Buffer | string;
      },
    };
  }

  it('closes with 4004 on a bad IDENTIFY token', async () => {
    const { socket, next } = connect('v=10&encoding=json');
    const hello = JSON.parse(String(await next())) as { op: number; d: { heartbeat_interval: number } };
    expect(hello).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
    socket.send(JSON.stringify({ op: 2, d: { token: 'nope', intents: 1, properties: {} } }));
    const [code] = (await once(socket, 'close')) as [number];
    expect(code).toBe(4004);
  });

  it('speaks zlib-stream with one shared deflate context per connection', async () => {
    const { socket, next } = connect('v=10&encoding=json&compress=zlib-stream');
    const inflate = zlib.createInflate();
    const decode = async (frame: Buffer | string): Promise<unknown> => {
      expect(Buffer.isBuffer(frame)).toBe(true);
      const chunks: Buffer[] = [];
      const collect = (chunk: Buffer): void => {
        chunks.push(chunk);
      };
      inflate.on('data', collect);
      inflate.write(frame);
      await new Promise<void>((resolve) => inflate.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve()));
      inflate.off('data', collect);
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    };
    expect(await decode(await next())).toMatchObject({ op: 10 });
    socket.send(JSON.stringify({ op: 1, d: null }));
    expect(await decode(await next())).toEqual({ op: 11, d: null, s: null, t: null });
    socket.close(1000);
    inflate.close();
  });

  it('answers RESUME of an unknown session with INVALID_SESSION false', async () => {
    const { socket, next } = connect('v=10&encoding=json');
    await next();
    socket.send(JSON.stringify({ op: 6, d: { token: fake.token, session_id: 'gone', seq: 3 } }));
    expect(JSON.parse(String(await next()))).toEqual({ op: 9, d: false, s: null, t: null });
    socket.close(1000);
  });
});
