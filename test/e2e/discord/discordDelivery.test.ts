// The Discord adapters against the fake Discord over real HTTP with @discordjs/rest: embeds, pagination, nonces,
// rate limits, Discord's errors and webhooks.
import { DefaultRestOptions, type APIEmbed } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from '../../../src/config.ts';
import { DeliveryError, type ChannelAdapter } from '../../../src/notify/ChannelAdapter.ts';
import { createDiscordDeliveryAdapter, createDiscordWebhookAdapter, type DiscordRestTuning } from '../../../src/notify/discord.ts';
import { measureEmbed } from '../../../src/notify/discord/measureEmbed.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/startFakeDiscord.ts';
import { silentLogger } from '../../support/seedTestDatabase.ts';
import { buildAlertMessage } from '../../support/buildAlertMessage.ts';

const TUNING: DiscordRestTuning = { rest: { retries: 1, timeout: 2_000 }, maxRateLimitWaitMs: 500 };
const MESSAGES = '/channels/:id/messages';

let fake: FakeDiscord;
let config: Config;
const adapters: ChannelAdapter[] = [];

function channelAdapter(tuning: DiscordRestTuning = TUNING): ChannelAdapter {
  const adapter = createDiscordDeliveryAdapter(config, silentLogger, tuning);
  adapters.push(adapter);
  return adapter;
}

async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

const posts = () => fake.calls.filter((call) => call.method === 'POST' && /^\/channels\/\d+\/messages$/.test(call.path));
const channelTarget = () => `discord:${fake.channelId}`;

beforeEach(async () => {
  fake = await startFakeDiscord();
  config = loadConfig({ env: { DISCORD_BOT_TOKEN: fake.token, DISCORD_API_ROOT: fake.restApi } });
});

afterEach(async () => {
  for (const adapter of adapters.splice(0)) await adapter.close?.();
  await fake.close();
});

describe('the discord channel adapter (REST only)', () => {
  it('posts a group of alerts as one message of embeds, with a nonce it enforces and no mentions', async () => {
    await channelAdapter().send(buildAlertMessage(4, { target: channelTarget() }));
    const [message] = fake.messages(fake.channelId);
    expect(fake.messages()).toHaveLength(1);
    expect(message!.author.id).toBe(fake.applicationId);
    expect(message!.content).toBe('**施政承諾提示（4項）**');
    expect(message!.embeds.map((embed) => embed.title?.split(' · ')[0])).toEqual(['PA2024-7-01', 'PA2024-7-02', 'PA2024-7-03', 'PA2024-7-04']);
    expect(message!.embeds[0]!.fields).toContainEqual({ name: '期限', value: '<t:1735606800:D> (<t:1735606800:R>)', inline: true });
    const body = posts()[0]!.body as { nonce: string; enforce_nonce: boolean; allowed_mentions: unknown };
    expect(body.enforce_nonce).toBe(true);
    expect(body.nonce).toMatch(/^[\w-]{25}$/);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(posts()[0]!.headers.authorization).toBe(`Bot ${fake.token}`);
  });

  it('paginates 30 alerts into several messages within every limit, in order', async () => {
    await channelAdapter().send(buildAlertMessage(30, { target: channelTarget(), textLength: 400 }));
    const messages = fake.messages(fake.channelId);
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const message of messages) {
      expect(message.embeds.length).toBeLessThanOrEqual(10);
      expect(message.embeds.reduce((sum, embed) => sum + measureEmbed(embed as APIEmbed), 0)).toBeLessThanOrEqual(6000);
    }
    const refs = messages.flatMap((message) => message.embeds.map((embed) => embed.title?.split(' · ')[0]));
    expect(refs).toEqual(Array.from({ length: 30 }, (_, index) => `PA2024-7-${String(index + 1).padStart(2, '0')}`));
    expect(messages.map((message) => message.content)).toEqual(messages.map((_, index) => `**施政承諾提示（30項）** (${index + 1}/${messages.length})`));
    expect(new Set(posts().map((call) => (call.body as { nonce: string }).nonce)).size).toBe(messages.length);
  });

  it('posts a 5000-character text whole, continued in a second embed', async () => {
    const message = buildAlertMessage(1, { target: channelTarget(), textLength: 5000 });
    await channelAdapter().send(message);
    const [posted] = fake.messages(fake.channelId);
    expect(posted!.embeds).toHaveLength(2);
    const text = posted!.embeds.map((embed) => embed.description ?? '').join('');
    expect(text.replace(/\s/g, '')).toContain(message.items[0]!.text);
  });

  it('posts once when a 500 makes REST retry, and once again when the worker repeats the send', async () => {
    const adapter = channelAdapter();
    const message = buildAlertMessage(4, { target: channelTarget() });
    fake.failNext({ method: 'POST', pathPattern: MESSAGES, status: 500 });
    await adapter.send(message);
    expect(posts().map((call) => call.status)).toEqual([500, 200]);
    const nonces = posts().map((call) => (call.body as { nonce: string }).nonce);
    expect(nonces[0]).toBe(nonces[1]);
    // The send succeeded but its answer was lost, so the worker sends the same group again.
    await adapter.send(message);
    expect(posts()).toHaveLength(3);
    expect(fake.messages(fake.channelId)).toHaveLength(1);
  });

  it('reports a 5xx that outlasts the retries as transient', async () => {
    fake.failNext({ method: 'POST', pathPattern: MESSAGES, status: 503, times: 2 });
    const failure = await failureOf(channelAdapter().send(buildAlertMessage(1, { target: channelTarget() })));
    expect(failure).toMatchObject({ kind: 'transient', reason: 'discord 503: Service Unavailable' });
    expect(fake.messages()).toHaveLength(0);
  });

  it('returns a long 429 to the worker with its retry-after instead of waiting', async () => {
    fake.failNext({ method: 'POST', pathPattern: MESSAGES, status: 429, retryAfter: 2 });
    const startedAt = Date.now();
    const failure = await failureOf(channelAdapter().send(buildAlertMessage(1, { target: channelTarget() })));
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    expect(failure.kind).toBe('transient');
    expect(failure.options.retryAfterMs).toBe(2_050); // Retry-After: 2 plus @discordjs/rest's 50 ms offset
    expect(fake.messages()).toHaveLength(0);
  });

  it('sits out a short 429 inside the send', async () => {
    fake.failNext({ method: 'POST', pathPattern: MESSAGES, status: 429, retryAfter: 0.2 });
    await channelAdapter({ ...TUNING, maxRateLimitWaitMs: 5_000 }).send(buildAlertMessage(1, { target: channelTarget() }));
    expect(posts().map((call) => call.status)).toEqual([429, 200]);
    expect(fake.messages()).toHaveLength(1);
  });

  it.each([
    [50001, 'permanent', 'discord 403 (50001): Missing Access'],
    [50013, 'paused', 'discord 403 (50013): Missing Permissions'],
    [10003, 'permanent', 'discord 404 (10003): Unknown Channel'],
  ])('reports %i as %s', async (code, kind, reason) => {
    fake.failNext({ method: 'POST', pathPattern: MESSAGES, code });
    const failure = await failureOf(channelAdapter().send(buildAlertMessage(2, { target: channelTarget() })));
    expect(failure).toMatchObject({ kind, reason });
    expect(failure.options.deliveredIds).toBeUndefined();
  });

  it('tells the server owner by direct message when the bot may not post in a channel', async () => {
    const notice = { target: channelTarget(), language: 'en' as const, reason: 'discord 403 (50013): Missing Permissions', retryAt: '2024-12-24 10:00 (Asia/Hong_Kong)', retryEveryMinutes: 30 };
    expect(await channelAdapter().tellAdmins!(notice)).toBe(1);
    const guild = (await (await fetch(`${fake.restApi}/v10/guilds/${fake.guildId}`, { headers: { authorization: `Bot ${fake.token}` } })).json()) as { owner_id: string };
    const opened = fake.calls.find((call) => call.method === 'POST' && call.path === '/users/@me/channels');
    expect(opened?.body).toMatchObject({ recipient_id: guild.owner_id });
    const [message, ...more] = fake.messages((opened!.response as { id: string }).id);
    expect(more).toEqual([]);
    expect(message!.content).toMatch(/^policywatch cannot post its alerts in “#[\w-]+ \(.+\)”: discord 403 \(50013\): Missing Permissions\./);
    // Discord markdown: the underscore is escaped so it shows as typed.
    expect(message!.content).toContain('tried again at 2024-12-24 10:00 (Asia/Hong\\_Kong)');
    // A channel outside any guild (a direct message): nobody to tell, and no error.
    expect(await channelAdapter().tellAdmins!({ ...notice, target: `discord:${(opened!.response as { id: string }).id}` })).toBe(0);
  });

  it('names the alerts of the pages already posted when a later page fails', async () => {
    let messagePosts = 0;
    const adapter = channelAdapter({
      ...TUNING,
      rest: {
        ...TUNING.rest,
        // Lets the first page through and makes Discord refuse the second.
        makeRequest: async (url, init) => {
          if (init.method === 'POST' && url.endsWith('/messages') && ++messagePosts === 2) fake.failNext({ pathPattern: MESSAGES, code: 50013 });
          return DefaultRestOptions.makeRequest(url, init);
        },
      },
    });
    const message = buildAlertMessage(25, { target: channelTarget() });
    const failure = await failureOf(adapter.send(message));
    expect(failure.kind).toBe('paused');
    const [first] = fake.messages(fake.channelId);
    expect(fake.messages()).toHaveLength(1);
    expect(first!.embeds).toHaveLength(10);
    expect(failure.options.deliveredIds).toEqual(message.items.slice(0, 10).map((item) => item.notificationId));
  });

  it('refuses a target that is not a Discord channel as permanent', async () => {
    const failure = await failureOf(channelAdapter().send({ ...buildAlertMessage(1), target: 'discord:12' }));
    expect(failure.kind).toBe('permanent');
    expect(failure.reason).toMatch(/invalid target "discord:12"/);
  });

  it('needs a bot token', () => {
    const noToken = loadConfig({ env: { DISCORD_API_ROOT: fake.restApi } });
    expect(() => createDiscordDeliveryAdapter(noToken, silentLogger)).toThrow(ConfigError);
  });
});

describe('the discord-webhook adapter', () => {
  it('posts to the webhook of the target without any bot token, waiting for the message', async () => {
    const webhook = fake.addWebhook({ name: 'PolicyWatch Alerts' });
    const noToken = loadConfig({ env: {} });
    const adapter = createDiscordWebhookAdapter({ config: noToken, logger: silentLogger, ...TUNING });
    adapters.push(adapter);
    await adapter.send(buildAlertMessage(12, { target: `discord-webhook:${webhook.url}`, language: 'en' }));
    const messages = fake.messages(fake.channelId);
    expect(messages).toHaveLength(2);
    expect(messages.every((message) => message.webhook_id === webhook.id)).toBe(true);
    expect(messages.map((message) => message.embeds.length)).toEqual([10, 2]);
    expect(messages[0]!.content).toBe('**Policy commitment alerts (12)** (1/2)');
    const calls = fake.calls.filter((call) => call.path.startsWith('/webhooks/'));
    expect(calls.map((call) => [call.method, call.query.wait, call.headers.authorization])).toEqual([
      ['POST', 'true', undefined],
      ['POST', 'true', undefined],
    ]);
  });

  it('posts into the thread a webhook URL names', async () => {
    const thread = fake.addChannel({ name: 'devb-thread', type: 11 });
    const webhook = fake.addWebhook();
    const adapter = createDiscordWebhookAdapter({ config, logger: silentLogger, ...TUNING });
    adapters.push(adapter);
    await adapter.send(buildAlertMessage(1, { target: `discord-webhook:${webhook.url}?thread_id=${thread.id}` }));
    expect(fake.messages(thread.id)).toHaveLength(1);
  });

  it('reports a deleted webhook (10015) as permanent', async () => {
    const adapter = createDiscordWebhookAdapter({ config, logger: silentLogger, ...TUNING });
    adapters.push(adapter);
    const gone = `${fake.restApi}/webhooks/1300000000000000999/not-a-real-token`;
    const failure = await failureOf(adapter.send(buildAlertMessage(1, { target: `discord-webhook:${gone}` })));
    expect(failure).toMatchObject({ kind: 'permanent', reason: 'discord 404 (10015): Unknown Webhook' });
  });
});
