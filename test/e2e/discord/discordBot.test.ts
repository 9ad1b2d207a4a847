// The Discord bot: a real discord.js Client logged in to the fake Discord, answering every slash command and
// autocomplete against a seeded database.
import { PermissionFlagsBits, type APIApplicationCommandOptionChoice, type APIEmbed } from 'discord.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUREAUS } from '../../../src/domain/bureaus.ts';
import { createFixedClock } from '../../../src/clock.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Pool } from '../../../src/db/createPool.ts';
import { findSubscription, subscribe } from '../../../src/db/subscriptions.ts';
import { startDiscordBot, type DiscordBotHandle } from '../../../src/bots/discord/startDiscordBot.ts';
import { getCommitmentDetails } from '../../../src/services/getCommitmentDetails.ts';
import { startFakeDiscord, type AutocompleteInput, type FakeDiscord, type SlashCommandInput } from '../../fakes/discord/startFakeDiscord.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';
import { seedTestDatabase, silentLogger } from '../../support/seedTestDatabase.ts';

const MANAGE_CHANNELS = String(PermissionFlagsBits.ManageChannels);
const EPHEMERAL = 64;
const EDITOR_USER = '1300000000000004000';
const EDITOR_ROLE = '1300000000000005000';
const NOW = '2024-12-24T10:00:00+08:00';

interface ReplyData {
  content?: string;
  embeds?: APIEmbed[];
  flags?: number;
  choices?: APIApplicationCommandOptionChoice[];
}

let db: TestDatabase;
let fake: FakeDiscord;
let bot: DiscordBotHandle | null = null;
const clock = createFixedClock(NOW);

async function startBot(env: Record<string, string> = {}, extra: { deferAfterMs?: number; pool?: Pool } = {}): Promise<DiscordBotHandle> {
  const config = loadConfig({
    env: {
      DISCORD_BOT_TOKEN: fake.token,
      DISCORD_API_ROOT: fake.restApi,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_EDITORS: EDITOR_USER,
      DISCORD_EDITOR_ROLE_ID: EDITOR_ROLE,
      ...env,
    },
  });
  bot = startDiscordBot({ config, pool: extra.pool ?? db.pool, clock, logger: silentLogger, tuning: { rest: { retries: 1, timeout: 2_000 } }, deferAfterMs: extra.deferAfterMs });
  await bot.online;
  return bot;
}

async function run(input: SlashCommandInput): Promise<ReplyData> {
  const interaction = fake.dispatchInteraction(fake.slashCommand({ locale: 'zh-TW', ...input }));
  const response = await fake.waitForInteractionResponse(interaction.id);
  return response.data as ReplyData;
}

async function suggest(input: AutocompleteInput): Promise<APIApplicationCommandOptionChoice[]> {
  const interaction = fake.dispatchInteraction(fake.autocomplete({ locale: 'zh-TW', ...input }));
  const response = await fake.waitForInteractionResponse(interaction.id);
  expect(response.type).toBe(8);
  return (response.data as ReplyData).choices ?? [];
}

const asManager = (input: SlashCommandInput): Promise<ReplyData> => run({ memberPermissions: MANAGE_CHANNELS, ...input });
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
  await db.pool.query('TRUNCATE notifications, scheduler_state, subscriptions, milestone_status_history RESTART IDENTITY CASCADE');
  await db.pool.query("UPDATE milestones SET status = 'pending', due = extracted_due, evidence_url = NULL");
  clock.set(NOW);
  fake = await startFakeDiscord({ guilds: [{ roles: [{ id: EDITOR_ROLE, name: 'Editors' }] }] });
});

afterEach(async () => {
  await bot?.stop();
  bot = null;
  await fake.close();
});

describe('command registration', () => {
  it('registers every command in the configured guild, localized, with Manage Channels on the subscription commands', async () => {
    await startBot();
    expect(fake.commands()).toEqual([]);
    const commands = fake.commands(fake.guildId);
    const byName = new Map(commands.map((command) => [command.name, command]));
    expect([...byName.keys()].sort()).toEqual(['calendar', 'digest', 'lang', 'mute', 'overdue', 'report', 'review', 'show', 'status', 'subscribe', 'subscriptions', 'unsubscribe', 'upcoming', 'why']);
    for (const name of ['subscribe', 'unsubscribe', 'digest', 'lang', 'mute', 'why', 'calendar']) expect(byName.get(name)?.default_member_permissions).toBe(MANAGE_CHANNELS);
    for (const name of ['subscriptions', 'upcoming', 'overdue', 'show', 'status', 'report', 'review']) expect(byName.get(name)?.default_member_permissions).toBeNull();
    const subscribeCommand = byName.get('subscribe')!;
    expect(subscribeCommand.name_localizations).toMatchObject({ 'zh-TW': '訂閱', 'en-US': 'subscribe' });
    expect(subscribeCommand.description_localizations?.['zh-TW']).toBe('本頻道訂閱政策局的期限提示');
    expect(subscribeCommand.options).toEqual([
      expect.objectContaining({ name: 'bureau', type: 3, required: true, autocomplete: true, name_localizations: expect.objectContaining({ 'zh-TW': '政策局' }) }),
      expect.objectContaining({ name: 'watchdog', type: 5 }),
      expect.objectContaining({ name: 'digest', type: 5 }),
    ]);
    const statusOption = byName.get('status')!.options?.find((option) => option.name === 'status') as { choices?: { value: string; name_localizations?: Record<string, string> }[] };
    expect(statusOption.choices?.map((choice) => choice.value)).toEqual(['pending', 'met', 'claimed', 'rescheduled', 'dropped']);
    expect(statusOption.choices?.[1]?.name_localizations?.['zh-TW']).toBe('已完成');
    for (const command of commands) {
      expect(command.description.length).toBeLessThanOrEqual(100);
      for (const text of Object.values(command.description_localizations ?? {})) expect(text?.length ?? 0).toBeLessThanOrEqual(100);
    }
  });

  it('writes the commands once: a restart and replicas starting together find them up to date', async () => {
    const puts = () => fake.calls.filter((call) => call.method === 'PUT' && call.path.endsWith('/commands'));
    await startBot();
    expect(puts()).toHaveLength(1);
    await bot!.stop();
    await startBot(); // a restart of the same version
    expect(puts()).toHaveLength(1);
    await bot!.stop();
    bot = null;
    // Two replicas of a new deployment: one writes, the other (after its turn) finds Discord's copy equal.
    fake.reset();
    const config = loadConfig({ env: { DISCORD_BOT_TOKEN: fake.token, DISCORD_API_ROOT: fake.restApi, DISCORD_GUILD_ID: fake.guildId } });
    const replicas = [0, 1].map(() => startDiscordBot({ config, pool: db.pool, clock, logger: silentLogger, tuning: { rest: { retries: 1, timeout: 2_000 } } }));
    try {
      await Promise.all(replicas.map((replica) => replica.online));
      expect(puts()).toHaveLength(1);
      expect(fake.calls.filter((call) => call.method === 'GET' && call.path.endsWith('/commands'))).toHaveLength(2);
    } finally {
      await Promise.all(replicas.map((replica) => replica.stop()));
    }
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    await startBot({ DISCORD_GUILD_ID: '' });
    expect(fake.commands(fake.guildId)).toEqual([]);
    expect(fake.commands()).toHaveLength(14);
  });
});

describe('/why', () => {
  it('shows a manager, privately, which alerts of a deadline the channel gets and why not the others', async () => {
    await startBot();
    await subscribe(db.pool, { target: target(), bureaus: ['DEVB'] }, new Date('2024-12-20T00:00:00Z'));
    const reply = await asManager({ name: 'why', options: { ref: 'PA2024-7-03/1' }, locale: 'en-US' });
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toMatch(/^\*\*PA2024-7-03\/1\*\* · Due 2024-12-31 · pending/);
    expect(reply.content).toContain('❌ 2024-12-01 09:00 · Approaching (30) · before the subscription started');
    expect(reply.content).toContain('✅ 2024-12-24 09:00 · Approaching (7) · the next tick sends it');
    expect((await asManager({ name: 'why', options: { ref: 'PA1999-1-01' }, locale: 'en-US' })).content).toBe('No commitment PA1999-1-01.');
    const member = await run({ name: 'why', options: { ref: 'PA2024-7-03/1' }, locale: 'en-US' });
    expect(member.content).not.toContain('Approaching');
  });
});

describe('/subscribe and /unsubscribe', () => {
  it('subscribes the channel to a bureau and says so publicly, in the channel language (zh-HK by default)', async () => {
    await startBot();
    const reply = await asManager({ name: 'subscribe', options: { bureau: 'DEVB', watchdog: true }, locale: 'en-US' });
    expect(isEphemeral(reply)).toBe(false);
    expect(reply.content).toContain('✅ 本頻道已訂閱：發展局。');
    expect(reply.content).toContain('期限前30、7、1日');
    expect(reply.embeds?.[0]?.description).toContain(`\`${target()}\``);
    const row = await findSubscription(db.pool, target());
    expect(row).toMatchObject({ bureaus: ['DEVB'], refs: null, deadlines: true, watchdog: true, digest: false, language: 'zh-HK', disabledAt: null });
    expect(row?.activeSince.toISOString()).toBe(new Date(NOW).toISOString());
  });

  it('accepts names, several bureaux and "all"', async () => {
    await startBot();
    await asManager({ name: 'subscribe', options: { bureau: '發展局及創新科技及工業局', digest: true } });
    expect(await findSubscription(db.pool, target())).toMatchObject({ bureaus: ['DEVB', 'ITIB'], digest: true });
    const all = await asManager({ name: 'subscribe', options: { bureau: 'all' } });
    expect(all.content).toContain('所有政策局');
    expect(await findSubscription(db.pool, target())).toMatchObject({ bureaus: null, refs: null });
  });

  it('refuses members without Manage Channels, checked on receipt, changing nothing', async () => {
    await startBot();
    const inputs: SlashCommandInput[] = [
      { name: 'subscribe', options: { bureau: 'DEVB' } },
      { name: 'unsubscribe', options: { bureau: 'all' } },
      { name: 'lang', options: { language: 'en' } },
      { name: 'mute', options: { days: 7 } },
    ];
    for (const input of inputs) {
      const reply = await run({ ...input, locale: 'en-US' });
      expect(isEphemeral(reply)).toBe(true);
      expect(reply.content).toBe("Sorry, only members with the Manage Channels permission can change this channel's subscription.");
    }
    expect(await findSubscription(db.pool, target())).toBeNull();
    // Administrators have every permission.
    await run({ name: 'subscribe', options: { bureau: 'DEVB' }, memberPermissions: String(PermissionFlagsBits.Administrator) });
    expect(await findSubscription(db.pool, target())).not.toBeNull();
  });

  it('answers an unknown bureau with an ephemeral explanation and changes nothing', async () => {
    await startBot();
    const reply = await asManager({ name: 'subscribe', options: { bureau: 'DEVB XYZB' }, locale: 'en-US' });
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toBe('Unknown bureau: XYZB. Give a code (e.g. DEVB), an English or Chinese name, or pick a suggestion.');
    expect(await findSubscription(db.pool, target())).toBeNull();
  });

  it('removes a bureau, then everything', async () => {
    await startBot();
    await asManager({ name: 'subscribe', options: { bureau: 'DEVB ITIB' } });
    const partly = await asManager({ name: 'unsubscribe', options: { bureau: 'ITIB' } });
    expect(partly.content).toContain('已取消訂閱：創新科技及工業局。');
    expect(await findSubscription(db.pool, target())).toMatchObject({ bureaus: ['DEVB'], disabledAt: null });
    const notFollowed = await asManager({ name: 'unsubscribe', options: { bureau: 'EDB' } });
    expect(isEphemeral(notFollowed)).toBe(true);
    expect(notFollowed.content).toBe('本頻道沒有訂閱：教育局。');
    const all = await asManager({ name: 'unsubscribe', options: { bureau: 'all' } });
    expect(all.content).toBe('本頻道已取消所有訂閱。');
    expect((await findSubscription(db.pool, target()))?.disabledReason).toBe('unsubscribed');
    const nothing = await asManager({ name: 'unsubscribe', options: { bureau: 'DEVB' } });
    expect(nothing.content).toContain('本頻道未有訂閱');
  });
});

describe('reading commands', () => {
  it('/subscriptions answers only the invoker, in their locale', async () => {
    await startBot();
    const none = await run({ name: 'subscriptions', locale: 'en-US' });
    expect(isEphemeral(none)).toBe(true);
    expect(none.content).toMatch(/^This channel has no subscription yet/);
    await subscribe(db.pool, { target: target(), bureaus: ['DEVB'], watchdog: true }, clock.now());
    const english = await run({ name: 'subscriptions', locale: 'en-GB' });
    expect(isEphemeral(english)).toBe(true);
    expect(english.embeds?.[0]).toMatchObject({ title: "This channel's subscription" });
    expect(english.embeds?.[0]?.description).toContain('Bureaux: Development Bureau');
    expect(english.embeds?.[0]?.description).toContain('Watchdog: on');
    const chinese = await run({ name: 'subscriptions', locale: 'zh-TW' });
    expect(chinese.embeds?.[0]?.description).toContain('政策局：發展局');
    // A locale that is neither falls back to the channel's language.
    const japanese = await run({ name: 'subscriptions', locale: 'ja' });
    expect(japanese.embeds?.[0]?.title).toBe('本頻道的訂閱');
  });

  it('/upcoming lists what comes due, for a bureau and a number of days', async () => {
    await startBot();
    const reply = await run({ name: 'upcoming', options: { bureau: 'DEVB', days: 14 } });
    expect(isEphemeral(reply)).toBe(true);
    const embed = reply.embeds![0]!;
    expect(embed.title).toBe('未來14日內到期的承諾（發展局）：4項');
    // PA2024-7-01 has two milestones, so the one due now is named with its number.
    for (const ref of ['PA2024-7-01/1', 'PA2024-7-03', 'PA2024-7-04', 'PA2024-7-06']) expect(embed.description).toContain(`\`${ref}\``);
    expect(embed.description).toContain('期限 2024-12-31（尚餘7日）');
    const none = await run({ name: 'upcoming', options: { bureau: 'EDB' }, locale: 'en-US' });
    expect(none.content).toBe('Nothing is due in the next 30 days.');
    const badDays = await run({ name: 'upcoming', options: { days: 400 }, locale: 'en-US' });
    expect(badDays.content).toBe('Days must be a whole number from 1 to 365.');
    const badBureau = await run({ name: 'upcoming', options: { bureau: 'nowhere' }, locale: 'en-US' });
    expect(badBureau.content).toMatch(/^Unknown bureau: nowhere\./);
  });

  it('/overdue lists missed deadlines', async () => {
    clock.set('2025-01-02T10:00:00+08:00');
    await startBot();
    const reply = await run({ name: 'overdue', options: { bureau: 'DEVB' }, locale: 'en-US' });
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.embeds![0]!.title).toBe('Overdue (Development Bureau): 4');
    expect(reply.embeds![0]!.description).toContain('Due 2024-12-31 (2 days overdue)');
  });

  it('/show gives a commitment with its milestones and document, searches words, suggests near misses', async () => {
    await startBot();
    const reply = await run({ name: 'show', options: { ref: 'pa2024-7-01' } });
    expect(isEphemeral(reply)).toBe(true);
    const embed = reply.embeds![0]!;
    expect(embed.title).toBe('PA2024-7-01');
    expect(embed.description).toContain('**發展局**');
    expect(embed.fields?.map((field) => field.name)).toEqual(['PA2024-7-01/1 · 期限 2024-12-31（尚餘7日）', 'PA2024-7-01/2 · 期限 2025-06-30（尚餘188日）', '文件']);
    expect(embed.fields?.[0]?.value).toContain('原文：「');
    const search = await run({ name: 'show', options: { ref: '北部都會區' } });
    expect(search.embeds?.[0]?.title).toBe('與「北部都會區」相關的承諾');
    const near = await run({ name: 'show', options: { ref: 'PA2024-7-99' }, locale: 'en-US' });
    expect(near.content).toMatch(/^No commitment `PA2024-7-99`\.\n\nDid you mean:\n`PA2024-7-01`/);
  });
});

describe('/lang and /mute', () => {
  it('/lang switches a subscribed channel, publicly, and is remembered for a channel that subscribes later', async () => {
    await startBot();
    const remembered = await asManager({ name: 'lang', options: { language: 'en' } });
    expect(isEphemeral(remembered)).toBe(false);
    expect(remembered.content).toBe('This channel now uses English. Once it subscribes, alerts come in English too.');
    const subscribed = await asManager({ name: 'subscribe', options: { bureau: 'DEVB' }, locale: 'zh-TW' });
    expect(subscribed.content).toContain('✅ This channel now follows: Development Bureau.');
    expect(await findSubscription(db.pool, target())).toMatchObject({ language: 'en' });
    const back = await asManager({ name: 'lang', options: { language: 'zh' } });
    expect(back.content).toBe('本頻道已切換為中文，提示亦會以中文發送。');
    expect(await findSubscription(db.pool, target())).toMatchObject({ language: 'zh-HK' });
  });

  it('/mute pauses the channel for some days and days:0 undoes it', async () => {
    await startBot();
    const unsubscribed = await asManager({ name: 'mute', options: { days: 7 } });
    expect(isEphemeral(unsubscribed)).toBe(true);
    await subscribe(db.pool, { target: target(), bureaus: ['DEVB'] }, clock.now());
    const muted = await asManager({ name: 'mute', options: { days: 7 } });
    const until = new Date(new Date(NOW).getTime() + 7 * 86_400_000);
    expect(muted.content).toBe(`🔕 本頻道已靜音，<t:${until.getTime() / 1000}:f> 前不會發送提示。取消：\`/mute days:0\``);
    expect((await findSubscription(db.pool, target()))?.mutedUntil?.toISOString()).toBe(until.toISOString());
    const unmuted = await asManager({ name: 'mute', options: { days: 0 } });
    expect(unmuted.content).toBe('🔔 本頻道已取消靜音。');
    expect((await findSubscription(db.pool, target()))?.mutedUntil).toBeNull();
    const bad = await asManager({ name: 'mute', options: { days: 400 } });
    expect(bad.content).toBe('日數要是0至365之間的整數（0 即取消靜音）。');
  });
});

describe('/calendar', () => {
  it('shows the channel its private calendar URL, only to the asker, and rotates it', async () => {
    await startBot();
    await subscribe(db.pool, { target: target(), bureaus: ['DEVB'] }, clock.now());
    const first = await asManager({ name: 'calendar', options: {}, locale: 'en-US' });
    expect(isEphemeral(first)).toBe(true);
    const url = /(http\S+\/calendar\/[\w-]+\.ics)/.exec(first.content ?? '')?.[1];
    expect(url, first.content).toBeTruthy();
    const rotated = await asManager({ name: 'calendar', options: { action: 'rotate' }, locale: 'en-US' });
    expect(rotated.content).toContain('the old one stopped working');
    expect(rotated.content).not.toContain(url!);
  });
});

describe('/status for editors', () => {
  it('records a status change for a listed editor, with the evidence, as discord:<user id>', async () => {
    await startBot();
    const evidence = 'https://www.info.gov.hk/gia/general/202412/20/P2024122000100.htm';
    const reply = await run({ name: 'status', options: { ref: 'PA2024-7-03', status: 'met', evidence, note: 'LegCo paper' }, userId: EDITOR_USER });
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.content).toBe('已記錄 `PA2024-7-03`：未完成 → 已完成。');
    const details = await getCommitmentDetails(db.pool, 'PA2024-7-03');
    expect(details?.milestones[0]).toMatchObject({ status: 'met', evidenceUrl: evidence });
    expect(details?.milestones[0]?.history).toEqual([expect.objectContaining({ actor: `discord:${EDITOR_USER}`, source: 'discord', note: 'LegCo paper', status: 'met' })]);
  });

  it('accepts a member holding the editor role and reschedules with a new due date', async () => {
    await startBot();
    const reply = await run({ name: 'status', options: { ref: 'PA2024-7-01/2', status: 'rescheduled', due: '2025-09-30' }, roles: [EDITOR_ROLE], locale: 'en-US' });
    expect(reply.content).toBe('Recorded `PA2024-7-01/2`: pending → rescheduled (new due date 2025-09-30).');
    expect((await getCommitmentDetails(db.pool, 'PA2024-7-01'))?.milestones[1]).toMatchObject({ status: 'rescheduled', due: '2025-09-30' });
  });

  it('refuses everyone else, and explains a change the rules do not allow', async () => {
    await startBot();
    const refused = await run({ name: 'status', options: { ref: 'PA2024-7-03', status: 'claimed' }, memberPermissions: String(PermissionFlagsBits.Administrator), locale: 'en-US' });
    expect(refused.content).toBe('Sorry, only editors can record the status of a commitment.');
    expect((await getCommitmentDetails(db.pool, 'PA2024-7-03'))?.milestones[0]?.status).toBe('pending');
    const ambiguous = await run({ name: 'status', options: { ref: 'PA2024-7-01', status: 'claimed' }, userId: EDITOR_USER, locale: 'en-US' });
    expect(ambiguous.content).toBe('Not recorded: PA2024-7-01: this commitment has 2 milestones; name one as PA2024-7-01/1 … PA2024-7-01/2');
    const noEvidence = await run({ name: 'status', options: { ref: 'PA2024-7-03', status: 'met' }, userId: EDITOR_USER, locale: 'en-US' });
    expect(noEvidence.content).toMatch(/^Not recorded: marking a milestone met needs public evidence/);
    expect(isEphemeral(noEvidence)).toBe(true);
  });
});

describe('autocomplete', () => {
  it('suggests bureaux by code or name, in the reader language, with "all" where it applies', async () => {
    await startBot();
    const byCode = await suggest({ name: 'subscribe', focused: { name: 'bureau', value: 'dev' } });
    expect(byCode[0]).toEqual({ name: 'DEVB · 發展局', value: 'DEVB' });
    const byName = await suggest({ name: 'subscribe', focused: { name: 'bureau', value: 'Development' }, locale: 'en-US' });
    // A name that starts with the words ranks before one that only contains them.
    expect(byName).toEqual([
      { name: 'DEVB · Development Bureau', value: 'DEVB' },
      { name: 'CEDB · Commerce and Economic Development Bureau', value: 'CEDB' },
    ]);
    const byChinese = await suggest({ name: 'upcoming', focused: { name: 'bureau', value: '醫務衛生' } });
    expect(byChinese).toEqual([{ name: 'HHB · 醫務衞生局', value: 'HHB' }]);
    const everything = await suggest({ name: 'subscribe', focused: { name: 'bureau', value: '' } });
    expect(everything).toHaveLength(BUREAUS.length + 1); // every bureau and "all" (Discord allows 25)
    expect(everything.at(-1)).toEqual({ name: '全部政策局 (all)', value: 'all' });
    expect((await suggest({ name: 'overdue', focused: { name: 'bureau', value: '' } })).some((choice) => choice.value === 'all')).toBe(false);
  });

  it('offers /unsubscribe only what the channel follows', async () => {
    await startBot();
    await subscribe(db.pool, { target: target(), bureaus: ['DEVB', 'ITIB'] }, clock.now());
    const choices = await suggest({ name: 'unsubscribe', focused: { name: 'bureau', value: '' }, locale: 'en-US' });
    expect(choices.map((choice) => choice.value)).toEqual(['DEVB', 'ITIB', 'all']);
  });

  it('suggests refs for /show and milestone refs for /status', async () => {
    await startBot();
    const refs = await suggest({ name: 'show', focused: { name: 'ref', value: 'pa2024-7-0' } });
    expect(refs.map((choice) => choice.value)).toEqual(['PA2024-7-01', 'PA2024-7-02', 'PA2024-7-03', 'PA2024-7-04', 'PA2024-7-05', 'PA2024-7-06', 'PA2024-7-07', 'PA2024-7-08', 'PA2024-7-09']);
    expect(refs.every((choice) => choice.name.length <= 100 && choice.name.startsWith(String(choice.value)))).toBe(true);
    const milestones = await suggest({ name: 'status', focused: { name: 'ref', value: 'PA2024-7-01' }, userId: EDITOR_USER, locale: 'en-US' });
    expect(milestones.map((choice) => choice.value)).toEqual(['PA2024-7-01/1', 'PA2024-7-01/2']);
    expect(milestones[0]?.name).toMatch(/^PA2024-7-01\/1 · 2024-12-31 · pending · /);
    const single = await suggest({ name: 'status', focused: { name: 'ref', value: 'PA2024-7-03' } });
    expect(single.map((choice) => choice.value)).toEqual(['PA2024-7-03']);
  });
});

describe('answering late', () => {
  it('defers a reply that is not ready in time and edits it in', async () => {
    // Every query takes 150 ms, so the answer is certainly not ready after 30 ms.
    const slowPool = new Proxy(db.pool, {
      get(pool, property) {
        if (property === 'query') {
          return async (...args: Parameters<Pool['query']>) => {
            await new Promise((resolve) => setTimeout(resolve, 150));
            return (pool.query as (...all: unknown[]) => unknown)(...args);
          };
        }
        const value: unknown = Reflect.get(pool, property);
        return typeof value === 'function' ? value.bind(pool) : value;
      },
    });
    await startBot({}, { deferAfterMs: 30, pool: slowPool });
    const interaction = fake.dispatchInteraction(fake.slashCommand({ name: 'upcoming', options: { bureau: 'DEVB' }, locale: 'en-US' }));
    const response = await fake.waitForInteractionResponse(interaction.id);
    expect(response).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    await fake.waitForCall('PATCH', `/webhooks/${fake.applicationId}/:token/messages/@original`);
    const [message] = fake.messages(fake.channelId);
    expect(message?.flags).toBe(EPHEMERAL);
    expect(message?.embeds[0]?.title).toBe('Due in the next 30 days (Development Bureau): 4');
  });
});
