// Every reply of the Telegram bot, in the two reader languages, as Telegram HTML. Dynamic values are escaped
// here, at the point where they meet markup; callers pass plain text.
import type { ReaderLanguage } from '../../domain/alertLabels.ts';
import { escapeHtml } from '../../notify/telegram/escapeHtml.ts';

export const COMMAND_NAMES = [
  'start',
  'help',
  'bureaus',
  'subscribe',
  'unsubscribe',
  'watchdog',
  'digest',
  'deadlines',
  'subscriptions',
  'upcoming',
  'overdue',
  'show',
  'report',
  'lang',
  'mute',
  'why',
  'calendar',
  'met',
  'claimed',
  'reschedule',
  'review',
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
export const EDITOR_COMMANDS: readonly CommandName[] = ['met', 'claimed', 'reschedule', 'review'];

interface CommandText {
  description: string;
  /** Arguments as typed after the command, plain text ("<bureau…|all>"). */
  args: string;
  example?: string;
}

export interface BotTexts {
  commands: Record<CommandName, CommandText>;
  welcome: string;
  helpHeading: string;
  editorHeading: string;
  helpFooter: string;
  usagePrefix: string;
  examplePrefix: string;
  unknownCommand(command: string): string;
  notCommand: string;
  notAdmin: string;
  notEditor: string;
  editorNeedsPerson: string;
  failed: string;
  bureausHeading: string;
  bureauCount(count: number): string;
  unknownBureaus(words: readonly string[]): string;
  pickToSubscribe: string;
  pickToUnsubscribe: string;
  allButton: string;
  subscribedAll: string;
  subscribed(names: string): string;
  alreadyAll: string;
  deadlinesSchedule(leadDays: readonly number[], sendAt: string): string;
  unsubscribedAll: string;
  unsubscribed(names: string): string;
  notSubscribedTo(names: string): string;
  followingAllCannotRemove: string;
  noSubscription: string;
  subscriptionHeading(target: string): string;
  switchNames: Record<'watchdog' | 'digest' | 'deadlines', string>;
  switchSet(name: string, on: boolean): string;
  switchCreated(name: string): string;
  switchNothingToTurnOff(name: string): string;
  everythingOff: string;
  /** When the digest goes out, e.g. "逢星期一 09:00（Asia/Hong_Kong）" (plain text). */
  digestSchedule(when: string): string;
  digestNotDayOrTime(word: string): string;
  digestSkipEmpty(skip: boolean): string;
  digestPreviewHeading: string;
  digestPreviewOff: string;
  digestPreviewWouldSkip: string;
  digestPreviewNoSubscription: string;
  toggledOn(name: string): string;
  toggledOff(name: string): string;
  upcomingHeading(days: number, scope: string | null, count: number): string;
  overdueHeading(scope: string | null, count: number): string;
  noneUpcoming(days: number): string;
  noneOverdue: string;
  more(count: number): string;
  daysProblem: string;
  notFound(ref: string): string;
  didYouMean: string;
  searchHeading(query: string): string;
  milestonesHeading: string;
  noMilestones: string;
  withdrawn: string;
  historyBy(actor: string): string;
  sourcePhrase: string;
  langSet: string;
  langRemembered: string;
  mutedUntil(until: string): string;
  unmuted: string;
  calendarUrl(url: string, rotated: boolean): string;
  statusRecorded(ref: string, from: string, to: string, due: string | null): string;
  statusRefused(problem: string): string;
  reasonNeeded: string;
  joinedGroup: string;
  /** Evidence proposals (/report) and the editors' queue (/review). */
  reportReceived(id: number, ref: string, status: string, merged: boolean): string;
  reportRefused(problem: string): string;
  reviewEmpty: string;
  reviewHeading(count: number): string;
  reviewItem(item: { id: number; ref: string; status: string; url: string; proposer: string; others: number; note: string | null; due: string; current: string }): string;
  approveButton: string;
  rejectButton: string;
  decided(id: number, approved: boolean, ref: string, status: string, superseded: number): string;
  decisionRefused(problem: string): string;
  outcome(id: number, approved: boolean, ref: string, status: string, note: string | null): string;
  carriedOverFrom(ref: string, document: string, slip: string): string;
  carriedOverTo(ref: string, document: string, slip: string): string;
}

const zh: BotTexts = {
  commands: {
    start: { description: '開始及使用說明', args: '' },
    help: { description: '所有指令', args: '' },
    bureaus: { description: '政策局代號、名稱及未完成承諾數目', args: '' },
    subscribe: { description: '訂閱政策局的期限提示', args: '<政策局…|all>', example: '/subscribe 發展局' },
    unsubscribe: { description: '取消訂閱政策局', args: '<政策局…|all>', example: '/unsubscribe 發展局' },
    watchdog: { description: '開關逾期監察（逾期後每週提醒）', args: 'on|off', example: '/watchdog on' },
    digest: {
      description: '每週摘要：開關、發送日子及時間、預覽',
      args: 'on [星期] [HH:MM] | off | skip-empty on|off | preview',
      example: '/digest on 星期一 09:00',
    },
    deadlines: { description: '開關期限提示', args: 'on|off', example: '/deadlines off' },
    subscriptions: { description: '本對話的訂閱設定', args: '' },
    upcoming: { description: '即將到期的承諾', args: '[政策局] [日數]', example: '/upcoming 發展局 14' },
    overdue: { description: '已逾期的承諾', args: '[政策局]', example: '/overdue 發展局' },
    show: { description: '一項承諾的詳情、狀態紀錄及證據', args: '<編號>', example: '/show PA2024-7-03' },
    report: {
      description: '提交證據：承諾已完成、政府稱已完成、進展或放棄',
      args: '<編號> <met|claimed|progress|dropped> <網址> [備註]',
      example: '/report PA2024-7-03 met https://www.info.gov.hk/…',
    },
    lang: { description: '切換語言 中文／English', args: 'zh|en', example: '/lang en' },
    mute: { description: '暫停提示若干日', args: '<日數>|off', example: '/mute 7' },
    why: { description: '一個期限的各次提示：本對話收到哪些，其餘為何沒有', args: '<編號>[/n]', example: '/why PA2024-7-03/1' },
    calendar: { description: '本對話訂閱的私人日曆網址（rotate：換新網址）', args: '[rotate]', example: '/calendar rotate' },
    met: { description: '（編輯）記錄已完成及證據', args: '<編號> <證據網址> [備註]', example: '/met PA2024-7-03 https://www.info.gov.hk/…' },
    claimed: { description: '（編輯）記錄政府稱已完成', args: '<編號> [備註]', example: '/claimed PA2024-7-03' },
    reschedule: { description: '（編輯）記錄改期', args: '<編號> <YYYY-MM-DD> <原因>', example: '/reschedule PA2024-7-03 2025-06-30 立法會文件' },
    review: { description: '（編輯）審核提案', args: '' },
  },
  welcome: [
    '👋 歡迎使用 <b>PolicyWatch 施政追蹤</b>！',
    '我把施政報告的承諾變成期限，在期限將至、到期及逾期時提醒你。',
    '',
    '• /subscribe 發展局 — 訂閱一個政策局（代號、中文或英文名稱皆可）',
    '• /subscribe all — 訂閱所有政策局',
    '• /bureaus — 政策局列表',
    '• /upcoming — 未來30日內到期的承諾',
    '• /help — 所有指令',
    '',
    'English: /lang en',
  ].join('\n'),
  helpHeading: '<b>指令</b>',
  editorHeading: '<b>編輯指令</b>',
  helpFooter: '政策局可用代號（DEVB）、中文（發展局）或英文名稱。在群組內只有管理員可以更改訂閱。',
  usagePrefix: '用法：',
  examplePrefix: '例如：',
  unknownCommand: (command) => `不明指令 ${escapeHtml(command)}。輸入 /help 查看所有指令。`,
  notCommand: '請輸入指令，例如 /subscribe 發展局。輸入 /help 查看所有指令。',
  notAdmin: '抱歉，只有群組管理員可以更改本群組的訂閱。',
  notEditor: '抱歉，只有編輯可以記錄承諾的狀態。',
  editorNeedsPerson: '編輯指令需要以個人帳戶使用，請在私人對話或群組內使用。',
  failed: '抱歉，處理指令時出錯，請稍後再試。',
  bureausHeading: '<b>政策局</b>（代號 · 名稱 · 未完成的期限）',
  bureauCount: (count) => `${count}項`,
  unknownBureaus: (words) => `不認識：${escapeHtml(words.join('、'))}。輸入 /bureaus 查看政策局代號及名稱。`,
  pickToSubscribe: '請選擇要訂閱的政策局（✅ 表示已訂閱，再按一次取消）：',
  pickToUnsubscribe: '請選擇要取消的政策局（✅ 表示已訂閱，按一下取消）：',
  allButton: '全部政策局',
  subscribedAll: '✅ 已訂閱所有政策局的期限提示。',
  subscribed: (names) => `✅ 已訂閱：${escapeHtml(names)}。`,
  alreadyAll: '你已訂閱所有政策局。如只想跟進部分政策局，請先 /unsubscribe all，再逐一 /subscribe。',
  deadlinesSchedule: (leadDays, sendAt) =>
    `期限前${escapeHtml([...leadDays].sort((a, b) => b - a).join('、'))}日、到期當日及逾期翌日 ${escapeHtml(sendAt)} 會收到提示。`,
  unsubscribedAll: '已取消本對話的所有訂閱。',
  unsubscribed: (names) => `已取消訂閱：${escapeHtml(names)}。`,
  notSubscribedTo: (names) => `本對話沒有訂閱：${escapeHtml(names)}。`,
  followingAllCannotRemove: '你正訂閱所有政策局，未能只取消其中一個。請先 /unsubscribe all，再 /subscribe 想跟進的政策局。',
  noSubscription: '本對話未有訂閱。輸入 /subscribe 發展局 或 /subscribe all 開始。',
  subscriptionHeading: (target) => `<b>本對話的訂閱</b>（<code>${escapeHtml(target)}</code>）`,
  switchNames: { watchdog: '逾期監察', digest: '每週摘要', deadlines: '期限提示' },
  switchSet: (name, on) => `${escapeHtml(name)}已${on ? '開啟' : '關閉'}。`,
  switchCreated: (name) =>
    `已為本對話建立訂閱：所有政策局，只開啟${escapeHtml(name)}（期限提示關閉）。如只想跟進部分政策局，可先 /unsubscribe all，再 /subscribe。`,
  switchNothingToTurnOff: (name) => `本對話未有訂閱，${escapeHtml(name)}本來就是關閉的。`,
  everythingOff: '注意：期限提示、逾期監察及每週摘要都已關閉，本對話不會再收到任何訊息。',
  digestSchedule: (when) => `每週摘要${escapeHtml(when)}發送。`,
  digestNotDayOrTime: (word) => `「${escapeHtml(word)}」不是星期（一至日、mon至sun）或24小時制時間（HH:MM）。`,
  digestSkipEmpty: (skip) => (skip ? '沒有內容的每週摘要會略過，不會發送。' : '每週摘要即使沒有內容亦會照常發送。'),
  digestPreviewHeading: '<i>預覽：本對話此刻會收到的每週摘要</i>',
  digestPreviewOff: '本對話的每週摘要現時關閉；/digest on 即可開啟。',
  digestPreviewWouldSkip: '本週摘要沒有內容，按設定不會發送。',
  digestPreviewNoSubscription: '本對話未有訂閱。輸入 /digest on 接收每週摘要，或 /subscribe 發展局 訂閱期限提示。',
  toggledOn: (name) => `已訂閱 ${name}`,
  toggledOff: (name) => `已取消 ${name}`,
  upcomingHeading: (days, scope, count) => `<b>未來${days}日內到期的承諾${scope ? `（${escapeHtml(scope)}）` : ''}</b>：${count}項`,
  overdueHeading: (scope, count) => `<b>已逾期的承諾${scope ? `（${escapeHtml(scope)}）` : ''}</b>：${count}項`,
  noneUpcoming: (days) => `未來${days}日內沒有到期的承諾。`,
  noneOverdue: '沒有逾期的承諾。',
  more: (count) => `……還有${count}項`,
  daysProblem: '日數要是1至365之間的整數。',
  notFound: (ref) => `找不到承諾 ${escapeHtml(ref)}。`,
  didYouMean: '你是否想找：',
  searchHeading: (query) => `<b>與「${escapeHtml(query)}」相關的承諾</b>`,
  milestonesHeading: '<b>期限</b>',
  noMilestones: '這項承諾沒有明確期限。',
  withdrawn: '（已從文件中刪除）',
  historyBy: (actor) => `由 ${escapeHtml(actor)}`,
  sourcePhrase: '原文',
  langSet: '已切換為中文。',
  langRemembered: '已切換為中文。訂閱後，提示亦會以中文發送。',
  mutedUntil: (until) => `🔕 已靜音，${escapeHtml(until)} 前不會發送提示。取消：/mute off`,
  unmuted: '🔔 已取消靜音。',
  calendarUrl: (url, rotated) => `📅 ${rotated ? '已換新網址，舊網址即時失效。' : ''}本對話訂閱的私人日曆（iCalendar）：\n<code>${escapeHtml(url)}</code>\n請勿公開；換新網址：/calendar rotate`,
  statusRecorded: (ref, from, to, due) => `已記錄 <code>${escapeHtml(ref)}</code>：${escapeHtml(from)} → ${escapeHtml(to)}${due ? `（新期限 ${escapeHtml(due)}）` : ''}。`,
  statusRefused: (problem) => `未能記錄：${escapeHtml(problem)}`,
  reasonNeeded: '改期需要註明原因（例如資料來源）。',
  joinedGroup: '👋 你好！我會提示施政承諾的期限。管理員可輸入 /subscribe 發展局 或 /watchdog on 開始；/help 查看所有指令。',
  reportReceived: (id, ref, status, merged) =>
    merged
      ? `已併入現有提案 #${id}（<code>${escapeHtml(ref)}</code> → ${escapeHtml(status)}）。編輯審核後會通知你。`
      : `已收到提案 #${id}：<code>${escapeHtml(ref)}</code> → ${escapeHtml(status)}。編輯審核後會通知你。`,
  reportRefused: (problem) => `未能收錄提案：${escapeHtml(problem)}`,
  reviewEmpty: '沒有待審核的提案。',
  reviewHeading: (count) => `<b>待審核提案：${count}項</b>`,
  reviewItem: (p) =>
    `#${p.id} <code>${escapeHtml(p.ref)}</code> → <b>${escapeHtml(p.status)}</b>（現時：${escapeHtml(p.current)}，期限 ${escapeHtml(p.due)}）\n` +
    `來源：${escapeHtml(p.url)}\n提出者：${escapeHtml(p.proposer)}${p.others ? `（另有${p.others}人）` : ''}${p.note ? `\n備註：${escapeHtml(p.note)}` : ''}`,
  approveButton: '✅ 批准',
  rejectButton: '❌ 拒絕',
  decided: (id, approved, ref, status, superseded) =>
    approved
      ? `已批准提案 #${id}：<code>${escapeHtml(ref)}</code> 現為 ${escapeHtml(status)}${superseded ? `（${superseded}項待發提示已取消）` : ''}。`
      : `已拒絕提案 #${id}（<code>${escapeHtml(ref)}</code> 維持 ${escapeHtml(status)}）。`,
  decisionRefused: (problem) => `未能處理：${escapeHtml(problem)}`,
  outcome: (id, approved, ref, status, note) =>
    approved
      ? `✅ 你的提案 #${id} 已獲批准：<code>${escapeHtml(ref)}</code> 現為 ${escapeHtml(status)}。多謝！`
      : `你的提案 #${id}（<code>${escapeHtml(ref)}</code>）未獲接納${note ? `：${escapeHtml(note)}` : '。'}`,
  carriedOverFrom: (ref, document, slip) => `↩️ 重申 <code>${escapeHtml(ref)}</code>（${escapeHtml(document)}）${escapeHtml(slip)}`,
  carriedOverTo: (ref, document, slip) => `↪️ 由 <code>${escapeHtml(ref)}</code>（${escapeHtml(document)}）重申${escapeHtml(slip)}`,
};

const en: BotTexts = {
  commands: {
    start: { description: 'Welcome and how to use', args: '' },
    help: { description: 'All commands', args: '' },
    bureaus: { description: 'Bureau codes, names and open deadlines', args: '' },
    subscribe: { description: "Get a bureau's deadline alerts", args: '<bureau…|all>', example: '/subscribe DEVB' },
    unsubscribe: { description: 'Stop following a bureau', args: '<bureau…|all>', example: '/unsubscribe DEVB' },
    watchdog: { description: 'Overdue reminders on or off', args: 'on|off', example: '/watchdog on' },
    digest: {
      description: 'Weekly digest: on or off, day and time, preview',
      args: 'on [day] [HH:MM] | off | skip-empty on|off | preview',
      example: '/digest on mon 09:00',
    },
    deadlines: { description: 'Deadline alerts on or off', args: 'on|off', example: '/deadlines off' },
    subscriptions: { description: "This chat's subscription", args: '' },
    upcoming: { description: 'Commitments coming due', args: '[bureau] [days]', example: '/upcoming DEVB 14' },
    overdue: { description: 'Overdue commitments', args: '[bureau]', example: '/overdue DEVB' },
    show: { description: 'A commitment with its status history and evidence', args: '<ref>', example: '/show PA2024-7-03' },
    report: {
      description: 'Propose evidence: met, claimed, progress or dropped',
      args: '<ref> <met|claimed|progress|dropped> <url> [note]',
      example: '/report PA2024-7-03 met https://www.info.gov.hk/…',
    },
    lang: { description: 'Language: 中文 / English', args: 'zh|en', example: '/lang zh' },
    mute: { description: 'Pause alerts for some days', args: '<days>|off', example: '/mute 7' },
    why: { description: 'Which alerts of a deadline this chat gets, and why not the others', args: '<ref>[/n]', example: '/why PA2024-7-03/1' },
    calendar: { description: "Private calendar URL of this chat's subscription (rotate: a new one)", args: '[rotate]', example: '/calendar rotate' },
    met: { description: '(editors) Record met, with evidence', args: '<ref> <evidence-url> [note]', example: '/met PA2024-7-03 https://www.info.gov.hk/…' },
    claimed: { description: '(editors) Record claimed by government', args: '<ref> [note]', example: '/claimed PA2024-7-03' },
    reschedule: { description: '(editors) Record a new due date', args: '<ref> <YYYY-MM-DD> <reason>', example: '/reschedule PA2024-7-03 2025-06-30 LegCo paper' },
    review: { description: '(editors) Review evidence proposals', args: '' },
  },
  welcome: [
    '👋 Welcome to <b>PolicyWatch</b>!',
    "I turn the Policy Address's commitments into deadlines and alert you as they approach, fall due and are missed.",
    '',
    '• /subscribe DEVB — follow a bureau (code, English or Chinese name)',
    '• /subscribe all — follow every bureau',
    '• /bureaus — the list of bureaux',
    '• /upcoming — commitments due in the next 30 days',
    '• /help — all commands',
    '',
    '中文：/lang zh',
  ].join('\n'),
  helpHeading: '<b>Commands</b>',
  editorHeading: '<b>Editor commands</b>',
  helpFooter: 'Name a bureau by code (DEVB), English or Chinese name. In groups only administrators can change the subscription.',
  usagePrefix: 'Usage: ',
  examplePrefix: 'Example: ',
  unknownCommand: (command) => `Unknown command ${escapeHtml(command)}. Send /help for the list.`,
  notCommand: 'Send a command, e.g. /subscribe DEVB. /help lists them all.',
  notAdmin: "Sorry, only this group's administrators can change its subscription.",
  notEditor: 'Sorry, only editors can record the status of a commitment.',
  editorNeedsPerson: 'Editor commands need a personal account; use them in a private chat or a group.',
  failed: 'Sorry, something went wrong with that command. Please try again later.',
  bureausHeading: '<b>Bureaux</b> (code · name · open deadlines)',
  bureauCount: (count) => `${count} open`,
  unknownBureaus: (words) => `Unknown bureau: ${escapeHtml(words.join(', '))}. Send /bureaus for the codes and names.`,
  pickToSubscribe: 'Pick the bureaux to follow (✅ = following; press again to stop):',
  pickToUnsubscribe: 'Pick the bureaux to stop following (✅ = following; press to stop):',
  allButton: 'All bureaux',
  subscribedAll: "✅ You now get every bureau's deadline alerts.",
  subscribed: (names) => `✅ Subscribed: ${escapeHtml(names)}.`,
  alreadyAll: 'You already follow all bureaux. To follow only some, send /unsubscribe all, then /subscribe each one.',
  deadlinesSchedule: (leadDays, sendAt) =>
    `Alerts come ${escapeHtml([...leadDays].sort((a, b) => b - a).join(', '))} days before a deadline, on the day and the day after a miss, at ${escapeHtml(sendAt)}.`,
  unsubscribedAll: 'This chat is no longer subscribed to anything.',
  unsubscribed: (names) => `Unsubscribed: ${escapeHtml(names)}.`,
  notSubscribedTo: (names) => `This chat does not follow: ${escapeHtml(names)}.`,
  followingAllCannotRemove: 'You follow all bureaux, so one cannot be removed. Send /unsubscribe all, then /subscribe the ones you want.',
  noSubscription: 'This chat has no subscription yet. Send /subscribe DEVB or /subscribe all to start.',
  subscriptionHeading: (target) => `<b>This chat's subscription</b> (<code>${escapeHtml(target)}</code>)`,
  switchNames: { watchdog: 'Watchdog (overdue reminders)', digest: 'Weekly digest', deadlines: 'Deadline alerts' },
  switchSet: (name, on) => `${escapeHtml(name)}: ${on ? 'on' : 'off'}.`,
  switchCreated: (name) =>
    `Created a subscription for this chat: all bureaux, ${escapeHtml(name)} only (deadline alerts off). To follow only some bureaux, send /unsubscribe all, then /subscribe.`,
  switchNothingToTurnOff: (name) => `This chat has no subscription, so ${escapeHtml(name)} is already off.`,
  everythingOff: 'Note: deadline alerts, watchdog and digest are all off, so this chat will receive nothing.',
  digestSchedule: (when) => `The weekly digest comes ${escapeHtml(when)}.`,
  digestNotDayOrTime: (word) => `“${escapeHtml(word)}” is neither a day (mon…sun) nor a 24-hour time (HH:MM).`,
  digestSkipEmpty: (skip) => (skip ? 'Weekly digests with nothing in them are now skipped.' : 'Weekly digests now come even when there is nothing in them.'),
  digestPreviewHeading: '<i>Preview: the weekly digest this chat would get now</i>',
  digestPreviewOff: 'The weekly digest is off for this chat; /digest on turns it on.',
  digestPreviewWouldSkip: 'There is nothing in this week’s digest, so it would be skipped.',
  digestPreviewNoSubscription: 'This chat has no subscription yet. Send /digest on for the weekly digest, or /subscribe DEVB for deadline alerts.',
  toggledOn: (name) => `Following ${name}`,
  toggledOff: (name) => `Stopped following ${name}`,
  upcomingHeading: (days, scope, count) => `<b>Due in the next ${days} days${scope ? ` (${escapeHtml(scope)})` : ''}</b>: ${count}`,
  overdueHeading: (scope, count) => `<b>Overdue${scope ? ` (${escapeHtml(scope)})` : ''}</b>: ${count}`,
  noneUpcoming: (days) => `Nothing is due in the next ${days} days.`,
  noneOverdue: 'Nothing is overdue.',
  more: (count) => `…and ${count} more`,
  daysProblem: 'Days must be a whole number from 1 to 365.',
  notFound: (ref) => `No commitment ${escapeHtml(ref)}.`,
  didYouMean: 'Did you mean:',
  searchHeading: (query) => `<b>Commitments matching “${escapeHtml(query)}”</b>`,
  milestonesHeading: '<b>Deadlines</b>',
  noMilestones: 'This commitment has no dated deadline.',
  withdrawn: '(withdrawn from the document)',
  historyBy: (actor) => `by ${escapeHtml(actor)}`,
  sourcePhrase: 'Source words',
  langSet: 'Language set to English.',
  langRemembered: 'Language set to English. Once you subscribe, alerts come in English too.',
  mutedUntil: (until) => `🔕 Muted: no alerts before ${escapeHtml(until)}. Undo: /mute off`,
  unmuted: '🔔 Alerts are back on.',
  calendarUrl: (url, rotated) => `📅 ${rotated ? 'New URL; the old one stopped working. ' : ''}Private calendar (iCalendar) of this chat's subscription:\n<code>${escapeHtml(url)}</code>\nKeep it private; for a new one: /calendar rotate`,
  statusRecorded: (ref, from, to, due) => `Recorded <code>${escapeHtml(ref)}</code>: ${escapeHtml(from)} → ${escapeHtml(to)}${due ? ` (new due date ${escapeHtml(due)})` : ''}.`,
  statusRefused: (problem) => `Not recorded: ${escapeHtml(problem)}`,
  reasonNeeded: 'A reschedule needs a reason (e.g. the source).',
  joinedGroup: '👋 Hello! I alert on Policy Address deadlines. Administrators can start with /subscribe DEVB or /watchdog on; /help lists all commands.',
  reportReceived: (id, ref, status, merged) =>
    merged
      ? `Merged into open proposal #${id} (<code>${escapeHtml(ref)}</code> → ${escapeHtml(status)}). You will hear when an editor decides.`
      : `Proposal #${id} received: <code>${escapeHtml(ref)}</code> → ${escapeHtml(status)}. You will hear when an editor decides.`,
  reportRefused: (problem) => `Proposal not taken: ${escapeHtml(problem)}`,
  reviewEmpty: 'No proposals are waiting.',
  reviewHeading: (count) => `<b>Proposals waiting: ${count}</b>`,
  reviewItem: (p) =>
    `#${p.id} <code>${escapeHtml(p.ref)}</code> → <b>${escapeHtml(p.status)}</b> (now: ${escapeHtml(p.current)}, due ${escapeHtml(p.due)})\n` +
    `Source: ${escapeHtml(p.url)}\nBy: ${escapeHtml(p.proposer)}${p.others ? ` (+${p.others} more)` : ''}${p.note ? `\nNote: ${escapeHtml(p.note)}` : ''}`,
  approveButton: '✅ Approve',
  rejectButton: '❌ Reject',
  decided: (id, approved, ref, status, superseded) =>
    approved
      ? `Approved proposal #${id}: <code>${escapeHtml(ref)}</code> is now ${escapeHtml(status)}${superseded ? ` (${superseded} queued alert(s) cancelled)` : ''}.`
      : `Rejected proposal #${id} (<code>${escapeHtml(ref)}</code> stays ${escapeHtml(status)}).`,
  decisionRefused: (problem) => `Not done: ${escapeHtml(problem)}`,
  outcome: (id, approved, ref, status, note) =>
    approved
      ? `✅ Your proposal #${id} was approved: <code>${escapeHtml(ref)}</code> is now ${escapeHtml(status)}. Thank you!`
      : `Your proposal #${id} (<code>${escapeHtml(ref)}</code>) was not accepted${note ? `: ${escapeHtml(note)}` : '.'}`,
  carriedOverFrom: (ref, document, slip) => `↩️ Restates <code>${escapeHtml(ref)}</code> (${escapeHtml(document)})${escapeHtml(slip)}`,
  carriedOverTo: (ref, document, slip) => `↪️ Restated by <code>${escapeHtml(ref)}</code> (${escapeHtml(document)})${escapeHtml(slip)}`,
};

export const TEXTS: Record<ReaderLanguage, BotTexts> = { 'zh-HK': zh, en };

export function textsFor(language: ReaderLanguage): BotTexts {
  return TEXTS[language];
}

/** "Usage: /subscribe <bureau…|all> · Example: /subscribe DEVB", escaped. */
export function usageLine(language: ReaderLanguage, command: CommandName): string {
  const texts = TEXTS[language];
  const entry = texts.commands[command];
  const usage = `${texts.usagePrefix}/${command}${entry.args ? ` ${entry.args}` : ''}`;
  return escapeHtml(entry.example ? `${usage}\n${texts.examplePrefix}${entry.example}` : usage);
}
