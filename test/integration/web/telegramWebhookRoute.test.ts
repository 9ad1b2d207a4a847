// The webhook route with the real intake over a test database: the secret is required, an update is recorded
// before 200, a re-sent or concurrently delivered copy is not handled again, and a claim whose handler died is
// taken over (by another intake, as another replica would) once its lease has run out.
import type { FastifyInstance } from 'fastify';
import type { Update } from 'grammy/types';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookIntake, type WebhookIntake } from '../../../src/bots/telegram/createWebhookIntake.ts';
import { pruneTelegramUpdates } from '../../../src/db/telegramUpdates.ts';
import { createWebServer } from '../../../src/web/createWebServer.ts';
import { createTestDatabase, type TestDatabase } from '../../support/createTestDatabase.ts';

const SECRET = 'test-secret-0123456789_abc';
const PATH = '/telegram/webhook';
const BOT_ID = 123456789;
const logger = pino({ level: 'silent' });

const textUpdate = (updateId: number, chatId = 42): Update =>
  ({
    update_id: updateId,
    message: { message_id: updateId, date: 1, chat: { id: chatId, type: 'private', first_name: 'R' }, from: { id: chatId, is_bot: false, first_name: 'R' }, text: '/help' },
  }) as Update;

const until = async (check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('POST /telegram/webhook', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let intake: WebhookIntake;
  const handled: number[] = [];

  const post = (update: unknown, secret: string | null = SECRET) =>
    app.inject({ method: 'POST', url: PATH, payload: update as object, headers: secret === null ? {} : { 'x-telegram-bot-api-secret-token': secret } });

  const stateOf = async (updateId: number): Promise<{ state: string; attempts: number } | undefined> =>
    (await db.pool.query<{ state: string; attempts: number }>('SELECT state, attempts FROM telegram_updates WHERE bot_id = $1 AND update_id = $2', [BOT_ID, updateId])).rows[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    intake = createWebhookIntake({
      pool: db.pool,
      botId: BOT_ID,
      logger,
      leaseMs: 60_000,
      maxAttempts: 3,
      ready: () => true,
      async handle(update) {
        await new Promise((resolve) => setTimeout(resolve, 30)); // a handler that takes a moment
        handled.push(update.update_id);
      },
    });
    app = await createWebServer({
      pool: db.pool,
      now: () => new Date('2025-01-15T10:00:00+08:00'),
      timezone: 'Asia/Hong_Kong',
      publicUrl: 'http://127.0.0.1:8080',
      leadDays: [30, 7, 1],
      rateLimitPerMinute: 5,
      health: async () => ({ statusCode: 200, body: {} }),
      telegramWebhook: { path: PATH, secret: SECRET, receive: (update) => intake.receive(update as Update) },
    });
  });
  afterAll(async () => {
    await app.close();
    await intake.stop();
    await db.drop();
  });

  it('refuses a request without the secret, or with a wrong one, and records nothing', async () => {
    expect((await post(textUpdate(1), null)).statusCode).toBe(401);
    expect((await post(textUpdate(1), 'wrong-secret-0123456789')).statusCode).toBe(401);
    expect((await post(textUpdate(1), `${SECRET}x`)).statusCode).toBe(401);
    expect(await stateOf(1)).toBeUndefined();
    expect(handled).not.toContain(1);
  });

  it('refuses a body that is not an update', async () => {
    expect((await post({ message: {} })).statusCode).toBe(400);
    expect((await post({ update_id: 'seven' })).statusCode).toBe(400);
  });

  it('records the update before answering 200, handles it, and marks it done', async () => {
    const response = await post(textUpdate(10));
    expect(response.statusCode).toBe(200);
    expect((await stateOf(10))?.state).toMatch(/handling|done/);
    await until(async () => (await stateOf(10))?.state === 'done', 'update 10 done');
    expect(handled.filter((id) => id === 10)).toHaveLength(1);
  });

  it('answers a re-sent update 200 without handling it again', async () => {
    expect((await post(textUpdate(20))).statusCode).toBe(200);
    await until(async () => (await stateOf(20))?.state === 'done', 'update 20 done');
    expect((await post(textUpdate(20))).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(handled.filter((id) => id === 20)).toHaveLength(1);
    expect((await stateOf(20))?.attempts).toBe(1);
  });

  it('handles one of many concurrent copies of an update, each answered 200', async () => {
    const responses = await Promise.all(Array.from({ length: 12 }, () => post(textUpdate(30))));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(12).fill(200));
    await until(async () => (await stateOf(30))?.state === 'done', 'update 30 done');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(handled.filter((id) => id === 30)).toHaveLength(1);
  });

  it('is not held back by the rate limit when the secret is right', async () => {
    // rateLimitPerMinute is 5 here; earlier tests already posted more than that
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => post(textUpdate(40 + i))));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
  });

  it('answers 503 (Telegram re-sends) while the bot is not ready, and records nothing', async () => {
    const notReady = createWebhookIntake({ pool: db.pool, botId: BOT_ID, logger, leaseMs: 1_000, maxAttempts: 3, ready: () => false, handle: async () => undefined });
    await expect(notReady.receive(textUpdate(50))).rejects.toThrow(/still connecting/);
    expect(await stateOf(50)).toBeUndefined();
  });
});

describe('claims of webhook updates across replicas', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it('a claim whose handler died is taken over once its lease ran out, and handled there once', async () => {
    const seen: string[] = [];
    // Replica A records the update, then "dies": its handler never finishes and nothing renews the claim.
    const dead = createWebhookIntake({ pool: db.pool, botId: 7, logger, leaseMs: 400, maxAttempts: 5, ready: () => true, handle: () => new Promise(() => undefined) });
    expect(await dead.receive(textUpdate(100))).toBe('accepted');
    const survivor = createWebhookIntake({
      pool: db.pool,
      botId: 7,
      logger,
      leaseMs: 400,
      maxAttempts: 5,
      ready: () => true,
      async handle(update) {
        seen.push(`B:${update.update_id}:${'message' in update ? update.message?.text : ''}`);
      },
    });
    // Telegram re-sends to B before the lease ran out: answered, not handled twice at once.
    expect(await survivor.receive(textUpdate(100))).toBe('duplicate');
    survivor.start();
    try {
      await until(() => seen.length > 0, 'the survivor to take the update over', 5_000);
      const { rows } = await db.pool.query('SELECT state, attempts, payload FROM telegram_updates WHERE bot_id = 7 AND update_id = 100');
      await until(async () => (await db.pool.query("SELECT 1 FROM telegram_updates WHERE bot_id = 7 AND update_id = 100 AND state = 'done'")).rowCount === 1, 'done');
      expect(rows[0].attempts).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 600)); // further sweeps find nothing
      expect(seen).toEqual(['B:100:/help']);
    } finally {
      await survivor.stop();
    }
  });

  it('a claim renewed by a slow but living handler is not taken over', async () => {
    let release: () => void = () => undefined;
    const slow = createWebhookIntake({
      pool: db.pool,
      botId: 8,
      logger,
      leaseMs: 300,
      maxAttempts: 5,
      ready: () => true,
      handle: () => new Promise<void>((resolve) => (release = resolve)),
    });
    slow.start();
    const other: number[] = [];
    const sweeper = createWebhookIntake({ pool: db.pool, botId: 8, logger, leaseMs: 300, maxAttempts: 5, ready: () => true, handle: async (u) => void other.push(u.update_id) });
    sweeper.start();
    try {
      expect(await slow.receive(textUpdate(200))).toBe('accepted');
      await new Promise((resolve) => setTimeout(resolve, 1_200)); // four leases
      expect(other).toEqual([]);
      release();
      await until(async () => (await db.pool.query("SELECT 1 FROM telegram_updates WHERE bot_id = 8 AND update_id = 200 AND state = 'done'")).rowCount === 1, 'done');
    } finally {
      await sweeper.stop();
      await slow.stop();
    }
  });

  it('an update whose claim ran out maxAttempts times is abandoned, not retried for ever', async () => {
    const crashing = createWebhookIntake({ pool: db.pool, botId: 9, logger, leaseMs: 200, maxAttempts: 2, ready: () => true, handle: () => new Promise(() => undefined) });
    await crashing.receive(textUpdate(300));
    // the next replica takes it over once (attempt 2) and dies too; a third finds it abandoned
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = createWebhookIntake({ pool: db.pool, botId: 9, logger, leaseMs: 200, maxAttempts: 2, ready: () => true, handle: () => new Promise(() => undefined) });
    second.start();
    await until(async () => (await db.pool.query('SELECT attempts FROM telegram_updates WHERE bot_id = 9 AND update_id = 300')).rows[0].attempts === 2, 'attempt 2');
    void second.stop(); // its handler never ends: stop() only ends its timers here
    const third: number[] = [];
    const last = createWebhookIntake({ pool: db.pool, botId: 9, logger, leaseMs: 200, maxAttempts: 2, ready: () => true, handle: async (u) => void third.push(u.update_id) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    last.start();
    try {
      await until(async () => (await db.pool.query("SELECT 1 FROM telegram_updates WHERE bot_id = 9 AND update_id = 300 AND state = 'abandoned'")).rowCount === 1, 'abandoned');
      expect(third).toEqual([]);
    } finally {
      await last.stop();
    }
  });

  it('prunes finished update ids past the keep time and never a claim in progress', async () => {
    // 30 hours old, pruned with a keep of 24: the intakes above still prune on their timers with the default
    // keep (48 hours), which must not take these rows first.
    await db.pool.query(
      `INSERT INTO telegram_updates (bot_id, update_id, state, claimed_by, lease_until, received_at) VALUES
       (10, 1, 'done', 'x', now(), now() - interval '30 hours'),
       (10, 2, 'handling', 'x', now(), now() - interval '30 hours'),
       (10, 3, 'done', 'x', now(), now())`,
    );
    expect(await pruneTelegramUpdates(db.pool, 24 * 3_600_000)).toBe(1);
    const { rows } = await db.pool.query('SELECT update_id FROM telegram_updates WHERE bot_id = 10 ORDER BY update_id');
    expect(rows.map((r) => Number(r.update_id))).toEqual([2, 3]);
  });
});
