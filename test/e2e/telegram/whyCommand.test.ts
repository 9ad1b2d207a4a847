// /why in Telegram: a chat admin asks which alerts of a deadline the chat gets, and why not the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscribe } from '../../../src/db/subscriptions.ts';
import type { TestDatabase } from '../../support/createTestDatabase.ts';
import { ask, createSeededDatabase, RELAXED_LIMITS, startTelegramTestBot, textOf, type TestBot } from './startTelegramTestBot.ts';

let db: TestDatabase;
let bot: TestBot;

beforeAll(async () => {
  db = await createSeededDatabase();
  bot = await startTelegramTestBot(db.pool, { limits: RELAXED_LIMITS });
});
afterAll(async () => {
  await bot.stop();
  await db.drop();
});

const reply = async (chat: number, text: string) => textOf((await ask(bot.fake, { chatId: chat, fromId: chat, text, languageCode: 'en' }))[0]);

describe('/why', () => {
  it('explains each slot of a deadline for this chat', async () => {
    await subscribe(db.pool, { target: 'telegram:3101', bureaus: ['DEVB'], language: 'en' }, new Date('2024-11-01T00:00:00Z'));
    const text = await reply(3101, '/why PA2024-7-03/1');
    expect(text).toMatch(/^PA2024-7-03\/1 · Due 2024-12-31 · pending/);
    // the tick never ran: of the slots up to now only the latest goes out, as the tick would decide
    expect(text).toContain('❌ 2024-12-01 09:00 · Approaching (30) · superseded by a later alert');
    expect(text).toContain('✅ 2024-12-24 09:00 · Approaching (7) · the next tick sends it');
  });

  it('says muted, not followed, unknown ref, no subscription', async () => {
    await subscribe(db.pool, { target: 'telegram:3102', bureaus: ['EDB'], language: 'en' }, new Date('2024-11-01T00:00:00Z'));
    expect(await reply(3102, '/why PA2024-7-03/1')).toContain('❌ 2024-12-24 09:00 · Approaching (7) · follows neither its bureau nor its ref');
    await subscribe(db.pool, { target: 'telegram:3103', all: true, language: 'en' }, new Date('2024-11-01T00:00:00Z'));
    await db.pool.query("UPDATE subscriptions SET muted_until = '2025-01-01T00:00:00Z' WHERE target = 'telegram:3103'");
    expect(await reply(3103, '/why PA2024-7-03/1')).toContain('❌ 2024-12-24 09:00 · Approaching (7) · muted');
    expect(await reply(3103, '/why PA1999-1-01')).toBe('No commitment PA1999-1-01.');
    expect(await reply(3104, '/why PA2024-7-03')).toContain('This chat has no subscription yet.');
  });
});
