// Alerts through the Telegram adapter, with Telegram's real pace: from runTick to the chat for a
// subscription made with /subscribe, grouped per chat, quiet when far away, split beyond 4096 characters,
// a 429's retry_after honoured, a blocked chat disabled, and one limiter for replies and alerts.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findSubscription } from '../../../src/db/subscriptions.ts';
import { DeliveryError, type AlertItem, type OutgoingMessage } from '../../../src/notify/ChannelAdapter.ts';
import { alertPolicyOf } from '../../../src/schedule/alertPolicyOf.ts';
import { runTick, type TickReport } from '../../../src/schedule/runTick.ts';
import type { TestDatabase } from '../../support/createTestDatabase.ts';
import { findHtmlProblem } from '../../unit/notify/telegram/checkTelegramHtml.ts';
import { ask, createSeededDatabase, htmlOf, startTelegramTestBot, textOf, type TestBot } from './startTelegramTestBot.ts';

let db: TestDatabase;
let bot: TestBot;
let nextChat = 3000;
let chat: number;

beforeAll(async () => {
  db = await createSeededDatabase();
});
afterAll(async () => {
  await db.drop();
});
beforeEach(async () => {
  // Every test starts from no subscriptions and an outbox the tick has never covered.
  await db.pool.query('DELETE FROM notifications; DELETE FROM subscriptions; DELETE FROM scheduler_state');
  bot = await startTelegramTestBot(db.pool);
  chat = nextChat++;
});
afterEach(async () => {
  await bot.stop();
});

/** One tick at the bot's clock; waiting for retries moves the fixed clock instead of sleeping. */
function tick(waitMs = 0): Promise<TickReport> {
  return runTick({
    pool: db.pool,
    clock: bot.clock,
    logger: bot.logger,
    policy: alertPolicyOf(bot.config),
    adapters: [bot.handle.adapter],
    leaseMs: 60_000,
    maxAttempts: 8,
    waitMs,
    sleep: async (ms) => bot.clock.advance(ms),
  });
}

async function subscribeAt(at: string, text: string): Promise<void> {
  bot.clock.set(at);
  await ask(bot.fake, { chatId: chat, fromId: chat, text });
}

const alertCalls = () => bot.fake.callsTo('sendMessage').filter((call) => Number(call.params.chat_id) === chat && String(call.params.text).includes('施政承諾提示'));

describe('Telegram delivery', () => {
  it('delivers the seed chapter’s DEVB alerts a week ahead as one grouped HTML message', async () => {
    await subscribeAt('2024-12-01T10:00:00+08:00', '/subscribe 發展局');
    bot.clock.set('2024-12-24T09:30:00+08:00');
    expect(await tick()).toMatchObject({ enqueued: 4, delivered: 4, failed: 0, waiting: 0 });

    const [call, ...more] = alertCalls();
    expect(more).toEqual([]);
    expect(call!.params).toMatchObject({ parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    expect(call!.params).not.toHaveProperty('disable_notification');
    const html = String(call!.params.text);
    expect(findHtmlProblem(html)).toBeNull();
    const text = textOf(bot.fake.sentMessages(chat).at(-1));
    expect(text.startsWith('施政承諾提示（4項）\n\n⏳ 即將到期 · 尚餘7日\n')).toBe(true);
    for (const ref of ['PA2024-7-01', 'PA2024-7-03', 'PA2024-7-04', 'PA2024-7-06']) expect(text).toContain(`編號：${ref}`);
    expect(text).toContain('在2024年年底前公布牛潭尾、新界北新市鎮及馬草壟一帶的初步發展建議。');
    expect(text).toContain('負責政策局：發展局、創新科技及工業局');
    expect(text).toContain('期限：2024-12-31 · 狀態：未完成');
    expect(html).toContain('文件：<a href="https://www.policyaddress.gov.hk/2024/tc/">2024年施政報告附篇 第七章 推動北部都會區發展引擎 深化大灣區合作</a>');

    // Exactly once: a second tick at the same time sends nothing more.
    expect(await tick()).toMatchObject({ enqueued: 0, delivered: 0 });
    expect(alertCalls()).toHaveLength(1);
  });

  it('sends approaching alerts more than a week away without a sound, in the subscription’s language', async () => {
    // A person whose Telegram is in English subscribes in English.
    bot.clock.set('2024-11-30T10:00:00+08:00');
    await ask(bot.fake, { chatId: chat, fromId: chat, text: '/subscribe DEVB', languageCode: 'en' });
    bot.clock.set('2024-12-01T09:30:00+08:00');
    expect(await tick()).toMatchObject({ delivered: 4 });
    const call = bot.fake.callsTo('sendMessage').filter((c) => Number(c.params.chat_id) === chat).at(-1)!;
    expect(call.params).toMatchObject({ disable_notification: true });
    expect(String(call.params.text)).toContain('<b>Policy commitment alerts (4)</b>');
    expect(String(call.params.text)).toContain('⏳ <b>Approaching</b> · 30 days left');
  });

  it('splits a long group of alerts on item boundaries and reports what was delivered before a failure', async () => {
    const items: AlertItem[] = Array.from({ length: 24 }, (_, i) => ({
      notificationId: 100 + i,
      dedupeKey: `k${i}`,
      kind: 'missed',
      ref: `PA2024-7-${String(i + 1).padStart(2, '0')}`,
      seq: 1,
      text: `${'在2024年年底前完成一項很長的承諾，'.repeat(12)}<${i}> & more`,
      subject: null,
      phrase: '在2024年年底前',
      milestoneKind: 'deadline',
      bureaus: [{ code: 'DEVB', zh: '發展局', en: 'Development Bureau' }],
      withRelevantBureaux: false,
      due: '2024-12-31',
      daysLeft: -1,
      status: 'pending',
      evidenceUrl: null,
      documentKey: 'doc',
      documentTitle: 'Doc & <title>',
      documentUrl: null,
    }));
    const message: OutgoingMessage = { target: `telegram:${chat}`, language: 'zh-HK', items, groupKey: 'g' };
    await bot.handle.adapter.send(message);
    const parts = bot.fake.sentMessages(chat);
    expect(parts).toHaveLength(3);
    const texts = parts.map(htmlOf);
    for (const [index, html] of texts.entries()) {
      expect(html.length).toBeLessThanOrEqual(4096);
      expect(findHtmlProblem(html)).toBeNull();
      expect(html.startsWith(`<b>施政承諾提示（24項）</b> (${index + 1}/${parts.length})`)).toBe(true);
    }
    const refsInOrder = texts.flatMap((html) => [...html.matchAll(/<code>(PA2024-7-\d+)<\/code>/g)].map((m) => m[1]));
    expect(refsInOrder).toEqual(items.map((item) => item.ref));
    // Parts to one chat keep Telegram's pace of one a second.
    const times = bot.fake.callsTo('sendMessage').filter((c) => Number(c.params.chat_id) === chat).map((c) => c.at);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(990);

    // Now, in another chat, the second part fails: the first part's alerts are reported delivered.
    const before = bot.fake.callsTo('sendMessage').length;
    const sending = bot.handle.adapter.send({ ...message, target: `telegram:${chat + 500}` }).then(
      () => null,
      (error: unknown) => error,
    );
    await bot.fake.waitForCall('sendMessage', (call) => bot.fake.callsTo('sendMessage').indexOf(call) >= before);
    bot.fake.failNext('sendMessage', { chatId: chat + 500, response: { error_code: 403, description: 'Forbidden: bot was blocked by the user' } });
    const failure = await sending;
    expect(failure).toBeInstanceOf(DeliveryError);
    const firstPartRefs = [...String(bot.fake.callsTo('sendMessage')[before]!.params.text).matchAll(/<code>(PA2024-7-\d+)<\/code>/g)].length;
    expect((failure as DeliveryError).kind).toBe('permanent');
    expect((failure as DeliveryError).options.deliveredIds).toEqual(items.slice(0, firstPartRefs).map((item) => item.notificationId));
  });

  it('honours a 429: the worker pauses the chat and the next attempt waits for retry_after', async () => {
    await subscribeAt('2024-12-01T10:00:00+08:00', '/subscribe DEVB');
    bot.clock.set('2024-12-24T09:30:00+08:00');
    bot.fake.failNext('sendMessage', { chatId: chat, response: { error_code: 429, description: 'Too Many Requests: retry after 2', parameters: { retry_after: 2 } } });
    const tickAt = bot.clock.now().getTime();
    const report = await tick(60_000);
    expect(report).toMatchObject({ delivered: 4, failed: 0, waiting: 0 });

    const [limited, retried, ...rest] = alertCalls();
    expect(rest).toEqual([]);
    expect(limited!.status).toBe(429);
    expect(retried!.status).toBe(200);
    // The adapter's limiter held the chat for the whole retry_after before trying again.
    expect(retried!.at - limited!.at).toBeGreaterThanOrEqual(2_000);
    // The worker also paused the target and rescheduled no sooner than retry_after.
    const { rows } = await db.pool.query<{ paused: Date; attempts: number; sentAt: Date }>(
      `SELECT s.paused_until AS paused, n.attempts, n.sent_at AS "sentAt" FROM notifications n JOIN subscriptions s ON s.id = n.subscription_id WHERE s.target = $1`,
      [`telegram:${chat}`],
    );
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.attempts).toBe(2);
      expect(row.paused.getTime()).toBe(tickAt + 2_000);
      expect(row.sentAt.getTime()).toBeGreaterThanOrEqual(tickAt + 2_000);
    }
  });

  it('disables a chat that blocked the bot and stops its alerts', async () => {
    await subscribeAt('2024-12-01T10:00:00+08:00', '/subscribe DEVB');
    bot.clock.set('2024-12-24T09:30:00+08:00');
    bot.fake.failNext('sendMessage', { chatId: chat, response: { error_code: 403, description: 'Forbidden: bot was blocked by the user' } });
    expect(await tick(60_000)).toMatchObject({ delivered: 0, failed: 4, waiting: 0 });
    expect(await findSubscription(db.pool, `telegram:${chat}`)).toMatchObject({
      disabledReason: 'telegram 403: Forbidden: bot was blocked by the user',
    });
    expect(alertCalls()).toHaveLength(1);
    bot.clock.set('2025-01-01T09:30:00+08:00');
    expect(await tick()).toMatchObject({ enqueued: 0, delivered: 0 });
  });

  it('pauses a group where the bot may not post, tells its admins who started the bot once, and delivers once allowed', async () => {
    const group = -5000 - chat;
    const admin = chat; // has a private chat with the bot
    bot.fake.setChatMember(group, admin, 'creator');
    bot.clock.set('2024-12-01T10:00:00+08:00');
    await ask(bot.fake, { chatId: group, chatType: 'group', fromId: admin, text: '/subscribe DEVB' });
    bot.fake.setChatMember(group, bot.fake.bot.id, 'restricted');
    bot.clock.set('2024-12-24T09:30:00+08:00');
    expect(await tick()).toMatchObject({ delivered: 0 });
    const subscription = await findSubscription(db.pool, `telegram:${group}`);
    expect(subscription?.disabledAt).toBeNull();
    expect(subscription?.pausedUntil?.getTime()).toBe(new Date('2024-12-24T10:00:00+08:00').getTime());
    const notices = () => bot.fake.sentMessages(admin).map(textOf).filter((text) => text.includes('未能在'));
    expect(notices()).toHaveLength(1);
    expect(notices()[0]).toContain('not enough rights to send text messages');
    expect(notices()[0]).toContain('2024-12-24 10:00 (Asia/Hong_Kong)');

    // Still restricted half an hour later: paused again, the admins are not told twice in a week.
    bot.clock.set('2024-12-24T10:01:00+08:00');
    expect(await tick()).toMatchObject({ delivered: 0 });
    expect(notices()).toHaveLength(1);

    // Allowed again: the next retry delivers the alerts in one message.
    bot.fake.setChatMember(group, bot.fake.bot.id, 'member');
    bot.clock.set('2024-12-24T10:32:00+08:00');
    expect(await tick()).toMatchObject({ delivered: 4 });
    expect(bot.fake.sentMessages(group).map(textOf).filter((text) => text.includes('施政承諾提示'))).toHaveLength(1);
  });

  it('paces command replies and alerts to one chat with one limiter', async () => {
    await subscribeAt('2024-12-01T10:00:00+08:00', '/subscribe DEVB');
    bot.clock.set('2024-12-24T09:30:00+08:00');
    bot.fake.sendText({ chatId: chat, fromId: chat, text: '/subscriptions' });
    await bot.fake.waitForCall('sendMessage', (call) => Number(call.params.chat_id) === chat && String(call.params.text).includes('本對話的訂閱'));
    await tick();
    const times = bot.fake.callsTo('sendMessage').filter((call) => Number(call.params.chat_id) === chat).map((call) => call.at);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(990);
  });
});
