// /digest in the Discord bot: its registration, choosing the digest's day and time, skipping empty weeks, who
// may change them, and /digest preview, at Monday 2024-12-23 09:30 Hong Kong time (2024-W52's digest went out
// at 09:00).
import { PermissionFlagsBits, type APIApplicationCommandInteractionDataOption, type APIEmbed } from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startDiscordBot, type DiscordBotHandle } from '../../../src/bots/discord/startDiscordBot.ts';
import { createFixedClock } from '../../../src/clock.ts';
import { loadConfig } from '../../../src/config.ts';
import { findSubscription, subscribe } from '../../../src/db/subscriptions.ts';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord/startFakeDiscord.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { seedTestDatabase, silentLogger } from '../../support/seedTestDatabase.ts';

const MANAGE_CHANNELS = String(PermissionFlagsBits.ManageChannels);
const EPHEMERAL = 64;
const NOW = '2024-12-23T09:30:00+08:00';

interface ReplyData {
  content?: string;
  embeds?: APIEmbed[];
  flags?: number;
}

let db: TestDatabase;
let fake: FakeDiscord;
let bot: DiscordBotHandle | null = null;
const clock = createFixedClock(NOW);

async function startBot(): Promise<void> {
  const config = loadConfig({ env: { DISCORD_BOT_TOKEN: fake.token, DISCORD_API_ROOT: fake.restApi, DISCORD_GUILD_ID: fake.guildId } });
  bot = startDiscordBot({ config, pool: db.pool, clock, logger: silentLogger, tuning: { rest: { retries: 1, timeout: 2_000 } } });
  await bot.online;
}

/** Runs /digest <subcommand> with its options, as a member with the given permissions. */
async function digest(
  subcommand: string,
  options: Record<string, string | boolean> = {},
  as: { permissions?: string; locale?: string } = {},
): Promise<ReplyData> {
  const values = Object.entries(options).map(([name, value]) => ({ name, type: typeof value === 'boolean' ? 5 : 3, value }));
  const raw = [{ type: 1, name: subcommand, options: values }] as APIApplicationCommandInteractionDataOption[];
  const interaction = fake.dispatchInteraction(
    fake.slashCommand({ name: 'digest', options: raw, locale: as.locale ?? 'zh-TW', ...(as.permissions ? { memberPermissions: as.permissions } : {}) }),
  );
  return (await fake.waitForInteractionResponse(interaction.id)).data as ReplyData;
}

const asManager = (subcommand: string, options: Record<string, string | boolean> = {}, locale?: string) =>
  digest(subcommand, options, { permissions: MANAGE_CHANNELS, locale });
const target = () => `discord:${fake.channelId}`;
const isEphemeral = (reply: ReplyData) => ((reply.flags ?? 0) & EPHEMERAL) === EPHEMERAL;

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
  await startBot();
});

afterEach(async () => {
  await bot?.stop();
  bot = null;
  await fake.close();
});

describe('/digest registration', () => {
  it('registers on, off, skip-empty and preview, localized, behind Manage Channels', () => {
    const command = fake.commands(fake.guildId).find((candidate) => candidate.name === 'digest')!;
    expect(command.default_member_permissions).toBe(MANAGE_CHANNELS);
    expect(command.name_localizations).toMatchObject({ 'zh-TW': '每週摘要', 'en-US': 'digest' });
    expect(command.options?.map((option) => [option.type, option.name, option.name_localizations?.['zh-TW']])).toEqual([
      [1, 'on', '開啟'],
      [1, 'off', '關閉'],
      [1, 'skip-empty', '略過空白'],
      [1, 'preview', '預覽'],
    ]);
    const on = command.options?.[0] as { options?: { name: string; choices?: { name: string; value: string; name_localizations?: Record<string, string> }[] }[] };
    const day = on.options?.find((option) => option.name === 'day');
    expect(day?.choices?.map((choice) => choice.value)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);
    expect(day?.choices?.[2]).toMatchObject({ name: 'Wednesday', name_localizations: { 'zh-TW': '星期三' } });
  });
});

describe('/digest on, off and skip-empty', () => {
  it('creates a digest-only subscription on the chosen day and time, keeps what is not given, and says so publicly', async () => {
    const created = await asManager('on', { day: 'wed', time: '18:30' });
    expect(isEphemeral(created)).toBe(false);
    expect(created.content).toContain('已為本頻道建立訂閱：所有政策局，只開啟每週摘要（期限提示關閉），逢星期三 18:30（Asia/Hong_Kong）發送。');
    expect(created.embeds?.[0]?.description).toContain('每週摘要：開');
    expect(await findSubscription(db.pool, target())).toMatchObject({ bureaus: null, deadlines: false, digest: true, digestDay: 'wed', digestTime: '18:30' });

    const off = await asManager('off');
    expect(off.content).toBe('本頻道的每週摘要已關閉。\n注意：期限提示、逾期監察及每週摘要都已關閉，本頻道不會再收到任何訊息。');
    const timeOnly = await asManager('on', { time: '7:05' });
    expect(timeOnly.content).toBe('📬 本頻道的每週摘要已開啟，逢星期三 07:05（Asia/Hong_Kong）發送。');
    expect(await findSubscription(db.pool, target())).toMatchObject({ digest: true, digestDay: 'wed', digestTime: '07:05' });

    const skip = await asManager('skip-empty', { enabled: true }, 'en-US');
    expect(skip.content).toBe('本頻道沒有內容的每週摘要會略過，不會發送。');
    expect((await findSubscription(db.pool, target()))?.digestSkipEmpty).toBe(true);
    await asManager('skip-empty', { enabled: false });
    expect((await findSubscription(db.pool, target()))?.digestSkipEmpty).toBe(false);
  });

  it('uses the configured default when no day or time is given, in the channel’s language', async () => {
    await subscribe(db.pool, { target: target(), bureaus: ['DEVB'], language: 'en' }, clock.now());
    const on = await asManager('on');
    expect(on.content).toBe('📬 This channel gets the weekly digest every Monday at 09:00 (Asia/Hong_Kong).');
    expect(await findSubscription(db.pool, target())).toMatchObject({ bureaus: ['DEVB'], deadlines: true, digest: true, digestDay: null, digestTime: null });
  });

  it('refuses a malformed time, only to the invoker, changing nothing', async () => {
    for (const time of ['9am', '25:00']) {
      const reply = await asManager('on', { day: 'mon', time }, 'en-US');
      expect(isEphemeral(reply)).toBe(true);
      expect(reply.content).toBe('The time must be 24-hour HH:MM, e.g. 09:00.');
    }
    expect((await asManager('on', { time: '9.00' })).content).toBe('時間要是24小時制 HH:MM，例如 09:00。');
    expect(await findSubscription(db.pool, target())).toBeNull();
    expect((await asManager('off', {}, 'en-US')).content).toMatch(/^This channel has no subscription yet/);
  });

  it('refuses members without Manage Channels, checked on receipt, but lets them preview', async () => {
    for (const [subcommand, options] of [['on', { day: 'mon' }], ['off', {}], ['skip-empty', { enabled: true }]] as const) {
      const reply = await digest(subcommand, options, { locale: 'en-US' });
      expect(isEphemeral(reply)).toBe(true);
      expect(reply.content).toBe("Sorry, only members with the Manage Channels permission can change this channel's subscription.");
    }
    expect(await findSubscription(db.pool, target())).toBeNull();
    const none = await digest('preview', {}, { locale: 'en-US' });
    expect(isEphemeral(none)).toBe(true);
    expect(none.content).toBe('This channel has no subscription yet. Use `/digest on` for the weekly digest, or `/subscribe bureau:DEVB` for deadline alerts.');
  });
});

describe('/digest preview', () => {
  it('shows a DEVB channel its 2024-W52 digest, in Chinese, only to the invoker', async () => {
    await subscribe(db.pool, { target: target(), bureaus: ['DEVB'] }, clock.now());
    const reply = await digest('preview');
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toBe('*預覽：本頻道此刻會收到的每週摘要*\n本頻道的每週摘要現時關閉；`/digest on` 即可開啟。');
    expect(reply.embeds?.[0]?.title).toBe('施政承諾每週摘要 2024-W52 · 發展局');
    const text = JSON.stringify(reply.embeds);
    expect(text).toContain('PA2024-7-03');
    expect(text).not.toContain('PA2024-7-10');
  });

  it('shows the digest in the channel’s language (English), with the note in the reader’s', async () => {
    await subscribe(db.pool, { target: target(), bureaus: ['DEVB'], digest: true, language: 'en' }, clock.now());
    const english = await digest('preview', {}, { locale: 'en-GB' });
    expect(english.content).toBe('*Preview: the weekly digest this channel would get now*');
    expect(english.embeds?.[0]?.title).toBe('Weekly digest 2024-W52 · Development Bureau');
    const text = JSON.stringify(english.embeds);
    expect(text).toContain('PA2024-7-03');
    expect(text).not.toContain('PA2024-7-10');
    const chineseReader = await digest('preview', {}, { locale: 'zh-TW' });
    expect(chineseReader.content).toBe('*預覽：本頻道此刻會收到的每週摘要*');
    expect(chineseReader.embeds?.[0]?.title).toBe('Weekly digest 2024-W52 · Development Bureau');
  });
});
