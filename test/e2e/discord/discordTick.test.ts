// Alerts from the tick to Discord: a channel subscribed with /subscribe receives the seed chapter's DEVB
// deadlines as embeds through the bot's adapter; rate limits and permanent errors go through the worker; a
// webhook subscribed from the CLI receives them without a bot token.
import { PermissionFlagsBits, type APIMessage } from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDiscordBot, type DiscordBotHandle } from '../../../src/bots/discord/startDiscordBot.ts';
import { createFixedClock } from '../../../src/clock.ts';
import { loadConfig, type Config } from '../../../src/config.ts';
import { findSubscription } from '../../../src/db/subscriptions.ts';
import type { ChannelAdapter } from '../../../src/notify/ChannelAdapter.ts';
import { createDiscordWebhookAdapter } from '../../../src/notify/discord.ts';
import { ALERT_COLOURS } from '../../../src/notify/discord/renderAlertEmbeds.ts';
import { alertPolicyOf } from '../../../src/schedule/alertPolicyOf.ts';
import { runTick } from '../../../src/schedule/runTick.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/startFakeDiscord.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { runCli } from '../../support/runCli.ts';
import { seedTestDatabase, silentLogger } from '../../support/seedTestDatabase.ts';

const SUBSCRIBED_AT = '2024-12-20T12:00:00+08:00';
const ALERTS_AT = '2024-12-24T09:30:00+08:00';
// 2024-12-31 at 09:00 in Hong Kong.
const DUE_UNIX = 1735606800;
const TUNING = { rest: { retries: 1, timeout: 2_000 }, maxRateLimitWaitMs: 500 };

let db: TestDatabase;
let fake: FakeDiscord;
let config: Config;
let bot: DiscordBotHandle | null = null;
const closing: ChannelAdapter[] = [];
const clock = createFixedClock(SUBSCRIBED_AT);

function tick(adapter: ChannelAdapter, at: string) {
  clock.set(at);
  return runTick({
    pool: db.pool,
    clock,
    logger: silentLogger,
    policy: alertPolicyOf(config),
    adapters: [adapter],
    leaseMs: 30_000,
    maxAttempts: 5,
    waitMs: 60_000,
    // The database lives on the fixed clock; @discordjs/rest's rate-limit buckets on real time.
    sleep: async (ms) => {
      clock.advance(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 1_200)));
    },
  });
}

async function subscribeChannel(): Promise<DiscordBotHandle> {
  clock.set(SUBSCRIBED_AT);
  bot = startDiscordBot({ config, pool: db.pool, clock, logger: silentLogger, tuning: TUNING });
  await bot.online;
  const interaction = fake.dispatchInteraction(
    fake.slashCommand({ name: 'subscribe', options: { bureau: 'DEVB' }, memberPermissions: String(PermissionFlagsBits.ManageChannels) }),
  );
  await fake.waitForInteractionResponse(interaction.id);
  return bot;
}

/** Messages the bot posted in the channel itself (not interaction replies). */
const alertMessages = (): APIMessage[] => fake.messages(fake.channelId).filter((message) => message.type === 0 && !message.webhook_id);
const alertPosts = () => fake.calls.filter((call) => call.method === 'POST' && call.path === `/channels/${fake.channelId}/messages`);

beforeAll(async () => {
  db = await createTestDatabase();
  await seedTestDatabase(db.pool);
});

afterAll(async () => {
  await db.drop();
});

beforeEach(async () => {
  await db.pool.query('TRUNCATE notifications, scheduler_state, subscriptions RESTART IDENTITY CASCADE');
  fake = await startFakeDiscord();
  config = loadConfig({ env: { DISCORD_BOT_TOKEN: fake.token, DISCORD_API_ROOT: fake.restApi, DISCORD_GUILD_ID: fake.guildId } });
});

afterEach(async () => {
  for (const adapter of closing.splice(0)) await adapter.close?.();
  await bot?.stop();
  bot = null;
  await fake.close();
});

describe('alerts from the tick to a Discord channel', () => {
  it('posts the 7-day DEVB alerts as one message of embeds with Discord timestamps, once', async () => {
    const { adapter } = await subscribeChannel();
    expect(await findSubscription(db.pool, `discord:${fake.channelId}`)).toMatchObject({ bureaus: ['DEVB'] });

    const report = await tick(adapter, ALERTS_AT);
    expect(report).toMatchObject({ enqueued: 4, delivered: 4, failed: 0, waiting: 0 });
    const [message] = alertMessages();
    expect(alertMessages()).toHaveLength(1);
    expect(message!.author.id).toBe(fake.applicationId);
    expect(message!.content).toBe('**施政承諾提示（4項）**');
    expect(message!.embeds.map((embed) => embed.title?.split(' · ')[0]).sort()).toEqual(['PA2024-7-01', 'PA2024-7-03', 'PA2024-7-04', 'PA2024-7-06']);
    for (const embed of message!.embeds) {
      expect(embed.color).toBe(ALERT_COLOURS.approaching);
      expect(embed.description).toMatch(/^\*\*即將到期\*\* · 尚餘7日\n\n/);
      expect(embed.fields).toContainEqual({ name: '期限', value: `<t:${DUE_UNIX}:D> (<t:${DUE_UNIX}:R>)`, inline: true });
    }
    const body = alertPosts()[0]!.body as { nonce: string; enforce_nonce: boolean };
    expect(body).toMatchObject({ enforce_nonce: true, nonce: expect.stringMatching(/^[\w-]{25}$/) });

    expect(await tick(adapter, '2024-12-24T09:31:00+08:00')).toMatchObject({ enqueued: 0, delivered: 0 });
    expect(alertMessages()).toHaveLength(1);
  });

  it('honours a 429 with Retry-After: the target pauses, the retry posts the message once', async () => {
    const { adapter } = await subscribeChannel();
    fake.failNext({ method: 'POST', pathPattern: '/channels/:id/messages', status: 429, retryAfter: 1 });
    const report = await tick(adapter, ALERTS_AT);
    expect(report).toMatchObject({ delivered: 4, failed: 0, waiting: 0 });
    expect(alertPosts().map((call) => call.status)).toEqual([429, 200]);
    expect(alertMessages()).toHaveLength(1);
    const subscription = await findSubscription(db.pool, `discord:${fake.channelId}`);
    // Paused for the 1 s retry-after (plus @discordjs/rest's 50 ms) from the failed attempt.
    expect(subscription?.pausedUntil?.getTime()).toBe(new Date(ALERTS_AT).getTime() + 1_050);
    const { rows } = await db.pool.query<{ attempts: number; state: string }>('SELECT attempts, state FROM notifications');
    expect(rows.every((row) => row.state === 'sent' && row.attempts === 2)).toBe(true);
  });

  it('disables the target on 50001 Missing Access, with the reason, and sends nothing more', async () => {
    const { adapter } = await subscribeChannel();
    fake.failNext({ method: 'POST', pathPattern: '/channels/:id/messages', code: 50001 });
    const report = await tick(adapter, ALERTS_AT);
    expect(report).toMatchObject({ delivered: 0, failed: 4, waiting: 0 });
    const subscription = await findSubscription(db.pool, `discord:${fake.channelId}`);
    expect(subscription?.disabledReason).toBe('discord 403 (50001): Missing Access');
    expect(subscription?.disabledAt).not.toBeNull();
    expect(alertMessages()).toHaveLength(0);
    await tick(adapter, '2024-12-30T09:30:00+08:00');
    expect(alertPosts()).toHaveLength(1);
  });
});

describe('alerts to a webhook subscribed from the CLI', () => {
  it('posts through the webhook URL, with no bot token anywhere', async () => {
    const webhook = fake.addWebhook({ name: 'PolicyWatch Alerts' });
    const cli = await runCli(['subscribe', `discord-webhook:${webhook.url}`, '--bureau', 'DEVB', '--lang', 'en'], {
      DATABASE_URL: db.url,
      POLICYWATCH_NOW: SUBSCRIBED_AT,
      POLICYWATCH_LOG_LEVEL: 'silent',
    });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const tokenless = loadConfig({ env: {} });
    const adapter = createDiscordWebhookAdapter({ config: tokenless, logger: silentLogger, ...TUNING });
    closing.push(adapter);

    const report = await tick(adapter, ALERTS_AT);
    expect(report).toMatchObject({ delivered: 4, failed: 0 });
    const [message] = fake.messages(fake.channelId);
    expect(fake.messages()).toHaveLength(1);
    expect(message).toMatchObject({ webhook_id: webhook.id, content: '**Policy commitment alerts (4)**' });
    expect(message!.embeds[0]!.fields).toContainEqual({ name: 'Due', value: `<t:${DUE_UNIX}:D> (<t:${DUE_UNIX}:R>)`, inline: true });
    const posts = fake.calls.filter((call) => call.method === 'POST');
    expect(posts.map((call) => [call.path, call.headers.authorization])).toEqual([[`/webhooks/${webhook.id}/${webhook.token}`, undefined]]);
  });
});
