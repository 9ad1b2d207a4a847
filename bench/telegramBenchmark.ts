// Telegram delivery through the real adapter and limiter against the fake Bot API server with Telegram's flood
// limits enforced (a 429 for any send over them). Prints one JSON line.
//  1. Broadcast: 2,000 one-alert messages to 2,000 private chats, 32 sends in flight (the worker's groups run
//     concurrently), in real time. Target: >= 27 messages/s sustained and no 429 at all.
//  2. One group: 200 sends to one supergroup, one after another, on a virtual clock shared by the limiter and
//     the fake's flood check (20 a minute would take ~9 minutes of real time). Reports the schedule's span, the
//     busiest 60-second window and the fake's 429 count: the limiter must wait for the minute window, not hit it.
// Run: npx tsx bench/telegramBenchmark.ts
import { Api } from 'grammy';
import { createLogger } from '../src/logger.ts';
import type { OutgoingMessage } from '../src/notify/ChannelAdapter.ts';
import { createTelegramAdapter } from '../src/notify/telegram.ts';
import { createTelegramLimiter } from '../src/notify/telegram/createTelegramLimiter.ts';
import { startFakeTelegram } from '../test/fakes/telegram/startFakeTelegram.ts';
import { buildAlertItem } from '../test/support/buildAlertMessage.ts';
import { createVirtualTimers } from '../test/unit/notify/telegram/createVirtualTimers.ts';

const BROADCAST_CHATS = 2_000;
const IN_FLIGHT = 32;
const GROUP_SENDS = 200;
const GROUP_ID = -1001234567890;
const logger = createLogger({ level: 'silent' });

function alertFor(target: string, id: number): OutgoingMessage {
  const item = buildAlertItem({ notificationId: id, dedupeKey: `bench:${id}`, text: '在2024年年底前公布牛潭尾、新界北新市鎮及馬草壟一帶的初步發展建議。' });
  return { target, language: 'zh-HK', items: [item], groupKey: String(id) };
}

async function runBroadcast() {
  const fake = await startFakeTelegram({ enforceLimits: true });
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  const adapter = createTelegramAdapter({ api, limiter: createTelegramLimiter(), logger });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < BROADCAST_CHATS) {
        const chat = 100_000 + next++;
        await adapter.send(alertFor(`telegram:${chat}`, chat));
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const delivered = fake.sentMessages().length;
  const rateLimited = fake.rateLimited.total;
  await fake.close();
  return { delivered, seconds, rateLimited };
}

async function runGroupSchedule() {
  const timers = createVirtualTimers(1_000_000);
  const fake = await startFakeTelegram({ enforceLimits: true, now: () => timers.now() });
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  const limiter = createTelegramLimiter({ timers });
  const adapter = createTelegramAdapter({ api, limiter, logger });
  const sentAt: number[] = [];
  const started = performance.now();
  let done = false;
  const sending = (async () => {
    for (let i = 0; i < GROUP_SENDS; i++) {
      await adapter.send(alertFor(`telegram:${GROUP_ID}`, i));
      // Virtual time stands still while a request is in flight, so this is also when it was sent.
      sentAt.push(timers.now());
    }
  })().finally(() => {
    done = true;
  });
  // Move the virtual clock only when the limiter is waiting for it (nothing in flight, a timer set).
  while (!done) {
    if (limiter.pending().inFlight === 0 && timers.pendingTimers() > 0) timers.fireNext();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await sending;
  const realSeconds = (performance.now() - started) / 1000;
  const first = sentAt[0]!;
  const busiestMinute = Math.max(...sentAt.map((at) => sentAt.filter((t) => t >= at && t < at + 60_000).length));
  const busiestSecond = Math.max(...sentAt.map((at) => sentAt.filter((t) => t >= at && t < at + 1_000).length));
  const result = {
    groupSends: fake.sentMessages().length,
    groupSeconds: (sentAt.at(-1)! - first) / 1000,
    groupRateLimited: fake.rateLimited.total,
    groupBusiestMinute: busiestMinute,
    groupBusiestSecond: busiestSecond,
    groupRealSeconds: Math.round(realSeconds * 10) / 10,
  };
  await fake.close();
  return result;
}

const broadcast = await runBroadcast();
const group = await runGroupSchedule();
const round = (n: number) => Math.round(n * 100) / 100;
console.log(
  JSON.stringify({
    name: 'telegram',
    messages: broadcast.delivered,
    seconds: round(broadcast.seconds),
    perSecond: round(broadcast.delivered / broadcast.seconds),
    rateLimited: broadcast.rateLimited,
    ...group,
    groupClock: 'virtual',
  }),
);
