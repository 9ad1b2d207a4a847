// The bot's commands in a private chat, in Chinese (the default), against the fake Telegram server and a
// seeded database at 2024-12-24 09:30 Hong Kong time (DEVB deadlines fall on 2024-12-31).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BUREAUS } from '../../../src/domain/bureaus.ts';
import { findSubscription } from '../../../src/db/subscriptions.ts';
import { countOpenMilestones } from '../../../src/services/countOpenMilestones.ts';
import { getCommitmentDetails } from '../../../src/services/getCommitmentDetails.ts';
import type { TestDatabase } from '../../support/createTestDatabase.ts';
import { ask, createSeededDatabase, RELAXED_LIMITS, startTelegramTestBot, textOf, waitForMessages, waitUntil, type TestBot } from './startTelegramTestBot.ts';

const EDITOR = 4242;
let db: TestDatabase;
let bot: TestBot;
let nextChat = 1000;
let chat: number;

beforeAll(async () => {
  db = await createSeededDatabase();
});
afterAll(async () => {
  await db.drop();
});
beforeEach(async () => {
  bot = await startTelegramTestBot(db.pool, { editors: [String(EDITOR)], limits: RELAXED_LIMITS });
  chat = nextChat++;
});
afterEach(async () => {
  await bot.stop();
});

const say = async (text: string, count = 1) => (await ask(bot.fake, { chatId: chat, fromId: chat, text, languageCode: 'zh-hant' }, count)).map(textOf);
const reply = async (text: string) => (await say(text))[0]!;

describe('Telegram commands in Chinese', () => {
  it('welcomes with /start and registers the command menu in both languages', async () => {
    const welcome = await reply('/start');
    expect(welcome).toContain('歡迎使用');
    expect(welcome).toContain('/subscribe 發展局');
    const sent = bot.fake.callsTo('sendMessage').at(-1)!;
    expect(sent.params).toMatchObject({ parse_mode: 'HTML' });

    const zhMenu = await bot.handle.bot.api.getMyCommands();
    const enMenu = await bot.handle.bot.api.getMyCommands({ language_code: 'en' });
    expect(zhMenu.map((c) => c.command)).toEqual(['start', 'help', 'bureaus', 'subscribe', 'unsubscribe', 'watchdog', 'digest', 'deadlines', 'subscriptions', 'upcoming', 'overdue', 'show', 'report', 'lang', 'mute', 'why', 'calendar']);
    expect(zhMenu.find((c) => c.command === 'subscribe')?.description).toBe('訂閱政策局的期限提示');
    expect(enMenu.find((c) => c.command === 'subscribe')?.description).toBe("Get a bureau's deadline alerts");
    // Editors also see their commands in their own chat with the bot.
    const editorMenu = await bot.handle.bot.api.getMyCommands({ scope: { type: 'chat', chat_id: EDITOR } });
    expect(editorMenu.map((c) => c.command)).toContain('reschedule');
    expect(editorMenu.map((c) => c.command)).toContain('review');
  });

  it('lists commands with /help, and editor commands only for editors', async () => {
    const help = await reply('/help');
    expect(help).toContain('/subscribe <政策局…|all> — 訂閱政策局的期限提示');
    expect(help).not.toContain('/met');
    const [editorHelp] = (await ask(bot.fake, { chatId: EDITOR, fromId: EDITOR, text: '/help' })).map(textOf);
    expect(editorHelp).toContain('/met <編號> <證據網址> [備註]');
  });

  it('lists bureaux with codes, names and open milestone counts', async () => {
    const counts = await countOpenMilestones(db.pool);
    const [heading, list] = [await reply('/bureaus')].flatMap((text) => text.split('\n\n'));
    expect(heading).toContain('政策局');
    const lines = list!.split('\n');
    expect(lines).toHaveLength(BUREAUS.length); // every bureau and office of the registry
    expect(lines).toContain(`DEVB 發展局（Development Bureau） · ${counts.get('DEVB')}項`);
    expect(lines).toContain('CSB 公務員事務局（Civil Service Bureau） · 0項');
    expect(counts.get('DEVB')).toBeGreaterThan(0);
  });

  it('subscribes to a bureau named in Chinese, and refuses unknown names without changing anything', async () => {
    const unknown = await reply('/subscribe 食物局');
    expect(unknown).toContain('不認識：食物局');
    expect(unknown).toContain('用法：/subscribe <政策局…|all>');
    expect(await findSubscription(db.pool, `telegram:${chat}`)).toBeNull();

    const done = await reply('/subscribe 發展局');
    expect(done).toContain('✅ 已訂閱：發展局。');
    expect(done).toContain('期限前30、7、1日');
    expect(await findSubscription(db.pool, `telegram:${chat}`)).toMatchObject({
      bureaus: ['DEVB'],
      deadlines: true,
      watchdog: false,
      digest: false,
      language: 'zh-HK',
      disabledAt: null,
    });

    expect(await reply('/subscribe EEB 教育局')).toContain('已訂閱：環境及生態局、教育局');
    expect((await findSubscription(db.pool, `telegram:${chat}`))?.bureaus).toEqual(['DEVB', 'EDB', 'EEB']);
  });

  it('offers a keyboard of bureaux when none is named, and toggles them on press', async () => {
    await say('/subscribe');
    const prompt = bot.fake.sentMessages(chat).at(-1)!;
    expect(textOf(prompt)).toContain('請選擇要訂閱的政策局');
    const keyboard = prompt.reply_markup?.inline_keyboard ?? [];
    expect(keyboard.flat()).toHaveLength(BUREAUS.length + 1); // every bureau and "all"
    expect(keyboard[0]).toEqual([
      { text: '政制及內地事務局', callback_data: 'pw:t:CMAB' },
      { text: '文化體育及旅遊局', callback_data: 'pw:t:CSTB' },
    ]);
    expect(keyboard.at(-1)).toEqual([{ text: '全部政策局', callback_data: 'pw:t:all' }]);

    bot.fake.pressButton({ chatId: chat, fromId: chat, data: 'pw:t:EDB', messageId: prompt.message_id });
    const answer = await bot.fake.waitForCall('answerCallbackQuery');
    expect(answer.params).toMatchObject({ text: '已訂閱 教育局' });
    expect((await findSubscription(db.pool, `telegram:${chat}`))?.bureaus).toEqual(['EDB']);
    await bot.fake.waitForCall('editMessageText');
    const edited = bot.fake.sentMessages(chat).find((message) => message.message_id === prompt.message_id)!;
    expect(edited.reply_markup?.inline_keyboard.flat()).toContainEqual({ text: '✅ 教育局', callback_data: 'pw:t:EDB' });
    expect(textOf(edited)).toContain('政策局：教育局');

    bot.fake.pressButton({ chatId: chat, fromId: chat, data: 'pw:t:EDB', messageId: prompt.message_id });
    await bot.fake.waitForCall('answerCallbackQuery', (call) => call.params.text === '已取消 教育局');
    expect(await findSubscription(db.pool, `telegram:${chat}`)).toMatchObject({ disabledReason: 'unsubscribed' });
  });

  it('unsubscribes a bureau, explains what cannot be done, and ends with all', async () => {
    expect(await reply('/unsubscribe 發展局')).toContain('本對話未有訂閱');
    await reply('/subscribe DEVB EDB');
    const partly = await reply('/unsubscribe 發展局 房屋局');
    expect(partly).toContain('本對話沒有訂閱：房屋局。');
    expect(partly).toContain('已取消訂閱：發展局。');
    expect((await findSubscription(db.pool, `telegram:${chat}`))?.bureaus).toEqual(['EDB']);
    expect(await reply('/unsubscribe')).toContain('請選擇要取消的政策局');
    expect(await reply('/unsubscribe all')).toBe('已取消本對話的所有訂閱。');
    expect((await findSubscription(db.pool, `telegram:${chat}`))?.disabledAt).not.toBeNull();

    await reply('/subscribe all');
    expect(await reply('/subscribe 發展局')).toContain('你已訂閱所有政策局');
    expect(await reply('/unsubscribe 發展局')).toContain('未能只取消其中一個');
  });

  it('turns watchdog and digest on (creating a subscription) and off, and shows the subscription', async () => {
    expect(await reply('/watchdog off')).toContain('本來就是關閉的');
    const created = await reply('/watchdog on');
    expect(created).toContain('已為本對話建立訂閱：所有政策局，只開啟逾期監察');
    expect(await findSubscription(db.pool, `telegram:${chat}`)).toMatchObject({ bureaus: null, refs: null, deadlines: false, watchdog: true, digest: false });

    expect(await reply('/digest on')).toContain('每週摘要已開啟');
    expect(await reply('/watchdog 關')).toContain('逾期監察已關閉');
    const allOff = await reply('/digest off');
    expect(allOff).toContain('本對話不會再收到任何訊息');
    expect(await reply('/watchdog maybe')).toBe('用法：/watchdog on|off\n例如：/watchdog on');

    await reply('/deadlines on');
    const summary = await reply('/subscriptions');
    expect(summary).toContain(`本對話的訂閱（telegram:${chat}）`);
    expect(summary).toContain('範圍：所有政策局');
    expect(summary).toContain('期限提示：開 · 逾期監察：關 · 每週摘要：關');
    expect(summary).toContain('語言：中文');
  });

  it('lists what is coming due and what is overdue', async () => {
    const upcoming = await reply('/upcoming');
    expect(upcoming).toMatch(/^未來30日內到期的承諾：\d+項/);
    expect(upcoming).toContain('⏳ PA2024-7-03 · 期限 2024-12-31（尚餘7日）\n發展局 · 在2024年年底前公布牛潭尾');
    expect(upcoming).toContain('PA2024-7-10'); // ITIB, also due at the end of 2024

    const devb = await reply('/upcoming 發展局 14');
    expect(devb).toMatch(/^未來14日內到期的承諾（發展局）：4項/);
    expect(devb).not.toContain('PA2024-7-10');
    expect(await reply('/upcoming DEVB 3')).toBe('未來3日內沒有到期的承諾。');
    expect(await reply('/upcoming 400')).toContain('日數要是1至365之間的整數。\n用法：/upcoming [政策局] [日數]');
    expect(await reply('/overdue')).toBe('沒有逾期的承諾。');

    bot.clock.set('2025-01-10T10:00:00+08:00');
    const overdue = await reply('/overdue 發展局');
    expect(overdue).toMatch(/^已逾期的承諾（發展局）：4項/);
    expect(overdue).toContain('❗ PA2024-7-03 · 期限 2024-12-31（已逾期10日）');
  });

  it('shows a commitment with its milestones, and searches when given words', async () => {
    const shown = await reply('/show pa2024-7-01');
    expect(shown).toContain('PA2024-7-01 · 發展局');
    expect(shown).toContain('推進「北部都會區」建設');
    expect(shown).toContain('PA2024-7-01/1 · 期限 2024-12-31（尚餘7日） · 未完成');
    expect(shown).toContain('PA2024-7-01/2 · 期限 2025-06-30（尚餘188日） · 未完成');
    expect(shown).toContain('文件：2024年施政報告附篇 第七章');
    const html = bot.fake.callsTo('sendMessage').at(-1)!.params.text as string;
    expect(html).toContain('<a href="https://www.policyaddress.gov.hk/2024/tc/">');

    const missing = await reply('/show PA2024-7-99');
    expect(missing).toContain('找不到承諾 PA2024-7-99。');
    expect(missing).toContain('你是否想找：\nPA2024-7-01');
    expect(await reply('/show 沙嶺')).toContain('PA2024-7-06');
    expect(await reply('/show')).toBe('用法：/show <編號>\n例如：/show PA2024-7-03');
  });

  it('switches to English with /lang and back', async () => {
    expect(await reply('/lang en')).toBe('Language set to English. Once you subscribe, alerts come in English too.');
    expect(await reply('/help')).toContain('/subscribe <bureau…|all> — ');
    await reply('/subscribe DEVB');
    expect((await findSubscription(db.pool, `telegram:${chat}`))?.language).toBe('en');
    expect(await reply('/lang 中文')).toBe('已切換為中文。');
    expect((await findSubscription(db.pool, `telegram:${chat}`))?.language).toBe('zh-HK');
    expect(await reply('/lang fr')).toBe('用法：/lang zh|en\n例如：/lang en');
  });

  it('mutes for some days and unmutes', async () => {
    expect(await reply('/mute 7')).toContain('本對話未有訂閱');
    await reply('/subscribe DEVB');
    expect(await reply('/mute 7')).toBe('🔕 已靜音，2024-12-31 09:30 前不會發送提示。取消：/mute off');
    expect((await findSubscription(db.pool, `telegram:${chat}`))?.mutedUntil).toEqual(new Date('2024-12-31T09:30:00+08:00'));
    expect(await reply('/subscriptions')).toContain('靜音至：2024-12-31 09:30');
    expect(await reply('/mute off')).toBe('🔔 已取消靜音。');
    expect((await findSubscription(db.pool, `telegram:${chat}`))?.mutedUntil).toBeNull();
    expect(await reply('/mute soon')).toBe('用法：/mute <日數>|off\n例如：/mute 7');
  });

  it('answers unknown commands and plain messages with a hint', async () => {
    expect(await reply('/frobnicate now')).toBe('不明指令 /frobnicate。輸入 /help 查看所有指令。');
    expect(await reply('hello?')).toContain('請輸入指令');
    expect(await reply('/subscribe@policywatch_test_bot 發展局')).toContain('已訂閱：發展局');
  });

  it('lets editors record met, claimed and rescheduled with their id, and refuses others', async () => {
    expect(await reply('/met PA2024-7-05 https://www.devb.gov.hk/news')).toBe('抱歉，只有編輯可以記錄承諾的狀態。');
    const editor = async (text: string) => textOf((await ask(bot.fake, { chatId: EDITOR, fromId: EDITOR, text }))[0]);

    expect(await editor('/met PA2024-7-05 https://www.devb.gov.hk/news?a=1&b=2 LegCo paper')).toBe('已記錄 PA2024-7-05：未完成 → 已完成。');
    expect(await editor('/claimed PA2024-7-01')).toContain('未能記錄：PA2024-7-01: this commitment has 2 milestones');
    expect(await editor('/claimed PA2024-7-01/2 press release')).toBe('已記錄 PA2024-7-01/2：未完成 → 政府稱已完成。');
    expect(await editor('/reschedule PA2024-7-07 2026-06-30')).toContain('改期需要註明原因');
    expect(await editor('/reschedule PA2024-7-07 2026-06-30 Budget speech')).toBe('已記錄 PA2024-7-07：未完成 → 已改期（新期限 2026-06-30）。');
    expect(await editor('/met PA2024-7-07 not-a-url')).toContain('未能記錄：evidence must be an http(s) URL');
    expect(await editor('/met')).toBe('用法：/met <編號> <證據網址> [備註]\n例如：/met PA2024-7-03 https://www.info.gov.hk/…');

    const details = await getCommitmentDetails(db.pool, 'PA2024-7-05');
    expect(details?.milestones[0]).toMatchObject({ status: 'met', evidenceUrl: 'https://www.devb.gov.hk/news?a=1&b=2' });
    expect(details?.milestones[0]?.history.at(-1)).toMatchObject({ actor: `telegram:${EDITOR}`, source: 'telegram', note: 'LegCo paper', status: 'met' });
    const rescheduled = await getCommitmentDetails(db.pool, 'PA2024-7-07');
    expect(rescheduled?.milestones[0]?.history.at(-1)).toMatchObject({ actor: `telegram:${EDITOR}`, source: 'telegram', note: 'Budget speech', due: '2026-06-30' });

    const shown = await editor('/show PA2024-7-05');
    expect(shown).toContain('證據：https://www.devb.gov.hk/news?a=1&b=2');
    // where the status came from: an editor, through Telegram
    expect(shown).toContain(`未完成 → 已完成 編輯 telegram:${EDITOR}（telegram） · LegCo paper`);
  });

  it('keeps the order of one chat’s commands and answers every one', async () => {
    const before = bot.fake.sentMessages(chat).length;
    for (const text of ['/subscribe DEVB', '/watchdog on', '/digest on', '/subscriptions']) bot.fake.sendText({ chatId: chat, fromId: chat, text });
    const replies = (await waitForMessages(bot.fake, chat, before + 4)).slice(before).map(textOf);
    expect(replies[0]).toContain('已訂閱：發展局');
    expect(replies[1]).toContain('逾期監察已開啟');
    expect(replies[2]).toContain('每週摘要已開啟');
    expect(replies[3]).toContain('期限提示：開 · 逾期監察：開 · 每週摘要：開');
    await waitUntil(async () => (await findSubscription(db.pool, `telegram:${chat}`))?.digest);
  });
});
