// The bot's commands in English: for a person whose Telegram is in English, and after /lang en.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findSubscription } from '../../../src/db/subscriptions.ts';
import type { TestDatabase } from '../../support/createTestDatabase.ts';
import { ask, createSeededDatabase, htmlOf, RELAXED_LIMITS, startTelegramTestBot, textOf, type TestBot } from './startTelegramTestBot.ts';

let db: TestDatabase;
let bot: TestBot;
let nextChat = 2000;
let chat: number;

beforeAll(async () => {
  db = await createSeededDatabase();
});
afterAll(async () => {
  await db.drop();
});
beforeEach(async () => {
  bot = await startTelegramTestBot(db.pool, { limits: RELAXED_LIMITS });
  chat = nextChat++;
});
afterEach(async () => {
  await bot.stop();
});

const reply = async (text: string, languageCode = 'en') => textOf((await ask(bot.fake, { chatId: chat, fromId: chat, text, languageCode }))[0]);

describe('Telegram commands in English', () => {
  it('answers a person whose Telegram is in English in English, and subscribes in English', async () => {
    expect(await reply('/start')).toContain('Welcome to PolicyWatch!');
    const done = await reply('/subscribe the development bureau, EDUCATION BUREAU');
    expect(done).toContain('✅ Subscribed: Development Bureau, Education Bureau.');
    expect(done).toContain('Alerts come 30, 7, 1 days before a deadline');
    expect(done).toContain('Bureaux: Development Bureau, Education Bureau');
    expect(await findSubscription(db.pool, `telegram:${chat}`)).toMatchObject({ bureaus: ['DEVB', 'EDB'], language: 'en' });
  });

  it('keeps the subscription’s language over the person’s Telegram language', async () => {
    await reply('/lang en', 'zh-hant');
    await reply('/subscribe all', 'zh-hant');
    expect(await reply('/help', 'zh-hant')).toContain('/upcoming [bureau] [days] — Commitments coming due');
    await reply('/lang zh', 'en');
    expect(await reply('/help', 'en')).toContain('/upcoming [政策局] [日數] — 即將到期的承諾');
  });

  it('lists bureaux and upcoming deadlines with English names', async () => {
    const bureaus = await reply('/bureaus');
    expect(bureaus).toMatch(/DEVB Development Bureau \(發展局\) · \d+ open/);
    const upcoming = await reply('/upcoming Development Bureau');
    expect(upcoming).toMatch(/^Due in the next 30 days \(Development Bureau\): 4/);
    expect(upcoming).toContain('⏳ PA2024-7-03 · Due 2024-12-31 (7 days left)\nDevelopment Bureau · ');
    expect(await reply('/overdue DEVB')).toBe('Nothing is overdue.');
    expect(await reply('/upcoming Ministry of Magic')).toBe(
      'Unknown bureau: Ministry, of, Magic. Send /bureaus for the codes and names.\nUsage: /upcoming [bureau] [days]\nExample: /upcoming DEVB 14',
    );
  });

  it('shows a commitment with English labels', async () => {
    const shown = await reply('/show PA2024-7-06');
    expect(shown).toContain('PA2024-7-06 · Development Bureau, Innovation, Technology and Industry Bureau');
    expect(shown).toContain('Deadlines');
    expect(shown).toContain('PA2024-7-06 · Due 2024-12-31 (7 days left) · pending');
    expect(shown).toContain('Source words: 「');
    expect(shown).toContain('Document: 2024年施政報告附篇 第七章');
    expect(await reply('/show PA2024-7-99')).toContain('No commitment PA2024-7-99.');
  });

  it('offers the bureau keyboard with English names, one a row', async () => {
    await ask(bot.fake, { chatId: chat, fromId: chat, text: '/subscribe', languageCode: 'en' });
    const prompt = bot.fake.sentMessages(chat).at(-1)!;
    expect(textOf(prompt)).toBe('Pick the bureaux to follow (✅ = following; press again to stop):');
    const rows = prompt.reply_markup?.inline_keyboard ?? [];
    expect(rows[4]).toEqual([{ text: 'DEVB · Development Bureau', callback_data: 'pw:t:DEVB' }]);
    expect(rows.at(-1)).toEqual([{ text: 'All bureaux', callback_data: 'pw:t:all' }]);
    bot.fake.pressButton({ chatId: chat, fromId: chat, data: 'pw:t:all', messageId: prompt.message_id, languageCode: 'en' });
    expect((await bot.fake.waitForCall('answerCallbackQuery')).params).toMatchObject({ text: 'Following All bureaux' });
    expect(await findSubscription(db.pool, `telegram:${chat}`)).toMatchObject({ bureaus: null, refs: null, language: 'en', deadlines: true });
  });

  it('switches, mutes and reports in English, with usage lines for malformed arguments', async () => {
    expect(await reply('/digest on')).toContain('Created a subscription for this chat: all bureaux, Weekly digest only');
    expect(await reply('/mute 3')).toBe('🔕 Muted: no alerts before 2024-12-27 09:30. Undo: /mute off');
    const summary = await reply('/subscriptions');
    expect(summary).toContain('Covers: all bureaux');
    expect(summary).toContain('Deadline alerts: off · Watchdog: off · Weekly digest: on');
    expect(summary).toContain('Muted until: 2024-12-27 09:30');
    expect(await reply('/digest sometimes')).toBe('Usage: /digest on [day] [HH:MM] | off | skip-empty on|off | preview\nExample: /digest on mon 09:00');
    expect(await reply('/mute forever')).toBe('Usage: /mute <days>|off\nExample: /mute 7');
    expect(await reply('/subscribe and')).toBe('Usage: /subscribe <bureau…|all>\nExample: /subscribe DEVB');
    expect(await reply('/whatever')).toBe('Unknown command /whatever. Send /help for the list.');
    expect(await reply('/met PA2024-7-03 https://x.hk')).toBe('Sorry, only editors can record the status of a commitment.');
  });

  it('escapes what people type when it is repeated back', async () => {
    await ask(bot.fake, { chatId: chat, fromId: chat, text: '/subscribe <b>Bureau&Co</b>', languageCode: 'en' });
    const html = htmlOf(bot.fake.sentMessages(chat).at(-1));
    expect(html).toContain('Unknown bureau: &lt;b&gt;Bureau&amp;Co&lt;/b&gt;.');
    expect(bot.fake.callsTo('sendMessage').at(-1)?.status).toBe(200);
  });

  it('gives the chat its private calendar URL and rotates it', async () => {
    expect(await reply('/calendar')).toContain('/subscribe');
    await reply('/subscribe DEVB');
    const first = await reply('/calendar');
    const url = /(http\S+\/calendar\/[\w-]+\.ics)/.exec(first)?.[1];
    expect(url, first).toBeTruthy();
    expect(await reply('/calendar')).toContain(url!);
    const rotated = await reply('/calendar rotate');
    expect(rotated).toContain('the old one stopped working');
    expect(rotated).not.toContain(url!);
    expect(await reply('/calendar now')).toContain('Usage: /calendar [rotate]');
  });
});
