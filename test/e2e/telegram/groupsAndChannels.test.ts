// Groups, forum topics and channels: only administrators change a chat's subscription (checked with
// getChatMember, cached), the bot leaving or being blocked disables the chat's subscriptions, and a group
// upgraded to a supergroup takes its subscription along — from the service message or from a failed send.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findSubscription, subscribe } from '../../../src/db/subscriptions.ts';
import { alertPolicyOf } from '../../../src/schedule/alertPolicyOf.ts';
import { runTick } from '../../../src/schedule/runTick.ts';
import type { TestDatabase } from '../../support/createTestDatabase.ts';
import { ask, createSeededDatabase, RELAXED_LIMITS, startTelegramTestBot, textOf, waitForMessages, waitUntil, type TestBot } from './startTelegramTestBot.ts';

const ADMIN = 501;
const MEMBER = 502;
let db: TestDatabase;
let bot: TestBot;

beforeAll(async () => {
  db = await createSeededDatabase();
});
afterAll(async () => {
  await db.drop();
});
beforeEach(async () => {
  bot = await startTelegramTestBot(db.pool, { limits: RELAXED_LIMITS });
});
afterEach(async () => {
  await bot.stop();
});

describe('Telegram groups', () => {
  it('lets only administrators change a group’s subscription, asking Telegram once a minute', async () => {
    const group = -4001;
    bot.fake.setChatMember(group, ADMIN, 'administrator');
    const refused = await ask(bot.fake, { chatId: group, fromId: MEMBER, text: '/subscribe 發展局' });
    expect(textOf(refused[0])).toBe('抱歉，只有群組管理員可以更改本群組的訂閱。');
    expect(await findSubscription(db.pool, `telegram:${group}`)).toBeNull();
    // Reading is open to everyone, and replies quote the command in groups.
    const upcoming = await ask(bot.fake, { chatId: group, fromId: MEMBER, text: '/upcoming DEVB' });
    expect(textOf(upcoming[0])).toContain('未來30日內到期的承諾（發展局）');
    expect(bot.fake.callsTo('sendMessage').at(-1)?.params).toMatchObject({ reply_parameters: { message_id: expect.any(Number) } });

    expect(textOf((await ask(bot.fake, { chatId: group, fromId: ADMIN, text: '/subscribe 發展局' }))[0])).toContain('已訂閱：發展局');
    expect(textOf((await ask(bot.fake, { chatId: group, fromId: ADMIN, text: '/watchdog on' }))[0])).toContain('逾期監察已開啟');
    expect(await findSubscription(db.pool, `telegram:${group}`)).toMatchObject({ bureaus: ['DEVB'], watchdog: true });
    const adminChecks = () => bot.fake.callsTo('getChatMember').filter((call) => Number(call.params.user_id) === ADMIN).length;
    expect(adminChecks()).toBe(1);

    // Demoted: still trusted within the cache's minute, refused after it.
    bot.fake.setChatMember(group, ADMIN, 'member');
    expect(textOf((await ask(bot.fake, { chatId: group, fromId: ADMIN, text: '/digest on' }))[0])).toContain('每週摘要已開啟');
    bot.clock.advance(61_000);
    expect(textOf((await ask(bot.fake, { chatId: group, fromId: ADMIN, text: '/digest off' }))[0])).toContain('只有群組管理員');
    expect(adminChecks()).toBe(2);
  });

  it('accepts an anonymous administrator writing as the group', async () => {
    const group = -1001002;
    const chat = { id: group, type: 'supergroup' as const, title: 'Watchdog HK' };
    bot.fake.pushUpdate({
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat,
        sender_chat: chat,
        from: { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' },
        text: '/watchdog on',
        entities: [{ type: 'bot_command', offset: 0, length: 9 }],
      },
    });
    const [created] = await waitForMessages(bot.fake, group, 1);
    expect(textOf(created)).toContain('已為本對話建立訂閱');
    expect(bot.fake.callsTo('getChatMember')).toHaveLength(0);
  });

  it('refuses a keyboard press from a member who is not an administrator', async () => {
    const group = -4003;
    bot.fake.setChatMember(group, ADMIN, 'creator');
    await ask(bot.fake, { chatId: group, fromId: ADMIN, text: '/subscribe' });
    const prompt = bot.fake.sentMessages(group).at(-1)!;
    bot.fake.pressButton({ chatId: group, fromId: MEMBER, data: 'pw:t:DEVB', messageId: prompt.message_id });
    const answer = await bot.fake.waitForCall('answerCallbackQuery');
    expect(answer.params).toMatchObject({ text: '抱歉，只有群組管理員可以更改本群組的訂閱。', show_alert: true });
    expect(await findSubscription(db.pool, `telegram:${group}`)).toBeNull();
    bot.fake.pressButton({ chatId: group, fromId: ADMIN, data: 'pw:t:DEVB', messageId: prompt.message_id });
    await waitUntil(async () => (await findSubscription(db.pool, `telegram:${group}`))?.bureaus?.includes('DEVB'));
  });

  it('subscribes a forum topic on its own and answers in the topic', async () => {
    const forum = -1001004;
    bot.fake.setChatMember(forum, ADMIN, 'administrator');
    const [reply] = await ask(bot.fake, { chatId: forum, fromId: ADMIN, text: '/subscribe DEVB', threadId: 12 });
    expect(textOf(reply)).toContain('已訂閱：發展局');
    expect(reply).toMatchObject({ message_thread_id: 12 });
    expect(await findSubscription(db.pool, `telegram:${forum}:12`)).toMatchObject({ bureaus: ['DEVB'] });
    expect(await findSubscription(db.pool, `telegram:${forum}`)).toBeNull();
    const [summary] = await ask(bot.fake, { chatId: forum, fromId: MEMBER, text: '/subscriptions', threadId: 12 });
    expect(textOf(summary)).toContain(`telegram:${forum}:12`);
  });

  it('ignores other bots’ commands in groups but answers ours', async () => {
    const group = -4005;
    bot.fake.sendText({ chatId: group, fromId: MEMBER, text: '/roll d20' });
    bot.fake.sendText({ chatId: group, fromId: MEMBER, text: '/start@some_other_bot' });
    const [unknown] = await ask(bot.fake, { chatId: group, fromId: MEMBER, text: '/roll@policywatch_test_bot' });
    expect(textOf(unknown)).toBe('不明指令 /roll@policywatch_test_bot。輸入 /help 查看所有指令。');
    expect(bot.fake.sentMessages(group)).toHaveLength(1);
  });

  it('works in a channel where posts come from the channel itself', async () => {
    const channel = -1001006;
    const [reply] = await ask(bot.fake, { chatId: channel, chatType: 'channel', fromId: 0, text: '/digest on' });
    expect(textOf(reply)).toContain('只開啟每週摘要');
    expect(await findSubscription(db.pool, `telegram:${channel}`)).toMatchObject({ digest: true, deadlines: false, watchdog: false, bureaus: null });
    const [refused] = await ask(bot.fake, { chatId: channel, chatType: 'channel', fromId: 0, text: '/met PA2024-7-03 https://x.hk' });
    expect(textOf(refused)).toBe('編輯指令需要以個人帳戶使用，請在私人對話或群組內使用。');
  });
});

describe('the bot’s own membership and group migrations', () => {
  it('disables a group’s and its topics’ subscriptions when the bot is removed', async () => {
    const group = -1001010;
    const now = bot.clock.now();
    await subscribe(db.pool, { target: `telegram:${group}`, all: true }, now);
    await subscribe(db.pool, { target: `telegram:${group}:7`, bureaus: ['DEVB'] }, now);
    await subscribe(db.pool, { target: 'telegram:-1001011', all: true }, now);
    bot.fake.pushMyChatMember({ chatId: group, newStatus: 'kicked', oldStatus: 'administrator' });
    const disabled = await waitUntil(async () => (await findSubscription(db.pool, `telegram:${group}:7`))?.disabledAt && findSubscription(db.pool, `telegram:${group}`));
    expect(disabled).toMatchObject({ disabledReason: 'telegram: the bot was removed from the supergroup (kicked)' });
    expect(disabled.disabledAt).toEqual(now);
    expect((await findSubscription(db.pool, 'telegram:-1001011'))?.disabledAt).toBeNull();
  });

  it('disables a person’s subscription when they block the bot, and welcomes a group that adds it', async () => {
    const person = 777;
    await ask(bot.fake, { chatId: person, fromId: person, text: '/subscribe all' });
    bot.fake.pushMyChatMember({ chatId: person, newStatus: 'kicked' });
    const row = await waitUntil(async () => {
      const found = await findSubscription(db.pool, `telegram:${person}`);
      return found?.disabledAt ? found : null;
    });
    expect(row.disabledReason).toBe('telegram: the user blocked the bot');

    bot.fake.pushMyChatMember({ chatId: -4020, newStatus: 'member' });
    const [welcome] = await waitForMessages(bot.fake, -4020, 1);
    expect(textOf(welcome)).toContain('管理員可輸入 /subscribe 發展局');
    expect(textOf(welcome)).toContain('Administrators can start with /subscribe DEVB');
  });

  it('moves the subscription when the group announces its upgrade to a supergroup', async () => {
    await subscribe(db.pool, { target: 'telegram:-4030', bureaus: ['EDB'], watchdog: true }, bot.clock.now());
    const from = { id: ADMIN, is_bot: false, first_name: 'Admin' };
    const date = Math.floor(Date.now() / 1000);
    bot.fake.pushUpdate({ message: { message_id: 5, date, from, chat: { id: -4030, type: 'group', title: 'Old' }, migrate_to_chat_id: -1004030 } });
    bot.fake.pushUpdate({ message: { message_id: 1, date, from, chat: { id: -1004030, type: 'supergroup', title: 'Old' }, migrate_from_chat_id: -4030 } });
    const moved = await waitUntil(() => findSubscription(db.pool, 'telegram:-1004030'));
    expect(moved).toMatchObject({ bureaus: ['EDB'], watchdog: true, disabledAt: null });
    expect(await findSubscription(db.pool, 'telegram:-4030')).toBeNull();
  });

  it('moves the subscription and delivers to the new id when a send finds the group migrated', async () => {
    const oldGroup = -4040;
    const newGroup = -1004040;
    bot.clock.set('2024-12-01T10:00:00+08:00');
    bot.fake.setChatMember(oldGroup, ADMIN, 'administrator');
    await ask(bot.fake, { chatId: oldGroup, fromId: ADMIN, text: '/subscribe 發展局' });
    bot.fake.migrateChat(oldGroup, newGroup);
    bot.clock.set('2024-12-24T09:30:00+08:00');
    const report = await runTick({
      pool: db.pool,
      clock: bot.clock,
      logger: bot.logger,
      policy: alertPolicyOf(bot.config),
      adapters: [bot.handle.adapter],
      leaseMs: 60_000,
      maxAttempts: 8,
      waitMs: 60_000,
      sleep: async (ms) => bot.clock.advance(ms),
    });
    expect(report).toMatchObject({ delivered: 4, failed: 0, waiting: 0 });
    expect(await findSubscription(db.pool, `telegram:${newGroup}`)).toMatchObject({ bureaus: ['DEVB'], disabledAt: null });
    const [alert] = bot.fake.sentMessages(newGroup);
    expect(textOf(alert)).toContain('施政承諾提示（4項）');
    const attempts = bot.fake.callsTo('sendMessage').filter((call) => Number(call.params.chat_id) === oldGroup && call.status === 400);
    expect(attempts).toHaveLength(1);
  });
});
