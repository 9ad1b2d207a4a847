// What people type after the bots' commands (/subscribe, /upcoming, /mute, /lang, /digest, …), read by
// small pure parsers shared by the Telegram and Discord bots. Each returns null or an `invalid` shape rather
// than throwing, so a reply can name the word that could not be read.
import type { ReaderLanguage } from '../domain/alertLabels.ts';
import { findBureau, listBureauKeys, normaliseBureauName, type Bureau } from '../domain/bureaus.ts';
import { isTimeOfDay, DIGEST_WEEKDAYS, type DigestWeekday } from '../domain/resolveDigestSchedule.ts';
import { WEEKDAY_NAMES } from './weekdayNames.ts';

// "on" / "off" as people type it after /watchdog, /digest and the like, in English or Chinese.
const ON = new Set(['on', 'yes', 'true', '1', 'enable', '開', '开', '開啟', '开启', '啟用', '是']);
const OFF = new Set(['off', 'no', 'false', '0', 'disable', '關', '关', '關閉', '关闭', '停用', '否']);

/** true for on, false for off, null when the word is neither. */
export function parseSwitch(text: string): boolean | null {
  const word = text.normalize('NFKC').trim().toLowerCase();
  if (ON.has(word)) return true;
  if (OFF.has(word)) return false;
  return null;
}

// The argument of /lang: which of the two reader languages is meant.

const ZH = new Set(['zh', 'zh-hk', 'zh-hant', 'zh-tw', 'chinese', 'cantonese', '中', '中文', '繁', '繁體', '繁體中文', '廣東話', '粵語']);
const EN = new Set(['en', 'en-gb', 'en-us', 'english', '英', '英文', '英語']);

export function parseLanguageArgument(text: string): ReaderLanguage | null {
  const word = text.normalize('NFKC').trim().toLowerCase().replace(/_/g, '-');
  if (ZH.has(word)) return 'zh-HK';
  if (EN.has(word)) return 'en';
  return null;
}

// The argument of /mute: a number of days (1–365, "7", "7d", "7 days", "7日", "7天") or "off".

export const MAX_MUTE_DAYS = 365;

export type MuteArgument = { off: true } | { off: false; days: number };

export function parseMuteArgument(text: string): MuteArgument | null {
  const value = text.normalize('NFKC').trim().toLowerCase();
  if (parseSwitch(value) === false) return { off: true };
  const match = /^(\d{1,3})\s*(d|day|days|日|天)?$/.exec(value);
  if (!match) return null;
  const days = Number(match[1]);
  return days >= 1 && days <= MAX_MUTE_DAYS ? { off: false, days } : null;
}

// A digest time as people type it: 24-hour H:MM or HH:MM ("9:00", "09:00", full-width "０９：００"), as the
// schedule stores it ("09:00"); null when it is not a time of day.

export function parseTimeOfDay(text: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.normalize('NFKC').trim());
  if (!match) return null;
  const time = `${match[1]!.padStart(2, '0')}:${match[2]}`;
  return isTimeOfDay(time) ? time : null;
}

// A weekday as people type it: mon…sun, English names (Monday, tues, thurs), or Chinese 一…日 with or
// without 星期／週／周／禮拜 (星期一, 週三, 日, 星期天). Case and full-width characters do not matter.

const CHINESE_DAYS = ['一', '二', '三', '四', '五', '六', '日'];
const CHINESE_PREFIX = /^(星期|週|周|禮拜|礼拜)/;
const EXTRA_ENGLISH: Readonly<Record<string, DigestWeekday>> = { tues: 'tue', weds: 'wed', thur: 'thu', thurs: 'thu' };

export function parseWeekday(text: string): DigestWeekday | null {
  const word = text.normalize('NFKC').trim().toLowerCase().replace(/\.$/, '');
  if (!word) return null;
  for (const [index, day] of DIGEST_WEEKDAYS.entries()) {
    if (word === day || word === WEEKDAY_NAMES.en[day].toLowerCase()) return day;
    const chinese = word.replace(CHINESE_PREFIX, '');
    if (chinese === CHINESE_DAYS[index] || (day === 'sun' && chinese === '天' && chinese !== word)) return day;
  }
  return EXTRA_ENGLISH[word] ?? null;
}

// What a person types after /subscribe or /unsubscribe: bureau codes, Chinese or English names, in any
// case, separated by spaces, commas or 、, or run together in Chinese ("發展局及教育局"), or "all".
// Pure and platform-neutral, shared by the Telegram and Discord bots.

export interface BureauList {
  all: boolean;
  /** Recognised bureaux, each once, in the order given. */
  bureaus: Bureau[];
  /** Words that name no bureau, as typed. */
  unknown: string[];
}

const ALL_WORDS = new Set(['all', 'everything', '*', '全部', '所有', '全部政策局', '所有政策局']);
// Joining words between names; ignored when they are not part of a name ("Labour and Welfare Bureau").
const CONNECTORS = new Set(['and', '&', '及', '和', '與', '与', '同']);
const CJK_CONNECTORS = ['及', '和', '與', '与', '同'];
const CJK = /[\u3400-\u9fff]/;

/** Splits Chinese names written without spaces by the longest known name at each point. */
function segmentChinese(word: string): Bureau[] | null {
  const keys = listBureauKeys();
  const found: Bureau[] = [];
  let rest = normaliseBureauName(word);
  while (rest) {
    const connector = found.length ? CJK_CONNECTORS.find((c) => rest.startsWith(c)) : undefined;
    if (connector) {
      rest = rest.slice(connector.length);
      continue;
    }
    let end = rest.length;
    while (end > 0 && !keys.has(rest.slice(0, end))) end--;
    if (end === 0) return null;
    found.push(keys.get(rest.slice(0, end))!);
    rest = rest.slice(end);
  }
  return found;
}

export function parseBureauList(text: string): BureauList {
  const result: BureauList = { all: false, bureaus: [], unknown: [] };
  const add = (bureau: Bureau): void => {
    if (!result.bureaus.includes(bureau)) result.bureaus.push(bureau);
  };
  const chunks = text.normalize('NFKC').split(/[,;、，；\n]+/).map((chunk) => chunk.trim()).filter(Boolean);
  for (const chunk of chunks) {
    const words = chunk.split(/\s+/);
    let start = 0;
    while (start < words.length) {
      const word = words[start]!;
      if (ALL_WORDS.has(word.toLowerCase())) {
        result.all = true;
        start++;
        continue;
      }
      // The longest run of words from here that names a bureau ("the Development Bureau").
      let end = words.length;
      let bureau: Bureau | undefined;
      for (; end > start; end--) {
        bureau = findBureau(words.slice(start, end).join(' '));
        if (bureau) break;
      }
      if (bureau) {
        add(bureau);
        start = end;
        continue;
      }
      const segmented = CJK.test(word) ? segmentChinese(word) : null;
      if (segmented?.length) segmented.forEach(add);
      else if (!CONNECTORS.has(word.toLowerCase())) result.unknown.push(word);
      start++;
    }
  }
  return result;
}

// Arguments of /upcoming [bureau…] [days] and /overdue [bureau…]: an optional number of days anywhere,
// the rest a bureau list.

export const MAX_UPCOMING_DAYS = 365;

export type DueListArgs = { ok: true; days: number | null; bureaus: BureauList } | { ok: false; problem: 'days' | 'bureau'; unknown: string[] };

export function parseDueListArgs(text: string, options: { allowDays: boolean }): DueListArgs {
  const words = text.normalize('NFKC').trim().split(/\s+/).filter(Boolean);
  const numbers = words.filter((word) => /^\d+(d|days?|日|天)?$/i.test(word));
  if (numbers.length > 1 || (numbers.length && !options.allowDays)) return { ok: false, problem: 'days', unknown: numbers };
  let days: number | null = null;
  if (numbers.length) {
    days = Number.parseInt(numbers[0]!, 10);
    if (days < 1 || days > MAX_UPCOMING_DAYS) return { ok: false, problem: 'days', unknown: numbers };
  }
  const bureaus = parseBureauList(words.filter((word) => !numbers.includes(word)).join(' '));
  if (bureaus.unknown.length) return { ok: false, problem: 'bureau', unknown: bureaus.unknown };
  return { ok: true, days, bureaus };
}

// What follows /digest in the Telegram bot: "on [day] [HH:MM]" (day and time in either order, each
// optional), "off", "skip-empty on|off" or "preview". Chinese 星期 may be written apart from its day
// ("星期 一"). A word that is neither a day nor a time is reported, so the reply can name it.

export type DigestArgs =
  | { action: 'on'; day: DigestWeekday | null; time: string | null }
  | { action: 'off' }
  | { action: 'skipEmpty'; skip: boolean }
  | { action: 'preview' }
  /** `word`: what could not be read as a day or time, when that is the trouble. */
  | { action: 'invalid'; word: string | null };

const SKIP_EMPTY = new Set(['skip-empty', 'skipempty', 'skip_empty', '略過空白']);
const PREVIEW = new Set(['preview', '預覽', '预览']);

export function parseDigestArgs(text: string): DigestArgs {
  const words = text
    .normalize('NFKC')
    .replace(/(星期|週|周|禮拜|礼拜)\s+/g, '$1')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const [first, ...rest] = words;
  if (first === undefined) return { action: 'invalid', word: null };
  const keyword = first.toLowerCase();
  if (PREVIEW.has(keyword)) return rest.length ? { action: 'invalid', word: null } : { action: 'preview' };
  if (SKIP_EMPTY.has(keyword)) {
    const skip = rest.length === 1 ? parseSwitch(rest[0]!) : null;
    return skip === null ? { action: 'invalid', word: null } : { action: 'skipEmpty', skip };
  }
  const on = parseSwitch(first);
  if (on === null) return { action: 'invalid', word: null };
  if (!on) return rest.length ? { action: 'invalid', word: null } : { action: 'off' };
  let day: DigestWeekday | null = null;
  let time: string | null = null;
  for (const word of rest) {
    const asDay: DigestWeekday | null = day === null ? parseWeekday(word) : null;
    const asTime: string | null = asDay === null && time === null ? parseTimeOfDay(word) : null;
    if (asDay) day = asDay;
    else if (asTime) time = asTime;
    else return { action: 'invalid', word };
  }
  return { action: 'on', day, time };
}
