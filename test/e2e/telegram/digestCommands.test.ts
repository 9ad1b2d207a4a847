// /digest in the Telegram bot: choosing the digest's day and time, skipping empty weeks, who may change
// them, and /digest preview, at Monday 2024-12-23 09:30 Hong Kong time (the 2024-W52 digest went out at 09:00).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findSubscription, subscribe } from '../../../src/db/subscriptions.ts';
import type { TestDatabase } from '../../support/createTestDatabase.ts';
import { ask, createSeededDatabase, RELAXED_LIMITS, startTelegramTestBot, textOf, type TestBot } from './startTelegramTestBot.ts';

const NOW = '2024-12-23T09:30:00+08:00';
const ADMIN = 601;
const MEMBER = 602;
let db: TestDatabase;
let bot: TestBot;
let nextChat = 3000;
let chat: number;

beforeAll(async () => {
  db = await createSeededDatabase(NOW);
});
afterAll(async () => {
  await db.drop();
});
beforeEach(async () => {
  bot = await startTelegramTestBot(db.pool, { now: NOW, limits: RELAXED_LIMITS });
  chat = nextChat++;
});
afterEach(async () => {
  await bot.stop();
});

const reply = async (text: string, languageCode = 'zh-hant') => textOf((await ask(bot.fake, { chatId: chat, fromId: chat, text, languageCode }))[0]);
const row = () => findSubscription(db.pool, `telegram:${chat}`);

describe('/digest on [day] [HH:MM], off and skip-empty', () => {
  it('stores the chosen day and time, keeps what is not given, and says when the digest comes', async () => {
    const created = await reply('/digest on 星期三 18:30');
    expect(created).toContain('只開啟每週摘要');
    expect(created).toContain('每週摘要逢星期三 18:30（Asia/Hong_Kong）發送。');
    expect(await row()).toMatchObject({ digest: true, deadlines: false, digestDay: 'wed', digestTime: '18:30' });

    await reply('/digest off');
    expect(await row()).toMatchObject({ digest: false, digestDay: 'wed', digestTime: '18:30' });
    expect(await reply('/digest on')).toContain('每週摘要已開啟。\n每週摘要逢星期三 18:30（Asia/Hong_Kong）發送。');
    expect(await reply('/digest on Friday')).toContain('逢星期五 18:30');
    expect(await row()).toMatchObject({ digest: true, digestDay: 'fri', digestTime: '18:30' });

    expect(await reply('/digest skip-empty on')).toBe('沒有內容的每週摘要會略過，不會發送。');
    expect((await row())?.digestSkipEmpty).toBe(true);
    expect(await reply('/digest skip-empty off')).toBe('每週摘要即使沒有內容亦會照常發送。');
    expect((await row())?.digestSkipEmpty).toBe(false);
  });

  it('uses the configured Monday 09:00 until a chat chooses, and answers in English', async () => {
    expect(await reply('/digest on', 'en')).toContain('The weekly digest comes every Monday at 09:00 (Asia/Hong_Kong).');
    expect(await row()).toMatchObject({ digest: true, digestDay: null, digestTime: null, language: 'en' });
    expect(await reply('/digest on sun 7:05', 'en')).toContain('Weekly digest: on.\nThe weekly digest comes every Sunday at 07:05 (Asia/Hong_Kong).');
    expect(await row()).toMatchObject({ digestDay: 'sun', digestTime: '07:05' });
  });

  it('answers malformed arguments with the usage line and changes nothing', async () => {
    await reply('/digest on mon 09:00');
    const usage = '用法：/digest on [星期] [HH:MM] | off | skip-empty on|off | preview\n例如：/digest on 星期一 09:00';
    expect(await reply('/digest on someday')).toBe(`「someday」不是星期（一至日、mon至sun）或24小時制時間（HH:MM）。\n${usage}`);
    expect(await reply('/digest on tue 25:00')).toContain(`「25:00」不是星期`);
    for (const text of ['/digest', '/digest sometimes', '/digest off mon', '/digest skip-empty', '/digest preview please']) expect(await reply(text)).toBe(usage);
    // The chat's language, not the person's: Chinese until /lang en.
    await reply('/lang en');
    expect(await reply('/digest whenever')).toBe('Usage: /digest on [day] [HH:MM] | off | skip-empty on|off | preview\nExample: /digest on mon 09:00');
    expect(await row()).toMatchObject({ digest: true, digestDay: 'mon', digestTime: '09:00', digestSkipEmpty: null });
  });

  it('lets only administrators change a group’s digest, while anyone may preview it', async () => {
    const group = -4101;
    bot.fake.setChatMember(group, ADMIN, 'administrator');
    const inGroup = async (fromId: number, text: string) => textOf((await ask(bot.fake, { chatId: group, fromId, text }))[0]);
    for (const text of ['/digest on mon 09:00', '/digest skip-empty on', '/digest off']) {
      expect(await inGroup(MEMBER, text)).toBe('抱歉，只有群組管理員可以更改本群組的訂閱。');
    }
    expect(await findSubscription(db.pool, `telegram:${group}`)).toBeNull();
    expect(await inGroup(MEMBER, '/digest preview')).toContain('本對話未有訂閱。輸入 /digest on 接收每週摘要');
    expect(await inGroup(ADMIN, '/digest on tue 08:00')).toContain('逢星期二 08:00');
    expect(await findSubscription(db.pool, `telegram:${group}`)).toMatchObject({ digest: true, digestDay: 'tue', digestTime: '08:00' });
    expect(await inGroup(MEMBER, '/digest preview')).toContain('預覽：本對話此刻會收到的每週摘要');
  });

  it('lists the new syntax in /help and the command menu in both languages', async () => {
    expect(await reply('/help')).toContain('/digest on [星期] [HH:MM] | off | skip-empty on|off | preview — 每週摘要：開關、發送日子及時間、預覽');
    const zhMenu = await bot.handle.bot.api.getMyCommands();
    const enMenu = await bot.handle.bot.api.getMyCommands({ language_code: 'en' });
    expect(zhMenu.find((command) => command.command === 'digest')?.description).toBe('每週摘要：開關、發送日子及時間、預覽');
    expect(enMenu.find((command) => command.command === 'digest')?.description).toBe('Weekly digest: on or off, day and time, preview');
  });
});

describe('/digest preview', () => {
  it('shows a DEVB chat the digest it would get now, in Chinese, saying the digest is off', async () => {
    await reply('/subscribe 發展局');
    const preview = await reply('/digest preview');
    expect(preview).toMatch(/^預覽：本對話此刻會收到的每週摘要\n本對話的每週摘要現時關閉；\/digest on 即可開啟。\n\n施政承諾每週摘要 2024-W52 · 發展局\n/);
    expect(preview).toContain('PA2024-7-03');
    expect(preview).not.toContain('PA2024-7-10');
    const html = bot.fake.sentMessages(chat).at(-1);
    expect(html && 'text' in html ? html.text : '').toContain('<b>施政承諾每週摘要 2024-W52 · 發展局</b>');
  });

  it('shows it in English for an English subscription with the digest on', async () => {
    await subscribe(db.pool, { target: `telegram:${chat}`, bureaus: ['DEVB'], digest: true, language: 'en' }, new Date(NOW));
    const preview = await reply('/digest preview', 'zh-hant');
    expect(preview).toMatch(/^Preview: the weekly digest this chat would get now\n\nWeekly digest 2024-W52 · Development Bureau\n/);
    expect(preview).toContain('PA2024-7-03');
    expect(preview).not.toContain('PA2024-7-10');
  });

  it('tells a chat without a subscription how to get one', async () => {
    expect(await reply('/digest preview', 'en')).toBe('This chat has no subscription yet. Send /digest on for the weekly digest, or /subscribe DEVB for deadline alerts.');
  });
});
