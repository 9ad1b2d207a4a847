// Time to the last message: one alert slot (09:00) due to 10,000 Telegram chats, and to 2,000 Discord channels,
// from the tick at the slot through the real worker and adapters to fakes that enforce the platforms' limits
// (Telegram: 1/s per chat, 30/s per bot; Discord: 50 requests/s per bot, per-route buckets). Prints one JSON line
// per run: when the first and the last message left (seconds after the slot), the platform's floor
// (recipients ÷ global limit), the last message's share of that floor, and the 429s.
// - Telegram runs on a clock that skips ahead only while the limiter waits with nothing in flight (real
//   waiting would take 333 s); the shared PostgreSQL budget is left out there, as its slots follow the
//   database's clock, which cannot skip. A second run, in real time, sends to 1,000 chats (BENCH_TELEGRAM_
//   BUDGET_CHATS) with the shared budget, as the service does.
// - Discord runs in real time (40 s), once with the shared send budget of production and once with
//   @discordjs/rest's own pacing alone.
// BENCH_QUICK=1: 1,000 chats and 200 channels. BENCH_LAST=telegram or discord runs only that platform.
import { Api } from 'grammy';
import { REST } from 'discord.js';
import type pg from 'pg';
import { createClock } from '../src/clock.ts';
import { BUREAUS } from '../src/domain/bureaus.ts';
import { createLogger } from '../src/logger.ts';
import type { ChannelAdapter } from '../src/notify/ChannelAdapter.ts';
import { budgetRateOf, createSendBudget } from '../src/notify/createSendBudget.ts';
import { deliverNotifications } from '../src/notify/deliverNotifications.ts';
import { createDiscordAdapter, DISCORD_GLOBAL_PER_SECOND } from '../src/notify/discord.ts';
import { createDiscordRestOptions } from '../src/notify/discord/createDiscordRestOptions.ts';
import { createTelegramAdapter } from '../src/notify/telegram.ts';
import { createTelegramBudget } from '../src/notify/createSendBudget.ts';
import { createTelegramLimiter, TELEGRAM_LIMITS } from '../src/notify/telegram/createTelegramLimiter.ts';
import { enqueueAlerts } from '../src/schedule/enqueueAlerts.ts';
import { startFakeDiscord } from '../test/fakes/discord/startFakeDiscord.ts';
import { startFakeTelegram } from '../test/fakes/telegram/startFakeTelegram.ts';
import { createFastForwardTimers } from './createFastForwardTimers.ts';
import { openBenchDatabase } from './openBenchDatabase.ts';

const QUICK = process.env.BENCH_QUICK === '1';
const TELEGRAM_CHATS = QUICK ? 1_000 : 10_000;
const DISCORD_CHANNELS = QUICK ? 200 : 2_000;
const TELEGRAM_BUDGET_CHATS = Number(process.env.BENCH_TELEGRAM_BUDGET_CHATS ?? (QUICK ? 300 : 1_000));
const TIMEZONE = 'Asia/Hong_Kong';
const policy = { timezone: TIMEZONE, leadDays: [7], sendAt: '09:00', missedGraceDays: 0, overdueEveryDays: 7 };
// The slot: 09:00 on 2 June 2025 in Hong Kong, seven days before the milestone.
const SLOT = new Date('2025-06-02T09:00:00+08:00');
const LEASE_MS = 60_000; // config/default.json
const logger = createLogger({ level: 'silent', pretty: false });

/** One milestone due in seven days, and a subscription to everything for each target. */
async function seed(pool: pg.Pool, targets: string[]): Promise<void> {
  const codes = BUREAUS.map((b) => b.code);
  await pool.query(`INSERT INTO bureaus (code, name_zh, name_en) SELECT * FROM unnest($1::text[], $1::text[], $1::text[])`, [codes]);
  await pool.query(`INSERT INTO documents (key, title, language, published, sha256) VALUES ('bench', 'bench', 'en', '2024-10-16', 'x')`);
  await pool.query(
    `INSERT INTO commitments (document_id, ref, position, text, bureaus)
     VALUES (1, 'B-1', 1, '在2025年年中前公布牛潭尾、新界北新市鎮及馬草壟一帶的初步發展建議。', ARRAY[$1::text])`,
    [codes[0]],
  );
  await pool.query(
    `INSERT INTO milestones (commitment_id, seq, kind, phrase, due, extracted_due, status, status_changed_at)
     VALUES (1, 1, 'deadline', '在2025年年中前', '2025-06-09', '2025-06-09', 'pending', '2024-10-16')`,
  );
  await pool.query(`INSERT INTO subscriptions (target, watchdog, active_since) SELECT t, false, '2024-10-16' FROM unnest($1::text[]) AS t`, [targets]);
  // The previous tick ran a minute before the slot.
  await pool.query(`INSERT INTO scheduler_state (name, covered_until) VALUES ('alerts', $1)`, [new Date(SLOT.getTime() - 60_000)]);
  await pool.query('ANALYZE');
}

interface Timing {
  now(): number;
}

/** Runs the tick at the slot and the worker until the ledger is empty; returns when each message left. */
async function runSlot(pool: pg.Pool, adapter: ChannelAdapter, timing: Timing): Promise<{ enqueued: number; sentAt: number[]; delivered: number }> {
  const sentAt: number[] = [];
  const timed: ChannelAdapter = {
    ...adapter,
    send: async (message) => {
      await adapter.send(message);
      sentAt.push(timing.now());
    },
  };
  const slotAt = timing.now();
  // The application clock reads the slot plus the elapsed (or skipped-ahead) time.
  const clock = createClock(SLOT, () => timing.now());
  const { enqueued } = await enqueueAlerts(pool, clock.now(), policy);
  const report = await deliverNotifications({ pool, clock, logger, timezone: TIMEZONE, leaseMs: LEASE_MS, maxAttempts: 5, adapters: [timed] });
  return { enqueued, sentAt: sentAt.map((at) => (at - slotAt) / 1000), delivered: report.delivered };
}

function summarise(name: string, recipients: number, perSecond: number, run: { enqueued: number; sentAt: number[]; delivered: number }, rateLimited: unknown, extra: object = {}) {
  const floor = recipients / perSecond;
  const last = Math.max(...run.sentAt);
  return {
    name,
    recipients,
    enqueued: run.enqueued,
    delivered: run.delivered,
    firstSeconds: Number(Math.min(...run.sentAt).toFixed(2)),
    lastSeconds: Number(last.toFixed(1)),
    floorSeconds: Number(floor.toFixed(1)),
    lastOverFloor: Number((last / floor).toFixed(3)),
    rateLimited,
    ...extra,
  };
}

async function runTelegram() {
  const db = await openBenchDatabase();
  const timers = createFastForwardTimers();
  const fake = await startFakeTelegram({ enforceLimits: true, now: () => timers.now() });
  try {
    await seed(db.pool, Array.from({ length: TELEGRAM_CHATS }, (_, i) => `telegram:${200_000 + i}`));
    const limiter = createTelegramLimiter({ timers });
    const adapter = createTelegramAdapter({ api: new Api(fake.token, { apiRoot: fake.apiRoot }), limiter, logger });
    let done = false;
    const driving = (async () => {
      while (!done) {
        const pending = limiter.pending();
        timers.advance(pending.inFlight === 0 && pending.queued > 0);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    const started = performance.now();
    const run = await runSlot(db.pool, adapter, timers).finally(() => (done = true));
    await driving;
    const global = TELEGRAM_LIMITS.global;
    return summarise('last-message-telegram', TELEGRAM_CHATS, (global.messages * 1000) / global.windowMs, run, fake.rateLimited.total, {
      clock: 'real, skipping idle limiter waits',
      realSeconds: Number(((performance.now() - started) / 1000).toFixed(1)),
      budget: 'none (limiter only)',
    });
  } finally {
    await fake.close();
    await db.close();
  }
}

/** Real time, the shared budget in PostgreSQL and the limiter, as `npm start` sends. */
async function runTelegramWithBudget() {
  const db = await openBenchDatabase();
  const fake = await startFakeTelegram({ enforceLimits: true });
  try {
    await seed(db.pool, Array.from({ length: TELEGRAM_BUDGET_CHATS }, (_, i) => `telegram:${300_000 + i}`));
    const budget = createTelegramBudget({ pool: db.pool, token: fake.token, logger });
    const adapter = createTelegramAdapter({ api: new Api(fake.token, { apiRoot: fake.apiRoot }), limiter: createTelegramLimiter({ budget }), logger });
    const run = await runSlot(db.pool, adapter, { now: () => performance.now() });
    const global = TELEGRAM_LIMITS.global;
    return summarise('last-message-telegram-budget', TELEGRAM_BUDGET_CHATS, (global.messages * 1000) / global.windowMs, run, fake.rateLimited.total, {
      clock: 'real',
      budget: `shared, ${budgetRateOf((global.messages * 1000) / global.windowMs)}/s`,
    });
  } finally {
    await fake.close();
    await db.close();
  }
}

async function runDiscord(withBudget: boolean) {
  const db = await openBenchDatabase();
  const fake = await startFakeDiscord({ enforceLimits: true });
  const rest = new REST(createDiscordRestOptions(fake.restApi, { pacedByBudget: withBudget })).setToken(fake.token);
  try {
    await seed(db.pool, Array.from({ length: DISCORD_CHANNELS }, (_, i) => `discord:${1_400_000_000_000_000_000n + BigInt(i)}`));
    const budget = withBudget
      ? createSendBudget({ pool: db.pool, platform: 'discord', token: fake.token, perSecond: budgetRateOf(DISCORD_GLOBAL_PER_SECOND), logger })
      : undefined;
    const adapter = createDiscordAdapter({ rest, logger, budget, timezone: TIMEZONE, sendAt: policy.sendAt });
    const run = await runSlot(db.pool, adapter, { now: () => performance.now() });
    return summarise(withBudget ? 'last-message-discord' : 'last-message-discord-no-budget', DISCORD_CHANNELS, DISCORD_GLOBAL_PER_SECOND, run, fake.rateLimited, {
      clock: 'real',
      budget: withBudget ? `shared, ${budgetRateOf(DISCORD_GLOBAL_PER_SECOND)}/s` : 'none (@discordjs/rest only)',
    });
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    await fake.close();
    await db.close();
  }
}

const only = process.env.BENCH_LAST;
const runs = [
  ...(only && only !== 'telegram' ? [] : [runTelegram, runTelegramWithBudget]),
  ...(only && only !== 'discord' ? [] : [() => runDiscord(true), () => runDiscord(false)]),
];
for (const run of runs) process.stdout.write(`${JSON.stringify(await run())}\n`);
