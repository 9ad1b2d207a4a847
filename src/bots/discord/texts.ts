// What the Discord bot says, in both reader languages: command names and descriptions as Discord shows them
// (zh-TW is Discord's Traditional Chinese locale; English is the base), and every reply. Replies use Discord
// markdown; anything a person typed is escaped by the caller.
import type { ReaderLanguage } from '../../domain/alertLabels.ts';

export const COMMAND_NAMES = ['subscribe', 'unsubscribe', 'subscriptions', 'digest', 'upcoming', 'overdue', 'show', 'lang', 'mute', 'why', 'calendar', 'status', 'report', 'review'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface Described {
  name: string;
  description: string;
}

export interface CommandText extends Described {
  /** Options and subcommands by their (English) name; names are unique within a command. */
  options: Record<string, Described>;
}

export interface DiscordTexts {
  commands: Record<CommandName, CommandText>;
  languageChoices: Record<'zh' | 'en', string>;
  allBureaux: string;
  guildOnly: string;
  needsManageChannels: string;
  notEditor: string;
  failed: string;
  unknownCommand: string;
  unknownBureaus(words: string): string;
  subscribedAll: string;
  subscribed(names: string): string;
  alreadyAll: string;
  deadlinesSchedule(leadDays: readonly number[], sendAt: string): string;
  alertLanguage(language: string, other: string): string;
  unsubscribedAll: string;
  unsubscribed(names: string): string;
  notSubscribedTo(names: string): string;
  followingAllCannotRemove: string;
  noSubscription: string;
  subscriptionHeading: string;
  upcomingHeading(days: number, scope: string | null, count: number): string;
  overdueHeading(scope: string | null, count: number): string;
  noneUpcoming(days: number): string;
  noneOverdue: string;
  more(count: number): string;
  daysProblem: string;
  notFound(ref: string): string;
  didYouMean: string;
  searchHeading(query: string): string;
  noMilestones: string;
  withdrawn: string;
  historyBy(actor: string): string;
  langSet: string;
  langRemembered: string;
  languageProblem: string;
  mutedUntil(until: string): string;
  unmuted: string;
  muteProblem: string;
  calendarUrl(url: string, rotated: boolean): string;
  statusRecorded(ref: string, from: string, to: string, due: string | null): string;
  statusRefused(problem: string): string;
  /** When the digest goes out, e.g. "逢星期一 09:00（Asia/Hong_Kong）". */
  digestOn(when: string): string;
  digestCreated(when: string): string;
  digestOff: string;
  everythingOff: string;
  digestTimeProblem: string;
  digestDayProblem: string;
  digestSkipEmpty(skip: boolean): string;
  digestPreviewHeading: string;
  digestPreviewOff: string;
  digestPreviewWouldSkip: string;
  digestPreviewNoSubscription: string;
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

const zh: DiscordTexts = {
  commands: {
    subscribe: {
      name: '訂閱',
      description: '本頻道訂閱政策局的期限提示',
      options: {
        bureau: { name: '政策局', description: '政策局代號或名稱（如 DEVB、發展局），或 all' },
        watchdog: { name: '逾期監察', description: '逾期後每週提醒' },
        digest: { name: '每週摘要', description: '每週發送摘要' },
      },
    },
    unsubscribe: {
      name: '取消訂閱',
      description: '本頻道取消訂閱政策局',
      options: { bureau: { name: '政策局', description: '要取消的政策局，或 all 取消全部' } },
    },
    subscriptions: { name: '訂閱設定', description: '本頻道的訂閱設定', options: {} },
    digest: {
      name: '每週摘要',
      description: '本頻道的每週摘要：開關、發送日子及時間、預覽',
      options: {
        on: { name: '開啟', description: '開啟每週摘要，可選發送的日子及時間' },
        off: { name: '關閉', description: '關閉每週摘要' },
        'skip-empty': { name: '略過空白', description: '沒有內容的一週是否略過不發' },
        preview: { name: '預覽', description: '本頻道此刻會收到的每週摘要（只有你看到）' },
        day: { name: '星期', description: '逢星期幾發送' },
        time: { name: '時間', description: '發送時間，24小時制 HH:MM（如 09:00）' },
        enabled: { name: '略過', description: '略過（True）或照常發送（False）' },
      },
    },
    upcoming: {
      name: '即將到期',
      description: '即將到期的承諾',
      options: {
        bureau: { name: '政策局', description: '只看這個政策局' },
        days: { name: '日數', description: '未來多少日內（1至365）' },
      },
    },
    overdue: { name: '已逾期', description: '已逾期的承諾', options: { bureau: { name: '政策局', description: '只看這個政策局' } } },
    show: { name: '承諾詳情', description: '一項承諾的詳情、狀態紀錄及證據', options: { ref: { name: '編號', description: '承諾編號（如 PA2024-7-03）或關鍵字' } } },
    lang: { name: '語言', description: '本頻道的語言 中文／English', options: { language: { name: '語言', description: '中文或 English' } } },
    mute: { name: '靜音', description: '本頻道暫停提示若干日', options: { days: { name: '日數', description: '暫停日數（1至365），0 即取消靜音' } } },
    why: { name: '提示原因', description: '一個期限的各次提示：本頻道收到哪些，其餘為何沒有', options: { ref: { name: '編號', description: '承諾編號，多於一個期限時加 /n（如 PA2024-7-03/2）' } } },
    calendar: { name: '日曆', description: '本頻道訂閱的私人日曆網址', options: { action: { name: '動作', description: 'url：顯示網址；rotate：換新網址（舊網址即時失效）' } } },
    status: {
      name: '記錄狀態',
      description: '（編輯）記錄承諾期限的狀態',
      options: {
        ref: { name: '編號', description: '承諾編號，多於一個期限時加 /n（如 PA2024-7-03/2）' },
        status: { name: '狀態', description: '新狀態' },
        evidence: { name: '證據', description: '公開證據網址（已完成時必須）' },
        due: { name: '新期限', description: '改期後的期限 YYYY-MM-DD' },
        note: { name: '備註', description: '備註或資料來源' },
      },
    },
    report: {
      name: '提交證據',
      description: '提交證據：承諾已完成、政府稱已完成、進展或放棄',
      options: {
        ref: { name: '編號', description: '承諾編號，多於一個期限時加 /n（如 PA2024-7-03/2）' },
        status: { name: '狀態', description: '證據顯示的狀態' },
        url: { name: '網址', description: '公開來源網址（http 或 https）' },
        note: { name: '備註', description: '備註' },
      },
    },
    review: { name: '審核提案', description: '（編輯）審核證據提案', options: {} },
  },
  languageChoices: { zh: '中文', en: 'English' },
  allBureaux: '全部政策局',
  guildOnly: '此指令只可在伺服器的頻道內使用。',
  needsManageChannels: '抱歉，只有具備「管理頻道」權限的成員可以更改本頻道的訂閱。',
  notEditor: '抱歉，只有編輯可以記錄承諾的狀態。',
  failed: '抱歉，處理指令時出錯，請稍後再試。',
  unknownCommand: '抱歉，不認識這個指令。',
  unknownBureaus: (words) => `不認識的政策局：${words}。請輸入代號（如 DEVB）、中文或英文名稱，或從建議中選擇。`,
  subscribedAll: '✅ 本頻道已訂閱所有政策局的期限提示。',
  subscribed: (names) => `✅ 本頻道已訂閱：${names}。`,
  alreadyAll: '本頻道已訂閱所有政策局。如只想跟進部分政策局，請先 `/unsubscribe all`，再逐一 `/subscribe`。',
  deadlinesSchedule: (leadDays, sendAt) => `期限前${[...leadDays].sort((a, b) => b - a).join('、')}日、到期當日及逾期翌日 ${sendAt} 會收到提示。`,
  alertLanguage: (language, other) => `提示會以${language}發送（\`/lang ${other}\` 可更改）。`,
  unsubscribedAll: '本頻道已取消所有訂閱。',
  unsubscribed: (names) => `已取消訂閱：${names}。`,
  notSubscribedTo: (names) => `本頻道沒有訂閱：${names}。`,
  followingAllCannotRemove: '本頻道正訂閱所有政策局，未能只取消其中一個。請先 `/unsubscribe all`，再 `/subscribe` 想跟進的政策局。',
  noSubscription: '本頻道未有訂閱。輸入 `/subscribe bureau:DEVB` 或 `/subscribe bureau:all` 開始。',
  subscriptionHeading: '本頻道的訂閱',
  upcomingHeading: (days, scope, count) => `未來${days}日內到期的承諾${scope ? `（${scope}）` : ''}：${count}項`,
  overdueHeading: (scope, count) => `已逾期的承諾${scope ? `（${scope}）` : ''}：${count}項`,
  noneUpcoming: (days) => `未來${days}日內沒有到期的承諾。`,
  noneOverdue: '沒有逾期的承諾。',
  more: (count) => `……還有${count}項`,
  daysProblem: '日數要是1至365之間的整數。',
  notFound: (ref) => `找不到承諾 ${ref}。`,
  didYouMean: '你是否想找：',
  searchHeading: (query) => `與「${query}」相關的承諾`,
  noMilestones: '這項承諾沒有明確期限。',
  withdrawn: '（已從文件中刪除）',
  historyBy: (actor) => `由 ${actor}`,
  langSet: '本頻道已切換為中文，提示亦會以中文發送。',
  langRemembered: '本頻道已切換為中文。訂閱後，提示會以中文發送。',
  languageProblem: '請選擇 zh（中文）或 en（English）。',
  mutedUntil: (until) => `🔕 本頻道已靜音，${until} 前不會發送提示。取消：\`/mute days:0\``,
  unmuted: '🔔 本頻道已取消靜音。',
  muteProblem: '日數要是0至365之間的整數（0 即取消靜音）。',
  calendarUrl: (url, rotated) => `📅 ${rotated ? '已換新網址，舊網址即時失效。' : ''}本頻道訂閱的私人日曆（iCalendar）：\n${url}\n請勿公開；換新網址：\`/calendar action:rotate\``,
  statusRecorded: (ref, from, to, due) => `已記錄 \`${ref}\`：${from} → ${to}${due ? `（新期限 ${due}）` : ''}。`,
  statusRefused: (problem) => `未能記錄：${problem}`,
  digestOn: (when) => `📬 本頻道的每週摘要已開啟，${when}發送。`,
  digestCreated: (when) =>
    `📬 已為本頻道建立訂閱：所有政策局，只開啟每週摘要（期限提示關閉），${when}發送。如只想跟進部分政策局，可先 \`/unsubscribe all\`，再 \`/subscribe\`。`,
  digestOff: '本頻道的每週摘要已關閉。',
  everythingOff: '注意：期限提示、逾期監察及每週摘要都已關閉，本頻道不會再收到任何訊息。',
  digestTimeProblem: '時間要是24小時制 HH:MM，例如 09:00。',
  digestDayProblem: '請從星期一至星期日中選擇。',
  digestSkipEmpty: (skip) => (skip ? '本頻道沒有內容的每週摘要會略過，不會發送。' : '本頻道的每週摘要即使沒有內容亦會照常發送。'),
  digestPreviewHeading: '*預覽：本頻道此刻會收到的每週摘要*',
  digestPreviewOff: '本頻道的每週摘要現時關閉；`/digest on` 即可開啟。',
  digestPreviewWouldSkip: '本週摘要沒有內容，按設定不會發送。',
  digestPreviewNoSubscription: '本頻道未有訂閱。使用 `/digest on` 接收每週摘要，或 `/subscribe bureau:DEVB` 訂閱期限提示。',
  reportReceived: (id, ref, status, merged) =>
    merged ? `已併入現有提案 #${id}（\`${ref}\` → ${status}）。編輯審核後會通知你。` : `已收到提案 #${id}：\`${ref}\` → ${status}。編輯審核後會通知你。`,
  reportRefused: (problem) => `未能收錄提案：${problem}`,
  reviewEmpty: '沒有待審核的提案。',
  reviewHeading: (count) => `**待審核提案：${count}項**`,
  reviewItem: (p) =>
    `#${p.id} \`${p.ref}\` → **${p.status}**（現時：${p.current}，期限 ${p.due}）\n來源：<${p.url}>\n提出者：${p.proposer}${p.others ? `（另有${p.others}人）` : ''}${p.note ? `\n備註：${p.note}` : ''}`,
  approveButton: '批准',
  rejectButton: '拒絕',
  decided: (id, approved, ref, status, superseded) =>
    approved ? `已批准提案 #${id}：\`${ref}\` 現為 ${status}${superseded ? `（${superseded}項待發提示已取消）` : ''}。` : `已拒絕提案 #${id}（\`${ref}\` 維持 ${status}）。`,
  decisionRefused: (problem) => `未能處理：${problem}`,
  outcome: (id, approved, ref, status, note) =>
    approved ? `✅ 你的提案 #${id} 已獲批准：\`${ref}\` 現為 ${status}。多謝！` : `你的提案 #${id}（\`${ref}\`）未獲接納${note ? `：${note}` : '。'}`,
  carriedOverFrom: (ref, document, slip) => `↩️ 重申 \`${ref}\`（${document}）${slip}`,
  carriedOverTo: (ref, document, slip) => `↪️ 由 \`${ref}\`（${document}）重申${slip}`,
};

const en: DiscordTexts = {
  commands: {
    subscribe: {
      name: 'subscribe',
      description: "Post a bureau's deadline alerts in this channel",
      options: {
        bureau: { name: 'bureau', description: 'Bureau code or name (e.g. DEVB, Development Bureau), or all' },
        watchdog: { name: 'watchdog', description: 'Weekly reminders once a deadline is missed' },
        digest: { name: 'digest', description: 'A weekly digest' },
      },
    },
    unsubscribe: {
      name: 'unsubscribe',
      description: 'Stop following a bureau in this channel',
      options: { bureau: { name: 'bureau', description: 'The bureau to stop following, or all' } },
    },
    subscriptions: { name: 'subscriptions', description: "This channel's subscription", options: {} },
    digest: {
      name: 'digest',
      description: "This channel's weekly digest: on or off, day and time, preview",
      options: {
        on: { name: 'on', description: 'Turn the weekly digest on, optionally on a chosen day and time' },
        off: { name: 'off', description: 'Turn the weekly digest off' },
        'skip-empty': { name: 'skip-empty', description: 'Whether a week with nothing in it is skipped' },
        preview: { name: 'preview', description: 'The weekly digest this channel would get now (only you see it)' },
        day: { name: 'day', description: 'The day of the week it comes' },
        time: { name: 'time', description: 'The time it comes, 24-hour HH:MM (e.g. 09:00)' },
        enabled: { name: 'enabled', description: 'Skip empty weeks (True) or send them anyway (False)' },
      },
    },
    upcoming: {
      name: 'upcoming',
      description: 'Commitments coming due',
      options: {
        bureau: { name: 'bureau', description: 'Only this bureau' },
        days: { name: 'days', description: 'Days ahead (1–365)' },
      },
    },
    overdue: { name: 'overdue', description: 'Overdue commitments', options: { bureau: { name: 'bureau', description: 'Only this bureau' } } },
    show: { name: 'show', description: 'A commitment with its status history and evidence', options: { ref: { name: 'ref', description: 'Commitment ref (e.g. PA2024-7-03) or words' } } },
    lang: { name: 'lang', description: "This channel's language: 中文 / English", options: { language: { name: 'language', description: '中文 or English' } } },
    mute: { name: 'mute', description: 'Pause alerts in this channel for some days', options: { days: { name: 'days', description: 'Days to pause (1–365); 0 turns muting off' } } },
    why: { name: 'why', description: 'Which alerts of a deadline this channel gets, and why not the others', options: { ref: { name: 'ref', description: 'Commitment ref, with /n when it has several deadlines (e.g. PA2024-7-03/2)' } } },
    calendar: { name: 'calendar', description: "Private calendar URL of this channel's subscription", options: { action: { name: 'action', description: 'url: show it; rotate: a new one (the old one stops working)' } } },
    status: {
      name: 'status',
      description: '(editors) Record the status of a deadline',
      options: {
        ref: { name: 'ref', description: 'Commitment ref, with /n when it has several deadlines (PA2024-7-03/2)' },
        status: { name: 'status', description: 'The new status' },
        evidence: { name: 'evidence', description: 'Public evidence URL (needed for met)' },
        due: { name: 'due', description: 'New due date YYYY-MM-DD (rescheduled)' },
        note: { name: 'note', description: 'A note or the source' },
      },
    },
    report: {
      name: 'report',
      description: 'Propose evidence: met, claimed, progress or dropped',
      options: {
        ref: { name: 'ref', description: 'Commitment ref, with /n when it has several deadlines (PA2024-7-03/2)' },
        status: { name: 'status', description: 'What the evidence shows' },
        url: { name: 'url', description: 'Public source URL (http or https)' },
        note: { name: 'note', description: 'A note' },
      },
    },
    review: { name: 'review', description: '(editors) Review evidence proposals', options: {} },
  },
  languageChoices: { zh: '中文', en: 'English' },
  allBureaux: 'All bureaux',
  guildOnly: 'This command works only in a server channel.',
  needsManageChannels: "Sorry, only members with the Manage Channels permission can change this channel's subscription.",
  notEditor: 'Sorry, only editors can record the status of a commitment.',
  failed: 'Sorry, something went wrong with that command. Please try again later.',
  unknownCommand: 'Sorry, I do not know that command.',
  unknownBureaus: (words) => `Unknown bureau: ${words}. Give a code (e.g. DEVB), an English or Chinese name, or pick a suggestion.`,
  subscribedAll: "✅ This channel now gets every bureau's deadline alerts.",
  subscribed: (names) => `✅ This channel now follows: ${names}.`,
  alreadyAll: 'This channel already follows all bureaux. To follow only some, use `/unsubscribe all`, then `/subscribe` each one.',
  deadlinesSchedule: (leadDays, sendAt) =>
    `Alerts come ${[...leadDays].sort((a, b) => b - a).join(', ')} days before a deadline, on the day and the day after a miss, at ${sendAt}.`,
  alertLanguage: (language, other) => `Alerts come in ${language} (\`/lang ${other}\` to change).`,
  unsubscribedAll: 'This channel is no longer subscribed to anything.',
  unsubscribed: (names) => `Unsubscribed: ${names}.`,
  notSubscribedTo: (names) => `This channel does not follow: ${names}.`,
  followingAllCannotRemove: 'This channel follows all bureaux, so one cannot be removed. Use `/unsubscribe all`, then `/subscribe` the ones you want.',
  noSubscription: 'This channel has no subscription yet. Use `/subscribe bureau:DEVB` or `/subscribe bureau:all` to start.',
  subscriptionHeading: "This channel's subscription",
  upcomingHeading: (days, scope, count) => `Due in the next ${days} days${scope ? ` (${scope})` : ''}: ${count}`,
  overdueHeading: (scope, count) => `Overdue${scope ? ` (${scope})` : ''}: ${count}`,
  noneUpcoming: (days) => `Nothing is due in the next ${days} days.`,
  noneOverdue: 'Nothing is overdue.',
  more: (count) => `…and ${count} more`,
  daysProblem: 'Days must be a whole number from 1 to 365.',
  notFound: (ref) => `No commitment ${ref}.`,
  didYouMean: 'Did you mean:',
  searchHeading: (query) => `Commitments matching “${query}”`,
  noMilestones: 'This commitment has no dated deadline.',
  withdrawn: '(withdrawn from the document)',
  historyBy: (actor) => `by ${actor}`,
  langSet: 'This channel now uses English, for alerts too.',
  langRemembered: 'This channel now uses English. Once it subscribes, alerts come in English too.',
  languageProblem: 'Choose zh (中文) or en (English).',
  mutedUntil: (until) => `🔕 Muted: no alerts in this channel before ${until}. Undo: \`/mute days:0\``,
  unmuted: '🔔 Alerts are back on in this channel.',
  muteProblem: 'Days must be a whole number from 0 to 365 (0 turns muting off).',
  calendarUrl: (url, rotated) => `📅 ${rotated ? 'New URL; the old one stopped working. ' : ''}Private calendar (iCalendar) of this channel's subscription:\n${url}\nKeep it private; for a new one: \`/calendar action:rotate\``,
  statusRecorded: (ref, from, to, due) => `Recorded \`${ref}\`: ${from} → ${to}${due ? ` (new due date ${due})` : ''}.`,
  statusRefused: (problem) => `Not recorded: ${problem}`,
  digestOn: (when) => `📬 This channel gets the weekly digest ${when}.`,
  digestCreated: (when) =>
    `📬 Created a subscription for this channel: all bureaux, weekly digest only (deadline alerts off), ${when}. To follow only some bureaux, use \`/unsubscribe all\`, then \`/subscribe\`.`,
  digestOff: 'The weekly digest is off for this channel.',
  everythingOff: 'Note: deadline alerts, watchdog and digest are all off, so this channel will receive nothing.',
  digestTimeProblem: 'The time must be 24-hour HH:MM, e.g. 09:00.',
  digestDayProblem: 'Choose a day from Monday to Sunday.',
  digestSkipEmpty: (skip) => (skip ? 'Weekly digests with nothing in them are now skipped in this channel.' : 'Weekly digests now come to this channel even when there is nothing in them.'),
  digestPreviewHeading: '*Preview: the weekly digest this channel would get now*',
  digestPreviewOff: 'The weekly digest is off for this channel; `/digest on` turns it on.',
  digestPreviewWouldSkip: 'There is nothing in this week’s digest, so it would be skipped.',
  digestPreviewNoSubscription: 'This channel has no subscription yet. Use `/digest on` for the weekly digest, or `/subscribe bureau:DEVB` for deadline alerts.',
  reportReceived: (id, ref, status, merged) =>
    merged
      ? `Merged into open proposal #${id} (\`${ref}\` → ${status}). You will hear when an editor decides.`
      : `Proposal #${id} received: \`${ref}\` → ${status}. You will hear when an editor decides.`,
  reportRefused: (problem) => `Proposal not taken: ${problem}`,
  reviewEmpty: 'No proposals are waiting.',
  reviewHeading: (count) => `**Proposals waiting: ${count}**`,
  reviewItem: (p) =>
    `#${p.id} \`${p.ref}\` → **${p.status}** (now: ${p.current}, due ${p.due})\nSource: <${p.url}>\nBy: ${p.proposer}${p.others ? ` (+${p.others} more)` : ''}${p.note ? `\nNote: ${p.note}` : ''}`,
  approveButton: 'Approve',
  rejectButton: 'Reject',
  decided: (id, approved, ref, status, superseded) =>
    approved
      ? `Approved proposal #${id}: \`${ref}\` is now ${status}${superseded ? ` (${superseded} queued alert(s) cancelled)` : ''}.`
      : `Rejected proposal #${id} (\`${ref}\` stays ${status}).`,
  decisionRefused: (problem) => `Not done: ${problem}`,
  outcome: (id, approved, ref, status, note) =>
    approved ? `✅ Your proposal #${id} was approved: \`${ref}\` is now ${status}. Thank you!` : `Your proposal #${id} (\`${ref}\`) was not accepted${note ? `: ${note}` : '.'}`,
  carriedOverFrom: (ref, document, slip) => `↩️ Restates \`${ref}\` (${document})${slip}`,
  carriedOverTo: (ref, document, slip) => `↪️ Restated by \`${ref}\` (${document})${slip}`,
};

export const DISCORD_TEXTS: Readonly<Record<ReaderLanguage, DiscordTexts>> = { 'zh-HK': zh, en };

export function textsFor(language: ReaderLanguage): DiscordTexts {
  return DISCORD_TEXTS[language];
}
