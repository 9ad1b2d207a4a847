// A real grammY bot (startTelegramBot) against the fake Telegram server, on a test database seeded with the
// seeds manifest, with a fixed clock. Plus the few helpers the Telegram end-to-end tests share.
import path from 'node:path';
import type { Message } from 'grammy/types';
import { startTelegramBot, type TelegramBotHandle } from '../../../src/bots/telegram/startTelegramBot.ts';
import { createFixedClock } from '../../../src/clock.ts';
import { loadConfig, PROJECT_ROOT, type Config } from '../../../src/config.ts';
import type { Pool } from '../../../src/db/createPool.ts';
import { loadSeeds } from '../../../src/ingest/loadSeeds.ts';
import { createLogger, type Logger } from '../../../src/logger.ts';
import type { TelegramLimits } from '../../../src/notify/telegram/createTelegramLimiter.ts';
import { startFakeTelegram, type FakeTelegram, type SendTextInput, type StartFakeTelegramOptions } from '../../fakes/telegram/startFakeTelegram.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';

export const SEED_NOW = '2024-12-24T09:30:00+08:00';
/** Command tests are about what the bot says, not its pace; delivery tests keep Telegram's limits. */
export const RELAXED_LIMITS: Partial<TelegramLimits> = { perChat: { messages: 100, windowMs: 1_000 } };

export async function createSeededDatabase(now = SEED_NOW): Promise<TestDatabase> {
  const db = await createTestDatabase();
  await loadSeeds(db.pool, path.join(PROJECT_ROOT, 'seeds/manifest.yaml'), { now: new Date(now), logger: createLogger({ level: 'silent' }) });
  return db;
}

export interface TestBot {
  fake: FakeTelegram;
  handle: TelegramBotHandle;
  clock: ReturnType<typeof createFixedClock>;
  config: Config;
  logger: Logger;
  pool: Pool;
  stop(): Promise<void>;
}

export async function startTelegramTestBot(
  pool: Pool,
  options: { editors?: string[]; now?: string; limits?: Partial<TelegramLimits>; fake?: StartFakeTelegramOptions } = {},
): Promise<TestBot> {
  const fake = await startFakeTelegram(options.fake);
  const config = loadConfig({
    env: { TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.apiRoot, TELEGRAM_EDITORS: (options.editors ?? []).join(',') },
  });
  const clock = createFixedClock(options.now ?? SEED_NOW);
  const logger = createLogger({ level: 'silent' });
  const handle = startTelegramBot({ config, pool, clock, logger, pollTimeoutSeconds: 2, limits: options.limits });
  await handle.polling;
  return {
    fake,
    handle,
    clock,
    config,
    logger,
    pool,
    async stop() {
      await handle.stop();
      await fake.close();
    },
  };
}

/** Sends a message as a person and waits for the bot's next `count` messages in that chat. */
export async function ask(fake: FakeTelegram, input: SendTextInput, count = 1, timeoutMs = 5_000): Promise<Message[]> {
  const before = fake.sentMessages(input.chatId).length;
  fake.sendText(input);
  return waitForMessages(fake, input.chatId, before + count, timeoutMs).then((all) => all.slice(before));
}

export async function waitForMessages(fake: FakeTelegram, chatId: number, count: number, timeoutMs = 5_000): Promise<Message[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sent = fake.sentMessages(chatId);
    if (sent.length >= count) return sent;
    if (Date.now() > deadline) throw new Error(`expected ${count} messages in chat ${chatId}, got ${sent.length}: ${JSON.stringify(sent.map((m) => ('text' in m ? m.text : '')))}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The fake keeps the HTML the bot sent; this is what a reader sees once Telegram has parsed it. */
export function textOf(message: Message | undefined): string {
  const html = message && 'text' in message && message.text ? message.text : '';
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** The HTML of a message the bot sent, as it was sent. */
export function htmlOf(message: Message | undefined): string {
  return message && 'text' in message && message.text ? message.text : '';
}

/** Polls until the condition holds (a database change the bot makes without replying). */
export async function waitUntil<T>(condition: () => Promise<T> | T, timeoutMs = 5_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
