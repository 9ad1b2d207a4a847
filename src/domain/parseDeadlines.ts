// Reads the dated promises in one commitment's text: "在2024年年底前公布…" -> 2024-12-31.
//
// Rules that decide what is NOT a date (so that amounts, ages, plan names and history never become
// deadlines):
// - A year is only read inside a deadline phrase. In Chinese a bare "2025年" counts only after
//   在/於/預計/預期/爭取/力爭 or before 內/前/或之前/起; in English a bare "2025" counts only after
//   a preposition of time (in, by, within, during, in or before, from, starting …). So "2,025個",
//   "12,000元", "the 2030 Agenda", "Vision 2035" and "「香港2030+」" are text. An English year followed
//   by a capitalised word ("in 2030 Agenda") is taken as part of a name.
// - Past facts are skipped: 已/曾 just before the phrase or 以來/至今/已 just after it, English
//   "since …", a past auxiliary (has/had/was/were/already) in the clause, or a bare past participle
//   right before the phrase ("completed in 2023", but not "to be completed in 2026").
// - A date earlier than the publication date is history, not a promise, and is dropped.
// - Counted periods ("三年內", "within five years") count from the publication date only; one tied to
//   another event ("生效後三年內", "within six months of enactment") is not a calendar date.

import { CHINESE_DIGIT_CHARS, parseChineseNumber } from './chineseNumerals.ts';
import {
  addCalendarMonths,
  formatCalendarDate,
  formatEndOfMonth,
  parseCalendarDate,
  type CalendarDateParts,
} from './calendarDate.ts';
import { DeadlineError } from './DeadlineError.ts';
import type { DocumentLanguage, ExtractedMilestone, MilestoneKind } from './types.ts';

export interface ParseDeadlinesOptions {
  published: string | null;
  language: DocumentLanguage;
}

/** A milestone with where its words sit in the text (used to pair "respectively" subjects). */
interface Found {
  start: number;
  end: number;
  /** Start of the whole match including a leading preposition, for the "respectively" look-back. */
  matchStart: number;
  due: string;
  kind: MilestoneKind;
}

// ---------------------------------------------------------------------------------------------
// Chinese grammar

const D = CHINESE_DIGIT_CHARS;
const ZH_YEAR = `(?:(?<![\\d,.])\\d{4}(?!\\d)|(?<![${D}十])[${D}]{4})`;
const ZH_MONTH = '(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])';
const ZH_DAY = '(?:3[01]|[12]\\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])';
const ZH_COUNT = '(?:\\d{1,2}|[一二兩三四五六七八九十]{1,3})';
const ZH_LEADS = ['由', '自', '從', '在', '於', '預計', '預期', '爭取', '力爭'];

// "2023-24" as the start of a range of financial years, "(2023-24至2032-33年度)".
const ZH_FY_KIND = '(?:財政年度|年度|學年)';
const ZH_FY_TO = `\\s*${ZH_FY_KIND}?\\s*[至到]\\s*`;
const ZH_FY_SECOND = `(?:\\d{4}|\\d{2}|[${D}]{4}|[${D}]{2})`;
// "（即2023-24至2027-28年度）": the brackets may say "that is".
const ZH_BRACKET_OPEN = '[（(]\\s*(?:即|亦即|即是)?\\s*';

const ZH_PATTERN = new RegExp(
  `(?<lead>(?:${ZH_LEADS.join('|')})\\s*)?(?<core>` +
    // 2025-26年度 / 2025/26學年 / 二〇二五至二六年度, or a range of them, 2023-24至2032-33年度 (due at
    // the end of the last one). One alternative, so that a year is tried once per position.
    `(?<fy1>${ZH_YEAR})\\s*年?\\s*[-–—/至]\\s*(?<fy2>${ZH_FY_SECOND})` +
    `(?:${ZH_FY_TO}(?<fy3>${ZH_YEAR})\\s*年?\\s*[-–—/至]\\s*(?<fy4>${ZH_FY_SECOND}))?\\s*(?<fyk>${ZH_FY_KIND})` +
    // 2025至2027年 (a span: due at its end)
    `|(?<ra>${ZH_YEAR})\\s*年?\\s*[至到]\\s*(?<rb>${ZH_YEAR})\\s*年(?<rin>間|內|期間)?` +
    // 2025年 / 今年 / 明年, with an optional part of the year
    `|(?:(?<y>${ZH_YEAR})\\s*年|(?<ry>今|明|本)年)(?<part>` +
    '年?底|年?終|年?中(?![國華央心學小環東西南北部醫文港區資旬])|第(?<q>[一二三四1-4])季度?|首季度?' +
    `|(?<h>[上下])半年|年?初(?![步中次級稿])` +
    `|(?<m>${ZH_MONTH})\\s*月(?:\\s*(?<d>${ZH_DAY})\\s*[日號])?(?<mp>底|初|中|上旬|中旬|下旬)?` +
    ')?(?<by>或之前|或以前|之前|前|之內|內)?' +
    // 未來五年內 / 三年內 / 18個月內
    // …, with the financial years it spans in brackets: 在五年內(2022-23至2026-27年度)
    `|(?<![\\d${D}十兩第每])(?:(?<fut>未來|今後|接下來)的?)?(?<n>${ZH_COUNT})\\s*(?<unit>年|個月)(?<within>之內|內)?` +
    `(?:\\s*${ZH_BRACKET_OPEN}(?<nfa>${ZH_YEAR})\\s*年?\\s*[-–—/]\\s*(?<nfb>\\d{4}|\\d{2})` +
    `(?:${ZH_FY_TO}(?<nfc>${ZH_YEAR})\\s*年?\\s*[-–—/]\\s*(?<nfd>\\d{4}|\\d{2}))?\\s*(?<nfk>${ZH_FY_KIND})?\\s*[)）])?` +
    // 年內 / 年底前 on their own: this year
    `|(?<![\\d${D}十兩年今明本每])(?<ty>年內|年底前|年底)` +
    `)(?<tail>\\s*(?:起|開始))?`,
  'g',
);

// Words of a recurring action: what such a clause says about "未來十年" is a horizon, not a deadline.
const ZH_RECURRING = /每年|每季|每半年|每月|定期|逐年|按年/;

const ZH_QUARTERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, '1': 1, '2': 2, '3': 3, '4': 4 };
const ZH_CONJUNCTIONS = /以及|、|及|和|與/g;
// Verbs that open the first subject of "分別展開A及B…": dropped so the subject names the thing.
const ZH_LEADING_VERBS = [
  '展開', '開展', '推出', '完成', '公布', '啟動', '開始', '落成', '推行', '實施', '提交', '進行', '成立',
  '設立', '舉辦', '發布', '發表', '動工', '竣工', '開通', '啟用', '推展', '建成', '開放', '興建', '建立',
];

// ---------------------------------------------------------------------------------------------
// English grammar

const EN_MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december',
];
const EN_MONTH = `(?:${EN_MONTH_NAMES.join('|')}|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?`;
const EN_YEAR_NUM = '(?<![\\d,.$])(?:19|20|21)\\d{2}(?!\\d|[,.]\\d)';
const EN_YEAR = `(?:${EN_YEAR_NUM}|(?:this|next)\\s+year)`;
const EN_NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fifteen: 15, eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30, 'thirty-six': 36,
};
const EN_COUNT = `(?:\\d{1,2}|${Object.keys(EN_NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;
const EN_ORDINALS: Readonly<Record<string, number>> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4,
};
const EN_LEADS = [
  'in or before', 'on or before', 'by or before', 'no later than', 'not later than', 'starting from',
  'starting in', 'starting', 'commencing from', 'commencing in', 'commencing', 'beginning from',
  'beginning in', 'as from', 'with effect from', 'from', 'between', 'since', 'by', 'in', 'within', 'during', 'before',
  'over', 'at', 'throughout', 'until', 'till', 'around', 'for',
];
const EN_START_LEADS = new Set([
  'starting from', 'starting in', 'starting', 'commencing from', 'commencing in', 'commencing',
  'beginning from', 'beginning in', 'as from', 'with effect from', 'from',
  // "between 2023 and 2025": started by the end of the first, done by the end of the last.
  'between',
]);
// Leads that make a bare year ("in 2025") a deadline; "until 2027" or "for 2025" do not.
const EN_YEAR_LEADS = new Set([
  'in or before', 'on or before', 'by or before', 'no later than', 'not later than', 'by', 'in', 'within',
  'during', 'throughout', ...EN_START_LEADS,
]);

// "2023-24 to 2032-33": a range of financial years.
const EN_FY = `(?<![\\d,.$])(?:19|20|21)\\d{2}\\s*[-–/]\\s*(?:\\d{4}|\\d{2})(?!\\d)`;
const EN_FY_TO = '(?:\\s+(?:to|through|till|until)\\s+|\\s*[-–—]\\s*)';
const EN_FY_KIND = '(?:financial|fiscal|school|academic)\\s+years?';

const EN_PATTERN = new RegExp(
  `(?<lead>\\b(?:${EN_LEADS.join('|').replace(/ /g, '\\s+')})\\s+)?(?<core>` +
    `(?:the\\s+)?(?:(?<efk1>${EN_FY_KIND})\\s+)?(?<efa>${EN_FY})${EN_FY_TO}(?<efc>${EN_FY})(?:\\s+(?<efk>${EN_FY_KIND}))?|` +
    `(?:the\\s+)?(?<fy1>${EN_YEAR_NUM})\\s*[-–/]\\s*(?<fy2>\\d{4}|\\d{2})(?!\\d)(?:\\s+(?<fyk>financial\\s+year|fiscal\\s+year|school\\s+year|academic\\s+year))?` +
    `|(?:the\\s+)?\\bend(?:\\s+of|-|\\s+)\\s*(?:the\\s+)?(?:(?<endm>${EN_MONTH})\\s*,?\\s*)?(?<endy>${EN_YEAR}|(?<=(?:the|of)\\s+)year\\b)` +
    `|\\blater?(?:-|\\s+)(?<latey>${EN_YEAR})` +
    `|\\bmid(?:-|\\s+)(?:(?<midm>${EN_MONTH})\\s*,?\\s*)?(?<midy>${EN_YEAR})` +
    `|(?:the\\s+)?\\bmiddle\\s+of\\s+(?:the\\s+)?(?<middley>${EN_YEAR})` +
    `|(?:the\\s+)?\\b(?<q>first|second|third|fourth|1st|2nd|3rd|4th)\\s+quarter\\s+(?:of\\s+)?(?:the\\s+)?(?<qy>${EN_YEAR})` +
    `|\\bq(?<q2>[1-4])\\s*(?<q2y>${EN_YEAR_NUM})|(?<q3y>${EN_YEAR_NUM})\\s*q(?<q3>[1-4])\\b` +
    `|(?:the\\s+)?\\b(?<h>first|second|1st|2nd)\\s+half\\s+(?:of\\s+)?(?:the\\s+)?(?<hy>${EN_YEAR})` +
    `|\\bh(?<h2>[12])\\s*(?<h2y>${EN_YEAR_NUM})` +
    `|\\bearly(?:-|\\s+)(?<earlyy>${EN_YEAR})` +
    `|(?:the\\s+)?\\b(?:beginning|start)\\s+of\\s+(?:the\\s+)?(?<begy>${EN_YEAR})` +
    `|(?:(?<md1>[0-3]?\\d)(?:st|nd|rd|th)?\\s+)?\\b(?<mon>${EN_MONTH})\\s+(?:(?<md2>[0-3]?\\d)(?:st|nd|rd|th)?,?\\s+)?(?<mony>${EN_YEAR_NUM})` +
    `|(?:the\\s+)?(?:(?<next>next|coming|following)\\s+)?\\b(?<n>${EN_COUNT})\\s+(?<unit>years?|months?)\\b` +
    `(?:\\s*\\(\\s*(?:(?:i\\.\\s*e\\.|that\\s+is|namely|viz\\.)\\s*,?\\s*)?(?:from\\s+)?(?<enfa>${EN_FY})(?:${EN_FY_TO}(?<enfc>${EN_FY}))?(?:\\s+(?<enfk>${EN_FY_KIND}))?\\s*\\))?` +
    `|(?<yw>(?:this|next)\\s+year)(?!'s|’s)` +
    `|(?<yy>${EN_YEAR_NUM})(?<orbefore>\\s+or\\s+(?:before|earlier))?` +
    `)(?<onwards>\\s+onwards?)?`,
  'gi',
);

const EN_PAST_AUX = new Set(['has', 'have', 'had', 'was', 'were', 'already', 'did', 'ago']);
const EN_FUTURE_AUX = new Set(['will', 'shall', 'would', 'should', 'to', 'be', 'is', 'are', 'can', 'may', 'must']);
// Participles that describe a plan rather than a past event ("expected in 2025").
const EN_PLAN_PARTICIPLES = new Set([
  'expected', 'scheduled', 'planned', 'targeted', 'anticipated', 'projected', 'intended', 'slated',
  'timed', 'required', 'needed', 'aimed', 'earmarked', 'proposed',
]);

// ---------------------------------------------------------------------------------------------

/** Why a date-like match was not taken as a milestone (what `reviewDeadlines` reports). */
export type RejectReason =
  | 'past' // history: 已/曾, since, has been …, 過去五年
  | 'horizon' // a span that is not a deadline: 每年公布未來十年…的預測, for the next ten years
  | 'event' // counted from another event: 生效後三年內, within six months of enactment
  | 'no-lead' // a bare year without a deadline word: 2025年的數據, the 2025 targets
  | 'name' // part of a name: in 2030 Agenda
  | 'invalid' // not a real date: 2025-27年度, 2月30日
  | 'before-publication'; // a date before the publication date

export interface DatePhrase {
  start: number;
  end: number;
  due: string;
  kind: MilestoneKind;
}

export interface RejectedPhrase {
  start: number;
  end: number;
  reason: RejectReason;
}

/**
 * The dated milestones in one commitment's text, in text order. Pure. Throws DeadlineError when
 * the text counts from the publication date ("未來五年內", "this year") and `published` is null,
 * or when `published` is not a valid YYYY-MM-DD date.
 */
export function parseDeadlines(text: string, options: ParseDeadlinesOptions): ExtractedMilestone[] {
  return scan(text, options, null, null);
}

/**
 * parseDeadlines with where each milestone's words sit, and (when `rejected` is given) every
 * date-like match that was not taken, with the reason. Used by the review.
 */
export function scanDeadlinePhrases(
  text: string,
  options: ParseDeadlinesOptions,
  rejected: RejectedPhrase[] | null,
): { milestones: ExtractedMilestone[]; phrases: DatePhrase[] } {
  const phrases: DatePhrase[] = [];
  const milestones = scan(text, options, rejected, phrases);
  return { milestones, phrases };
}

// parseDeadlines without a result object per call: it runs once per commitment.
function scan(
  text: string,
  options: ParseDeadlinesOptions,
  rejected: RejectedPhrase[] | null,
  phrases: DatePhrase[] | null,
): ExtractedMilestone[] {
  let published: CalendarDateParts | null = null;
  if (options.published !== null) {
    published = parseCalendarDate(options.published);
    if (published === null) {
      throw new DeadlineError({
        phrase: '',
        index: -1,
        problem: `publication date "${options.published}" is not a valid YYYY-MM-DD date`,
      });
    }
  }
  // Full-width digits and letters are folded one-for-one, so offsets still point into `text`.
  const folded = foldFullWidth(text);
  const found =
    options.language === 'en' ? scanEnglish(folded, published, rejected) : scanChinese(folded, published, rejected);
  if (found.length === 0) return [];

  const subjects = options.language === 'en' ? pairEnglishSubjects(folded, found) : pairChineseSubjects(folded, found);
  const milestones: ExtractedMilestone[] = [];
  for (let i = 0; i < found.length; i++) {
    const f = found[i]!;
    if (options.published !== null && f.due < options.published) {
      rejected?.push({ start: f.start, end: f.end, reason: 'before-publication' });
      continue;
    }
    milestones.push({ due: f.due, kind: f.kind, phrase: text.slice(f.start, f.end), subject: subjects[i] ?? null });
    if (phrases !== null) phrases.push({ start: f.start, end: f.end, due: f.due, kind: f.kind });
  }
  return milestones;
}

// Only digits, letters, hyphen and slash: full-width commas and full stops stay CJK punctuation.
const FULL_WIDTH = /[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff0d\uff0f]/g;

function foldFullWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function requirePublished(
  published: CalendarDateParts | null,
  text: string,
  start: number,
  end: number,
): CalendarDateParts {
  if (published !== null) return published;
  throw new DeadlineError({
    phrase: text.slice(start, end),
    index: start,
    problem: 'counts from the publication date, which is not known',
  });
}

function yearOf(token: string): number | null {
  const value = parseChineseNumber(token);
  return value !== null && value >= 1900 && value <= 2199 ? value : null;
}

/** The second year of "2025-26" / "2025/2026", or null when it does not follow the first. */
function secondYear(first: number, token: string): number | null {
  const value = parseChineseNumber(token);
  if (value === null) return null;
  if (token.length === 4) return value === first + 1 ? value : null;
  return value === (first + 1) % 100 ? first + 1 : null;
}

// ---------------------------------------------------------------------------------------------

// Cheap gate: every Chinese phrase has a number or 今/明/本 before 年/月/a year separator, or 年內/年底.
const ZH_GATE = new RegExp(`[\\d${D}十兩今明本]\\s*(?:年|個月|月|[-–—/至到])|年內|年底`);

function scanChinese(text: string, published: CalendarDateParts | null, rejected: RejectedPhrase[] | null): Found[] {
  if (!ZH_GATE.test(text)) return [];
  const found: Found[] = [];
  let pastEnd = -1;
  // Where the second date of "2023年下半年至2024年" must start for the first to be its start.
  let rangeAt = -1;
  for (const match of matchAll(ZH_PATTERN, text)) {
    const g = match.groups!;
    const lead = (g.lead ?? '').trim();
    const leadLength = g.lead?.length ?? 0;
    const coreStart = match.index + leadLength;
    const coreEnd = coreStart + g.core!.length;
    const tail = (g.tail ?? '').trim();
    const matchStart = match.index;
    const matchEnd = coreEnd + (g.tail?.length ?? 0);

    // "已於2024年年底及2025年年中完成": a date listed after a past one is past too.
    const afterPast = pastEnd >= 0 && ZH_LIST_JOINER.test(text.slice(pastEnd, matchStart));
    if (afterPast || isChinesePast(text, matchStart, matchEnd)) {
      pastEnd = matchEnd;
      addReject(rejected, matchStart, matchEnd, 'past');
      continue;
    }

    const fromLead = lead === '由' || lead === '自' || lead === '從';
    // "2023年下半年至2024年": the second date shares the first's lead, and the first becomes a start.
    const rangeEnd = rangeAt === matchStart && lead === '' && (g.y !== undefined || g.ry !== undefined);
    rangeAt = -1;
    // "在2025年及2026年": a bare year listed right after a date shares that date's lead.
    const listed = rangeEnd || (lead === '' && follows(text, found, matchStart, ZH_LIST_JOINER));
    const hasPart = g.part !== undefined || g.by !== undefined;
    const startsThen = tail === '起' || (tail === '開始' && fromLead && g.by === undefined);
    let due: string | null = null;
    // Whether the leading 在/於 is what makes this a deadline phrase, so it belongs in `phrase`.
    let leadIsPartOfPhrase = startsThen && fromLead;

    if (g.fy1 !== undefined) {
      const first = fiscalYearEnd(g.fy1, g.fy2!, g.fyk!);
      due = g.fy3 === undefined ? first : fiscalYearEnd(g.fy3, g.fy4!, g.fyk!);
      if (due === null || first === null) {
        addReject(rejected, matchStart, matchEnd, 'invalid');
        continue;
      }
    } else if (g.ra !== undefined) {
      const first = yearOf(g.ra);
      const last = yearOf(g.rb!);
      if (first === null || last === null || last <= first) {
        addReject(rejected, matchStart, matchEnd, 'invalid');
        continue;
      }
      if (lead === '' && g.rin === undefined && !startsThen) {
        addReject(rejected, matchStart, matchEnd, 'no-lead');
        continue;
      }
      if (g.rin === undefined && !startsThen) {
        // "在2025至2027年分階段推行": started by the end of the first year, done by the end of the last.
        const cut = /\s*[至到]\s*/.exec(g.core!)!;
        const firstEnd = trimEndIndex(text, coreStart, coreStart + cut.index);
        found.push({ start: coreStart, end: firstEnd, matchStart, due: formatCalendarDate(first, 12, 31), kind: 'start' });
        const secondStart = coreStart + cut.index + cut[0].length;
        found.push({ start: secondStart, end: trimEndIndex(text, secondStart, coreEnd), matchStart: secondStart, due: formatCalendarDate(last, 12, 31), kind: 'deadline' });
        continue;
      }
      if (!startsThen) leadIsPartOfPhrase = lead !== '' && !fromLead;
      due = formatCalendarDate(last, 12, 31);
    } else if (g.y !== undefined || g.ry !== undefined) {
      let year: number | null;
      if (g.y !== undefined) {
        year = yearOf(g.y);
      } else {
        const base = requirePublished(published, text, coreStart, coreEnd);
        year = base.year + (g.ry === '明' ? 1 : 0);
      }
      if (year === null) {
        addReject(rejected, matchStart, matchEnd, 'invalid');
        continue;
      }
      if (!hasPart && !startsThen) {
        // A bare year needs a lead that makes it a deadline: "在2025年", not "2025年的數據".
        if (!listed && (lead === '' || fromLead)) {
          addReject(rejected, matchStart, matchEnd, 'no-lead');
          continue;
        }
        leadIsPartOfPhrase = !listed;
      }
      due = resolveChineseYearPart(year, g);
      if (due === null) {
        addReject(rejected, matchStart, matchEnd, 'invalid');
        continue;
      }
      if (rangeEnd) found[found.length - 1]!.kind = 'start';
      if (!startsThen && g.by === undefined) {
        const to = /^\s*[至到]\s*/.exec(text.slice(coreEnd, coreEnd + 8));
        if (to !== null) rangeAt = coreEnd + to[0].length;
      }
    } else if (g.n !== undefined) {
      // "過去5年(2017-18至2021-22年度)": a span of the past, brackets included.
      if (/(?:過去|以往|過往|最近|近)的?\s*$/.test(text.slice(Math.max(0, coreStart - 4), coreStart))) {
        addReject(rejected, matchStart, matchEnd, 'past');
        continue;
      }
      // "三年內" / "在未來五年" / "未來五年（2023-24至2027-28年度）的建屋量": a deadline; "每年公布未來十年
      // …的預測" (a recurring report about a span) is a horizon; "生效後三年內" counts from another event.
      const anchored = g.fut !== undefined || (lead !== '' && !fromLead && g.nfa !== undefined);
      if ((g.within === undefined && !anchored) || ZH_RECURRING.test(clauseBefore(text, matchStart, /[。；;，,：:]/))) {
        addReject(rejected, matchStart, matchEnd, 'horizon');
        continue;
      }
      if (text[matchStart - 1] === '後' || text[coreStart - 1] === '後') {
        addReject(rejected, matchStart, matchEnd, 'event');
        continue;
      }
      const count = parseChineseNumber(g.n);
      if (count === null || count === 0) {
        addReject(rejected, matchStart, matchEnd, 'invalid');
        continue;
      }
      if (g.nfa !== undefined) {
        // The financial years in brackets say exactly when the span ends.
        due = g.nfc === undefined ? fiscalYearEnd(g.nfa, g.nfb!, g.nfk ?? '') : fiscalYearEnd(g.nfc, g.nfd!, g.nfk ?? '');
        if (due === null) {
          addReject(rejected, matchStart, matchEnd, 'invalid');
          continue;
        }
      } else {
        const base = requirePublished(published, text, coreStart, coreEnd);
        due = addCalendarMonths(base, g.unit === '年' ? count * 12 : count);
      }
    } else if (g.ty !== undefined) {
      // "年內" alone is also the tail of words (青年內地): only read it after 在/於 or a clause break.
      if (lead === '' && matchStart > 0 && !/[\s，。；、：,;:]/.test(text[matchStart - 1]!)) continue;
      const base = requirePublished(published, text, coreStart, coreEnd);
      due = formatCalendarDate(base.year, 12, 31);
    }
    if (due === null) continue;

    const start = leadIsPartOfPhrase ? matchStart : coreStart;
    const end = startsThen ? coreEnd + g.tail!.length : coreEnd;
    found.push({ start, end: trimEndIndex(text, start, end), matchStart, due, kind: startsThen ? 'start' : 'deadline' });
  }
  return found;
}

// A plain function, not a closure per match: the scan runs for every commitment of a document.
function addReject(rejected: RejectedPhrase[] | null, start: number, end: number, reason: RejectReason): void {
  if (rejected !== null) rejected.push({ start, end, reason });
}

/**
 * The last day of a financial year ("2032-33" -> 2033-03-31) or school year ("2025/26學年" ->
 * 2026-08-31); null when the second year does not follow the first.
 */
function fiscalYearEnd(firstToken: string, secondToken: string, kind: string): string | null {
  const first = yearOf(firstToken);
  const second = first === null ? null : secondYear(first, secondToken);
  if (second === null) return null;
  return /學年|school|academic/i.test(kind) ? formatCalendarDate(second, 8, 31) : formatCalendarDate(second, 3, 31);
}

function resolveChineseYearPart(year: number, g: Record<string, string | undefined>): string | null {
  const part = g.part;
  if (part === undefined) return formatCalendarDate(year, 12, 31);
  if (g.q !== undefined) return formatEndOfMonth(year, (ZH_QUARTERS[g.q] ?? 4) * 3);
  if (part.startsWith('首季')) return formatEndOfMonth(year, 3);
  if (g.h !== undefined) return formatEndOfMonth(year, g.h === '上' ? 6 : 12);
  if (g.m !== undefined) {
    const month = parseChineseNumber(g.m);
    if (month === null || month < 1 || month > 12) return null;
    if (g.d !== undefined) {
      const day = parseChineseNumber(g.d);
      if (day === null || day < 1) return null;
      const date = formatCalendarDate(year, month, day);
      return parseCalendarDate(date) === null ? null : date;
    }
    switch (g.mp) {
      case '初':
      case '上旬':
        return formatCalendarDate(year, month, 10);
      case '中':
        return formatCalendarDate(year, month, 15);
      case '中旬':
        return formatCalendarDate(year, month, 20);
      default:
        return formatEndOfMonth(year, month);
    }
  }
  const last = part.slice(-1);
  if (last === '中') return formatEndOfMonth(year, 6);
  if (last === '初') return formatEndOfMonth(year, 3);
  return formatCalendarDate(year, 12, 31); // 底, 終
}

function isChinesePast(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  if (before.includes('已') || before.includes('曾')) return true;
  const after = text.slice(end, end + 2);
  return after.startsWith('以來') || after.startsWith('至今') || after.startsWith('已');
}

/** Like String#matchAll without cloning the (large) pattern on every call; parsing is synchronous. */
function* matchAll(pattern: RegExp, text: string): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    const next = pattern.lastIndex;
    yield match;
    pattern.lastIndex = match[0].length === 0 ? next + 1 : next;
  }
}

const ZH_LIST_JOINER = /^\s*(?:以及|及|和|與|、|或)\s*$/;
const EN_LIST_JOINER = /^\s*(?:,\s*and|,\s*or|,|and|or)\s*$/i;

/** Whether a match starts right after the last date found, separated only by a list joiner. */
function follows(text: string, found: Found[], matchStart: number, joiner: RegExp): boolean {
  const previous = found[found.length - 1];
  return previous !== undefined && joiner.test(text.slice(previous.end, matchStart));
}

function trimEndIndex(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

// ---------------------------------------------------------------------------------------------

function scanEnglish(text: string, published: CalendarDateParts | null, rejected: RejectedPhrase[] | null): Found[] {
  if (!/\d|year|month/i.test(text)) return [];
  const found: Found[] = [];
  let pastEnd = -1;
  for (const match of matchAll(EN_PATTERN, text)) {
    const g = match.groups!;
    const lead = (g.lead ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
    const matchStart = match.index;
    const coreStart = matchStart + (g.lead?.length ?? 0);
    const coreEnd = coreStart + g.core!.length;
    const end = coreEnd + (g.onwards?.length ?? 0);
    // Keep the preposition: "by end-2024" reads differently from "from end-2024".
    const start = lead === '' ? coreStart : matchStart;

    const afterPast = pastEnd >= 0 && EN_LIST_JOINER.test(text.slice(pastEnd, matchStart));
    const past = lead === 'since' || afterPast ? 'past' : englishPastOf(text, matchStart);
    if (past === 'past') {
      pastEnd = end;
      addReject(rejected, matchStart, end, 'past');
      continue;
    }

    const startsThen = EN_START_LEADS.has(lead) || g.onwards !== undefined;
    // "in 2025, 2026 and 2027": a bare year listed right after a date shares that date's lead;
    // so does the end of "from the second half of 2023 to 2024".
    const listed =
      lead === '' &&
      (follows(text, found, matchStart, EN_LIST_JOINER) ||
        (found[found.length - 1]?.kind === 'start' && follows(text, found, matchStart, EN_RANGE_JOINER)));
    let due: string | null = null;
    // The first day the phrase could mean, to tell a plan from a past event ("announced in Q1 2025").
    let from: string | null = null;
    const year = (token: string | undefined): number | null => {
      if (token === undefined) return null;
      const t = token.toLowerCase().replace(/\s+/g, ' ');
      if (t === 'this year' || t === 'year' || t === 'next year') {
        const base = requirePublished(published, text, start, end);
        return base.year + (t === 'next year' ? 1 : 0);
      }
      return yearOf(t);
    };

    let rangeOfYears = false;
    if (g.efa !== undefined) {
      // "from 2023-24 to 2032-33": a span, due at its end whatever the preposition.
      rangeOfYears = true;
      due = fiscalYearEndOf(g.efc!, g.efk ?? g.efk1 ?? '');
      from = fiscalYearStartOf(g.efa, g.efk ?? g.efk1 ?? '');
      if (due === null || from === null) {
        addReject(rejected, matchStart, end, 'invalid');
        continue;
      }
    } else if (g.fy1 !== undefined) {
      due = fiscalYearEnd(g.fy1, g.fy2!, g.fyk ?? '');
      if (due === null) {
        addReject(rejected, matchStart, end, 'invalid');
        continue;
      }
      if (lead === '' && g.fyk === undefined && !listed) {
        addReject(rejected, matchStart, end, 'no-lead');
        continue;
      }
      from = fiscalYearStartOf(g.fy1, g.fyk ?? '');
    } else if (g.endy !== undefined) {
      const y = year(g.endy);
      const m = g.endm === undefined ? 12 : monthOf(g.endm);
      if (y === null || m === null) {
        addReject(rejected, matchStart, end, 'invalid');
        continue;
      }
      due = formatEndOfMonth(y, m);
      from = formatCalendarDate(y, m, 1);
    } else if (g.latey !== undefined) {
      const y = year(g.latey);
      if (y === null) continue;
      due = formatCalendarDate(y, 12, 31);
      from = formatCalendarDate(y, 9, 1);
    } else if (g.midy !== undefined || g.middley !== undefined) {
      const y = year(g.midy ?? g.middley);
      if (y === null) continue;
      const m = g.midm === undefined ? null : monthOf(g.midm);
      due = m === null ? formatEndOfMonth(y, 6) : formatCalendarDate(y, m, 15);
      from = formatCalendarDate(y, m ?? 5, m === null ? 1 : 10);
    } else if (g.qy !== undefined || g.q2y !== undefined || g.q3y !== undefined) {
      const y = year(g.qy ?? g.q2y ?? g.q3y);
      const q = g.q !== undefined ? (EN_ORDINALS[g.q.toLowerCase()] ?? null) : Number(g.q2 ?? g.q3);
      if (y === null || q === null) continue;
      due = formatEndOfMonth(y, q * 3);
      from = formatCalendarDate(y, q * 3 - 2, 1);
    } else if (g.hy !== undefined || g.h2y !== undefined) {
      const y = year(g.hy ?? g.h2y);
      const h = g.h !== undefined ? (EN_ORDINALS[g.h.toLowerCase()] ?? null) : Number(g.h2);
      if (y === null || h === null) continue;
      due = formatEndOfMonth(y, h * 6);
      from = formatCalendarDate(y, h * 6 - 5, 1);
    } else if (g.earlyy !== undefined || g.begy !== undefined) {
      const y = year(g.earlyy ?? g.begy);
      if (y === null) continue;
      due = formatEndOfMonth(y, 3);
      from = formatCalendarDate(y, 1, 1);
    } else if (g.mony !== undefined) {
      const y = yearOf(g.mony);
      const m = monthOf(g.mon!);
      if (y === null || m === null) {
        addReject(rejected, matchStart, end, 'invalid');
        continue;
      }
      const dayToken = g.md1 ?? g.md2;
      if (dayToken !== undefined) {
        const date = formatCalendarDate(y, m, Number(dayToken));
        if (parseCalendarDate(date) === null) {
          addReject(rejected, matchStart, end, 'invalid');
          continue;
        }
        due = date;
      } else {
        due = formatEndOfMonth(y, m);
      }
      from = formatCalendarDate(y, m, 1);
    } else if (g.n !== undefined) {
      // "within five years" / "in the next five years" count from publication; "within six months
      // of enactment" counts from something else; "in the past five years" and "the land supply
      // for the next ten years" (or one published every year) are spans, not deadlines.
      if (/\b(?:past|last|previous|preceding)\s+$/i.test(text.slice(Math.max(0, coreStart - 12), coreStart + (g.core!.startsWith('the') ? 4 : 0)))) {
        addReject(rejected, matchStart, end, 'past');
        continue;
      }
      if (!(lead === 'within' || (g.next !== undefined && ['in', 'over', 'during', 'within', 'by'].includes(lead)))) {
        addReject(rejected, matchStart, end, 'horizon');
        continue;
      }
      if (lead !== 'within' && /\b(?:annually|each\s+year|every\s+year|yearly)\b/i.test(clauseBefore(text, matchStart, /[.;]/))) {
        addReject(rejected, matchStart, end, 'horizon');
        continue;
      }
      if (/^\s+(?:of|after|from|following)\b/i.test(text.slice(end, end + 12))) {
        addReject(rejected, matchStart, end, 'event');
        continue;
      }
      const count = EN_NUMBER_WORDS[g.n.toLowerCase()] ?? Number(g.n);
      if (!Number.isInteger(count) || count <= 0) continue;
      if (g.enfa !== undefined) {
        // The financial years in brackets say exactly when the span ends.
        due = fiscalYearEndOf(g.enfc ?? g.enfa, g.enfk ?? '');
        if (due === null) {
          addReject(rejected, matchStart, end, 'invalid');
          continue;
        }
      } else {
        const base = requirePublished(published, text, start, end);
        due = addCalendarMonths(base, /^year/i.test(g.unit!) ? count * 12 : count);
      }
    } else if (g.yw !== undefined) {
      const y = year(g.yw);
      if (y === null) continue;
      due = formatCalendarDate(y, 12, 31);
    } else if (g.yy !== undefined) {
      // "in 2030 Agenda": a year followed by a capitalised word is part of a name.
      if (/^\s+[A-Z][a-z]/.test(text.slice(end, end + 3)) && g.orbefore === undefined) {
        addReject(rejected, matchStart, end, 'name');
        continue;
      }
      if (!EN_YEAR_LEADS.has(lead) && !listed) {
        addReject(rejected, matchStart, end, 'no-lead');
        continue;
      }
      const y = yearOf(g.yy);
      if (y === null) continue;
      due = formatCalendarDate(y, 12, 31);
      from = formatCalendarDate(y, 1, 1);
    }
    if (due === null) continue;
    // "…, completed in 2026" (a participle opening its clause) tells of the past; "with proposals
    // announced in the first quarter of 2025" is a plan, and so is a participle after a noun when
    // the whole period lies after publication.
    if (past === 'participle' || past === 'clause-participle') {
      const plan =
        /\bwith\b/i.test(clauseBefore(text, matchStart, /[,;.]/)) ||
        (past === 'participle' && published !== null && from !== null && from > formatCalendarDate(published.year, published.month, published.day));
      if (!plan) {
        pastEnd = end;
        addReject(rejected, matchStart, end, 'past');
        continue;
      }
    }
    found.push({ start, end: trimEndIndex(text, start, end), matchStart, due, kind: startsThen && !rangeOfYears ? 'start' : 'deadline' });
  }
  return found;
}

const EN_RANGE_JOINER = /^\s*(?:to|till|until|through|[-–—])\s*$/i;

/** fiscalYearEnd of a "2032-33" token. */
function fiscalYearEndOf(token: string, kind: string): string | null {
  const [first, second] = token.split(/\s*[-–/]\s*/);
  return first === undefined || second === undefined ? null : fiscalYearEnd(first, second, kind);
}

/** The first day of a financial (1 April) or school (1 September) year written "2025-26". */
function fiscalYearStartOf(token: string, kind: string): string | null {
  const y = yearOf(token.split(/\s*[-–/]\s*/)[0] ?? '');
  if (y === null) return null;
  return /school|academic/i.test(kind) ? formatCalendarDate(y, 9, 1) : formatCalendarDate(y, 4, 1);
}

function monthOf(token: string): number | null {
  const t = token.toLowerCase().replace(/\.$/, '');
  const index = EN_MONTH_NAMES.findIndex((name) => name === t || name.startsWith(t.slice(0, 3)) && t.length <= 4);
  return index < 0 ? null : index + 1;
}

/**
 * Whether the clause before a date phrase tells of the past: 'past' for a past auxiliary
 * ("has been … in", "was completed in"), 'clause-participle' for a bare past participle opening the
 * clause ("…, completed in 2023"), 'participle' for one after a noun ("the proposals announced in"),
 * which the caller decides from the date; null otherwise (also "to be completed in 2026").
 */
function englishPastOf(text: string, matchStart: number): 'past' | 'participle' | 'clause-participle' | null {
  const before = text.slice(Math.max(0, matchStart - 80), matchStart);
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('.')) + 1);
  const words = clause.toLowerCase().match(/[a-z']+/g) ?? [];
  const recent = words.slice(-6);
  for (let i = recent.length - 1; i >= 0; i--) {
    const word = recent[i]!;
    if (EN_FUTURE_AUX.has(word)) return null;
    if (EN_PAST_AUX.has(word)) return 'past';
  }
  const last = words[words.length - 1];
  const previous = words[words.length - 2];
  const participle =
    last !== undefined &&
    last.endsWith('ed') &&
    !last.endsWith('eed') &&
    !EN_PLAN_PARTICIPLES.has(last) &&
    (previous === undefined || !EN_FUTURE_AUX.has(previous));
  if (!participle) return null;
  return previous === undefined ? 'clause-participle' : 'participle';
}

// ---------------------------------------------------------------------------------------------
// "A及B分別…X及Y" / "X and Y in A and B respectively": each date gets its own subject.

/** Runs of dates joined only by a conjunction ("2024年年底及2025年年中"), as [first, last] indices. */
function findDateRuns(text: string, found: Found[], joiner: RegExp): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let first = 0;
  for (let i = 1; i <= found.length; i++) {
    const joined = i < found.length && joiner.test(text.slice(found[i - 1]!.end, found[i]!.matchStart));
    if (!joined) {
      if (i - first >= 2) runs.push([first, i - 1]);
      first = i;
    }
  }
  return runs;
}

function pairChineseSubjects(text: string, found: Found[]): Array<string | null> {
  const subjects: Array<string | null> = found.map(() => null);
  if (found.length < 2 || !text.includes('分別')) return subjects;
  for (const [first, last] of findDateRuns(text, found, /^\s*(?:以及|及|和|與|、)\s*$/)) {
    const count = last - first + 1;
    const runStart = found[first]!.matchStart;
    const runEnd = found[last]!.end;
    const candidates: string[] = [];
    const afterRun = /^\s*分別/.exec(text.slice(runEnd));
    if (afterRun) {
      // 在A及B分別展開X及Y
      candidates.push(clauseAfter(text, runEnd + afterRun[0].length, /[。；;，,：:]/));
    } else {
      const before = text.slice(0, runStart).replace(/\s+$/, '');
      if (!before.endsWith('分別')) continue;
      // X及Y分別在A及B完成 / 分別在A及B推出X及Y
      candidates.push(clauseBefore(text, before.length - 2, /[。；;，,：:]/));
      candidates.push(clauseAfter(text, runEnd, /[。；;，,：:]/));
    }
    for (const candidate of candidates) {
      const parts = splitSubjects(candidate, ZH_CONJUNCTIONS, count, 'first');
      if (parts === null) continue;
      parts[0] = dropLeadingVerb(parts[0]!);
      for (let k = 0; k < count; k++) subjects[first + k] = parts[k] ?? null;
      break;
    }
  }
  return subjects;
}

function pairEnglishSubjects(text: string, found: Found[]): Array<string | null> {
  const subjects: Array<string | null> = found.map(() => null);
  if (found.length < 2 || !/respectively/i.test(text)) return subjects;
  for (const [first, last] of findDateRuns(text, found, /^\s*(?:,\s*and|,|and)\s*$/i)) {
    const count = last - first + 1;
    if (!/^\s*,?\s*respectively\b/i.test(text.slice(found[last]!.end))) continue;
    const clause = clauseBefore(text, found[first]!.matchStart, /[.;:]/);
    const parts = splitSubjects(clause, /,?\s+and\s+|,\s+/g, count, 'last');
    if (parts === null) continue;
    for (let k = 0; k < count; k++) subjects[first + k] = parts[k] ?? null;
  }
  return subjects;
}

function clauseAfter(text: string, from: number, boundary: RegExp): string {
  const rest = text.slice(from);
  const stop = rest.search(boundary);
  return (stop < 0 ? rest : rest.slice(0, stop)).trim();
}

function clauseBefore(text: string, to: number, boundary: RegExp): string {
  const head = text.slice(0, to);
  let start = 0;
  for (let i = head.length - 1; i >= 0; i--) {
    if (boundary.test(head[i]!)) {
      start = i + 1;
      break;
    }
  }
  return head.slice(start).trim();
}

/** Splits "X及Y" into `count` parts at the first (Chinese) or last (English) conjunctions. */
function splitSubjects(clause: string, conjunctions: RegExp, count: number, prefer: 'first' | 'last'): string[] | null {
  const cuts = [...clause.matchAll(conjunctions)];
  if (cuts.length < count - 1) return null;
  const chosen = prefer === 'first' ? cuts.slice(0, count - 1) : cuts.slice(cuts.length - (count - 1));
  const parts: string[] = [];
  let from = 0;
  for (const cut of chosen) {
    parts.push(clause.slice(from, cut.index).trim());
    from = cut.index + cut[0].length;
  }
  parts.push(clause.slice(from).trim());
  return parts.every((part) => part !== '') ? parts : null;
}

function dropLeadingVerb(subject: string): string {
  for (const verb of ZH_LEADING_VERBS) {
    if (subject.startsWith(verb) && subject.length - verb.length >= 2) return subject.slice(verb.length);
  }
  return subject;
}
