// The real grammY client against the fake Telegram Bot API: proves the fake speaks the protocol grammY expects.
import http from 'node:http';
import { Bot, GrammyError, HttpError } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../../fakes/telegram/startFakeTelegram.ts';

let fake: FakeTelegram;
let bot: Bot;

async function expectGrammyError(promise: Promise<unknown>): Promise<GrammyError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GrammyError);
  return error as GrammyError;
}

describe('fake Telegram with a real grammY bot', () => {
  beforeEach(async () => {
    fake = await startFakeTelegram();
    bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
  });

  afterEach(async () => {
    if (bot.isRunning()) await bot.stop();
    await fake.close();
  });

  it('initialises with getMe', async () => {
    await bot.init();
    expect(bot.botInfo.id).toBe(fake.bot.id);
    expect(bot.botInfo.username).toBe(fake.bot.username);
    expect(fake.callsTo('getMe')).toHaveLength(1);
  });

  it('long-polls a pushed /start command, replies, and stops cleanly', async () => {
    bot.command('start', (ctx) => ctx.reply(`Welcome, ${ctx.from?.first_name ?? 'someone'}`));
    const running = bot.start({ timeout: 30 });

    // The bot is now holding a long poll open; the update releases it.
    await fake.waitForPoll();
    expect(fake.callsTo('getUpdates').at(-1)?.params).toMatchObject({ timeout: 30 });
    const pushed = fake.sendText({ chatId: 501, fromId: 501, text: '/start', languageCode: 'zh-hant' });
    const reply = await fake.waitForCall('sendMessage');

    expect(reply.params).toMatchObject({ chat_id: 501, text: 'Welcome, User 501' });
    expect(reply.status).toBe(200);
    expect(fake.sentMessages(501)).toEqual([
      expect.objectContaining({ message_id: 2, text: 'Welcome, User 501', chat: expect.objectContaining({ id: 501, type: 'private' }) }),
    ]);

    const startedAt = Date.now();
    await bot.stop();
    await running;
    expect(Date.now() - startedAt).toBeLessThan(1_000);
    // stop() confirms the handled update, so nothing is left pending for the next start.
    const confirm = fake.callsTo('getUpdates').at(-1);
    expect(confirm?.params).toMatchObject({ offset: pushed.update_id + 1, limit: 1 });
    expect(confirm?.response).toEqual({ ok: true, result: [] });
  });

  it('delivers pushed updates with increasing ids and drops them once confirmed', async () => {
    const first = fake.sendText({ chatId: -100200, chatType: 'supergroup', fromId: 7, text: '/status@policywatch_test_bot now' });
    const second = fake.pressButton({ chatId: 7, fromId: 7, data: 'mute:week' });
    expect(second.update_id).toBe(first.update_id + 1);
    expect(first.message?.entities).toEqual([{ type: 'bot_command', offset: 0, length: '/status@policywatch_test_bot'.length }]);

    const batch = await bot.api.getUpdates({ timeout: 0 });
    expect(batch.map((update) => update.update_id)).toEqual([first.update_id, second.update_id]);
    expect(await bot.api.getUpdates({ offset: second.update_id, timeout: 0 })).toHaveLength(1);
    expect(await bot.api.getUpdates({ offset: second.update_id + 1, timeout: 0 })).toEqual([]);

    const query = second.callback_query;
    expect(query).toBeDefined();
    expect(await bot.api.answerCallbackQuery(query?.id ?? '')).toBe(true);
    await expect(bot.api.answerCallbackQuery(query?.id ?? '')).rejects.toThrow(/query is too old/);
  });

  it('builds channel posts and my_chat_member updates like Telegram', async () => {
    const post = fake.sendText({ chatId: -100777, chatType: 'channel', fromId: 1, text: 'Gazette published' });
    expect(post.channel_post).toMatchObject({ chat: { id: -100777, type: 'channel' }, sender_chat: { id: -100777 } });
    expect(post.channel_post?.from).toBeUndefined();
    const added = fake.pushMyChatMember({ chatId: -100888, chatType: 'supergroup', newStatus: 'administrator' });
    expect(added.my_chat_member).toMatchObject({
      old_chat_member: { status: 'left', user: { id: fake.bot.id } },
      new_chat_member: { status: 'administrator', can_manage_chat: true },
    });
  });

  it('answers a held long poll as soon as an update arrives, and only with allowed update types', async () => {
    const poll = bot.api.getUpdates({ timeout: 10, allowed_updates: ['message'] });
    await fake.waitForPoll();
    fake.pushMyChatMember({ chatId: 42, newStatus: 'kicked' });
    fake.sendText({ chatId: 42, fromId: 42, text: 'hello' });
    const startedAt = Date.now();
    const updates = await poll;
    expect(Date.now() - startedAt).toBeLessThan(500);
    expect(updates.map((update) => Object.keys(update).filter((key) => key !== 'update_id'))).toEqual([['message']]);
  });

  it('ends a held long poll with an empty batch when its timeout passes', async () => {
    const startedAt = Date.now();
    expect(await bot.api.getUpdates({ timeout: 1 })).toEqual([]);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(950);
  });

  it('terminates an older long poll with 409 when a second one starts', async () => {
    const older = bot.api.getUpdates({ timeout: 10 });
    await fake.waitForPoll();
    const newer = bot.api.getUpdates({ timeout: 0 });
    const conflict = await expectGrammyError(older);
    expect(conflict.error_code).toBe(409);
    expect(await newer).toEqual([]);
  });

  it('surfaces a scripted 429 as a GrammyError with retry_after', async () => {
    fake.failNext('sendMessage', {
      chatId: 501,
      response: { error_code: 429, description: 'Too Many Requests: retry after 3', parameters: { retry_after: 3 } },
    });
    const error = await expectGrammyError(bot.api.sendMessage(501, 'deadline tomorrow'));
    expect(error.error_code).toBe(429);
    expect(error.parameters.retry_after).toBe(3);
    expect(fake.callsTo('sendMessage')[0]?.status).toBe(429);
    // Only the next call failed.
    await expect(bot.api.sendMessage(501, 'deadline tomorrow')).resolves.toMatchObject({ text: 'deadline tomorrow' });
  });

  it('surfaces 403 blocked and 400 migrate_to_chat_id like Telegram', async () => {
    fake.failNext('sendMessage', { response: { error_code: 403, description: 'Forbidden: bot was blocked by the user' } });
    const blocked = await expectGrammyError(bot.api.sendMessage(501, 'hi'));
    expect(blocked).toMatchObject({ error_code: 403, description: 'Forbidden: bot was blocked by the user' });

    fake.failNext('sendMessage', {
      chatId: -4001,
      response: {
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: -100123 },
      },
    });
    const migrated = await expectGrammyError(bot.api.sendMessage(-4001, 'hi'));
    expect(migrated.error_code).toBe(400);
    expect(migrated.parameters.migrate_to_chat_id).toBe(-100123);

    fake.failNext('sendMessage', { times: 2, response: { error_code: 502, description: 'Bad Gateway' } });
    await expect(bot.api.sendMessage(1, 'a')).rejects.toMatchObject({ error_code: 502 });
    await expect(bot.api.sendMessage(1, 'a')).rejects.toMatchObject({ error_code: 502 });
    await expect(bot.api.sendMessage(1, 'a')).resolves.toMatchObject({ text: 'a' });
  });

  it('refuses sends after the bot is blocked, kicked or the group migrated', async () => {
    fake.pushMyChatMember({ chatId: 77, newStatus: 'kicked' });
    await expect(bot.api.sendMessage(77, 'x')).rejects.toMatchObject({
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    fake.pushMyChatMember({ chatId: 77, newStatus: 'member' });
    await expect(bot.api.sendMessage(77, 'x')).resolves.toMatchObject({ chat: { id: 77 } });

    fake.pushMyChatMember({ chatId: -100300, newStatus: 'kicked' });
    await expect(bot.api.sendMessage(-100300, 'x')).rejects.toMatchObject({
      description: 'Forbidden: bot was kicked from the supergroup chat',
    });

    fake.migrateChat(-5005, -1005005);
    await expect(bot.api.sendMessage(-5005, 'x')).rejects.toMatchObject({
      error_code: 400,
      parameters: { migrate_to_chat_id: -1005005 },
    });
  });

  it('keeps per-chat message ids, thread ids and edits', async () => {
    const first = await bot.api.sendMessage(-100900, 'first', { message_thread_id: 12 });
    const second = await bot.api.sendMessage(-100900, 'second');
    expect([first.message_id, second.message_id]).toEqual([1, 2]);
    expect(first).toMatchObject({ message_thread_id: 12, chat: { type: 'supergroup' } });

    const edited = await bot.api.editMessageText(-100900, first.message_id, 'first, edited');
    expect(edited).toMatchObject({ text: 'first, edited', edit_date: expect.any(Number) });
    expect(fake.sentMessages(-100900).map((message) => message.text)).toEqual(['first, edited', 'second']);
    await expect(bot.api.editMessageText(-100900, first.message_id, 'first, edited')).rejects.toThrow(/not modified/);
    await expect(bot.api.editMessageText(-100900, 99, 'x')).rejects.toThrow(/message to edit not found/);
    await expect(bot.api.sendMessage(-100900, '')).rejects.toThrow(/message text is empty/);
  });

  it('stores commands per scope and language', async () => {
    await bot.api.setMyCommands([{ command: 'start', description: 'Start' }]);
    await bot.api.setMyCommands([{ command: 'start', description: '開始' }], { language_code: 'zh' });
    await bot.api.setMyCommands([{ command: 'mute', description: 'Mute' }], { scope: { type: 'chat', chat_id: -100900 } });

    expect(await bot.api.getMyCommands()).toEqual([{ command: 'start', description: 'Start' }]);
    expect(await bot.api.getMyCommands({ language_code: 'zh' })).toEqual([{ command: 'start', description: '開始' }]);
    expect(await bot.api.getMyCommands({ scope: { type: 'chat', chat_id: -100900 } })).toEqual([
      { command: 'mute', description: 'Mute' },
    ]);
    expect(await bot.api.getMyCommands({ scope: { type: 'all_group_chats' } })).toEqual([]);
    await expect(bot.api.setMyCommands([{ command: 'Bad Command', description: 'x' }])).rejects.toThrow(/BOT_COMMAND_INVALID/);
  });

  it('answers getChatMember from the table, getChat and sendChatAction', async () => {
    fake.setChatMember(-100900, 11, 'administrator');
    expect(await bot.api.getChatMember(-100900, 11)).toMatchObject({ status: 'administrator', user: { id: 11 } });
    expect(await bot.api.getChatMember(-100900, 12)).toMatchObject({ status: 'member' });
    expect(await bot.api.getChat(-100900)).toMatchObject({ id: -100900, type: 'supergroup' });
    expect(await bot.api.sendChatAction(-100900, 'typing')).toBe(true);
  });

  it('speaks form bodies, GET, case-insensitive methods, 404 and 401 like Telegram', async () => {
    const form = await fetch(`${fake.apiRoot}/bot${fake.token}/sendmessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ chat_id: '-100900', text: 'via form', reply_markup: '{"inline_keyboard":[[{"text":"A","callback_data":"a"}]]}' }),
    });
    expect(form.status).toBe(200);
    expect(await form.json()).toMatchObject({
      ok: true,
      result: { chat: { id: -100900 }, text: 'via form', reply_markup: { inline_keyboard: [[{ text: 'A' }]] } },
    });
    expect(fake.callsTo('sendMessage')[0]?.params).toMatchObject({ chat_id: '-100900' });

    const viaGet = await fetch(`${fake.apiRoot}/bot${fake.token}/getMe`);
    expect(await viaGet.json()).toMatchObject({ ok: true, result: { is_bot: true } });

    const unknown = await fetch(`${fake.apiRoot}/bot${fake.token}/sendHologram`, { method: 'POST' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found: method not found' });

    const wrongToken = new Bot('42:wrong', { client: { apiRoot: fake.apiRoot } });
    const unauthorized = await expectGrammyError(wrongToken.api.getMe());
    expect(unauthorized).toMatchObject({ error_code: 401, description: 'Unauthorized' });
  });

  it('closes with a pending long poll without hanging', async () => {
    const poll = bot.api.getUpdates({ timeout: 30 });
    await fake.waitForPoll();
    const startedAt = Date.now();
    await fake.close();
    await expect(poll).rejects.toBeInstanceOf(HttpError);
    expect(Date.now() - startedAt).toBeLessThan(500);
  });
});

describe('fake Telegram flood limits', () => {
  afterEach(async () => {
    await fake.close();
  });

  it('answers the third quick message to one chat with 429 and a whole-second retry_after', async () => {
    fake = await startFakeTelegram({ enforceLimits: true });
    bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    await bot.api.sendMessage(501, 'one');
    await bot.api.sendMessage(501, 'two');
    const error = await expectGrammyError(bot.api.sendMessage(501, 'three'));
    // Two in any two seconds: the third waits until two seconds after the first.
    expect(error).toMatchObject({ error_code: 429, description: 'Too Many Requests: retry after 2' });
    expect(error.parameters.retry_after).toBe(2);
    expect(fake.rateLimited.total).toBe(1);
    expect(fake.rateLimited.byChat.get(501)).toBe(1);
    // Other chats are unaffected.
    await expect(bot.api.sendMessage(502, 'one')).resolves.toBeDefined();
  });

  it('allows 20 messages a minute to a group and says how long to wait', async () => {
    let now = 1_000_000;
    fake = await startFakeTelegram({ enforceLimits: true, now: () => now });
    bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    for (let sent = 0; sent < 20; sent += 1) {
      now += 1_000; // one a second keeps the per-chat limit happy
      await bot.api.sendMessage(-100900, `alert ${sent}`);
    }
    now += 1_000;
    const error = await expectGrammyError(bot.api.sendMessage(-100900, 'one too many'));
    // The first of the 20 was sent 20 s ago, so the window has room again in 40 s.
    expect(error.parameters.retry_after).toBe(40);
    expect(fake.rateLimited.byLimit.perGroup).toBe(1);
    now += 39_000;
    await expect(bot.api.sendMessage(-100900, 'too early')).rejects.toMatchObject({ parameters: { retry_after: 1 } });
    now += 1_000;
    await expect(bot.api.sendMessage(-100900, 'after waiting')).resolves.toBeDefined();
  });

  it('caps all chats at 30 messages a second and stays fast for 2,000 chats', async () => {
    let now = 5_000_000;
    fake = await startFakeTelegram({ enforceLimits: true, now: () => now });
    // Plain keep-alive HTTP: fetch's own overhead would dominate the timing otherwise.
    const agent = new http.Agent({ keepAlive: true });
    const url = `${fake.apiRoot}/bot${fake.token}/sendMessage`;
    const send = (chatId: number): Promise<{ status: number }> =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify({ chat_id: chatId, text: 'x' });
        const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0 }));
        });
        request.on('error', reject);
        request.end(body);
      });

    const burst = await Promise.all(Array.from({ length: 31 }, (_, index) => send(index + 1)));
    expect(burst.filter((response) => response.status === 429)).toHaveLength(1);
    expect(fake.rateLimited.byLimit.global).toBe(1);

    now += 1_000;
    const startedAt = Date.now();
    for (let chatId = 100; chatId < 2_100; chatId += 1) {
      now += 34; // just under 30 a second
      const response = await send(chatId);
      expect(response.status).toBe(200);
    }
    expect(fake.sentMessages()).toHaveLength(2_030);
    // Not a speed target: a guard against limit checks whose cost grows with the history (quadratic over
    // 2,000 sends); loose enough for a loaded 2-core machine.
    expect(Date.now() - startedAt).toBeLessThan(15_000);
    agent.destroy();
  });
});

describe('fake Telegram webhooks', () => {
  let receiver: http.Server;
  let receiverUrl: string;
  // What the receiver answers next, per request; default 200.
  let answers: Array<number | 'hang'> = [];
  const received: Array<{ updateId: number; secret: string | undefined }> = [];

  beforeEach(async () => {
    fake = await startFakeTelegram({ webhookTimeoutMs: 300, webhookRetryMs: 50 });
    bot = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } });
    answers = [];
    received.length = 0;
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push({ updateId: (JSON.parse(body) as { update_id: number }).update_id, secret: req.headers['x-telegram-bot-api-secret-token'] as string | undefined });
        const answer = answers.shift() ?? 200;
        if (answer === 'hang') return; // never answered: the fake gives up after its timeout
        res.writeHead(answer).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
  });

  afterEach(async () => {
    await fake.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
  });

  const until = async (check: () => boolean, what: string): Promise<void> => {
    const deadline = Date.now() + 5_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  it('posts updates to the webhook with the secret, and refuses getUpdates while it is set (409)', async () => {
    const early = fake.sendText({ chatId: 1, chatType: 'private', fromId: 1, text: '/start' }); // pending before the webhook
    await bot.api.setWebhook(receiverUrl, { secret_token: 'hook-secret_1', allowed_updates: ['message'] });
    const later = fake.sendText({ chatId: 2, chatType: 'private', fromId: 2, text: '/help' });
    await until(() => fake.webhook.pendingCount() === 0 && received.length === 2, 'both updates');
    expect(received).toEqual([
      { updateId: early.update_id, secret: 'hook-secret_1' },
      { updateId: later.update_id, secret: 'hook-secret_1' },
    ]);
    expect(await bot.api.getWebhookInfo()).toMatchObject({ url: receiverUrl, pending_update_count: 0, allowed_updates: ['message'] });
    const conflict = await expectGrammyError(bot.api.getUpdates({ timeout: 0 }));
    expect(conflict.error_code).toBe(409);
    expect(conflict.description).toMatch(/webhook is active/);
  });

  it('re-sends an update answered with an error status or not answered in time, until a 2xx', async () => {
    answers = [500, 'hang', 401, 200];
    await bot.api.setWebhook(receiverUrl, { secret_token: 'hook-secret_1' });
    const update = fake.sendText({ chatId: 3, chatType: 'private', fromId: 3, text: '/help' });
    await until(() => fake.webhook.pendingCount() === 0, 'the update to be accepted');
    expect(received.map((r) => r.updateId)).toEqual(Array(4).fill(update.update_id));
    expect(fake.webhook.deliveries.map((d) => d.status)).toEqual([500, null, 401, 200]);
    expect(fake.webhook.deliveries[1]!.error).toBe('Read timeout expired');
  });

  it('refuses a webhook beyond loopback or with a bad secret; deleteWebhook hands undelivered updates back to getUpdates', async () => {
    expect((await expectGrammyError(bot.api.setWebhook('https://example.org/hook'))).description).toMatch(/only posts to 127\.0\.0\.1/);
    expect((await expectGrammyError(bot.api.setWebhook(receiverUrl, { secret_token: 'bad secret!' }))).description).toMatch(/unallowed characters/);
    answers = Array(100).fill(503);
    await bot.api.setWebhook(receiverUrl, { secret_token: 'hook-secret_1' });
    const update = fake.sendText({ chatId: 4, chatType: 'private', fromId: 4, text: '/help' });
    await until(() => received.length >= 1, 'a first attempt');
    expect((await bot.api.getWebhookInfo()).last_error_message).toMatch(/503/);
    await bot.api.deleteWebhook();
    expect((await bot.api.getUpdates({ timeout: 0 })).map((u) => u.update_id)).toEqual([update.update_id]);
  });
});
