// What a human should check about the dates of one commitment's text (`extract --review`):
// - year-like words the grammar could not place: a year with no deadline word ("參考2025年的數據",
//   "the 2025 targets"), an impossible date ("2025-27年度"), a year in no phrase the grammar knows;
// - numbers it read as non-dates although date words stand near them: "3,300 公頃" beside
//   "2032-33 年度", "2,025個" beside "2025年", "the 2030 Agenda".
// Spans the grammar placed as history, horizons or before publication are decisions, not doubts,
// and are not listed.

import { CHINESE_DIGIT_CHARS } from './chineseNumerals.ts';
import { scanDeadlinePhrases, type ParseDeadlinesOptions, type RejectedPhrase, type RejectReason } from './parseDeadlines.ts';

export interface DateNote {
  kind: 'unplaced-date' | 'non-date-number';
  /** Offset of the words in the text. */
  start: number;
  words: string;
  message: string;
}

// Arabic numbers with optional thousands separators (commas, full-width commas, or the spaces of
// "3 300 公頃" in government texts), or a year spelt digit by digit.
const NUMBER = new RegExp(
  `(?<![\\d\\uff10-\\uff19.])[\\d\\uff10-\\uff19]{1,3}(?:[,，\\u00a0 ][\\d\\uff10-\\uff19]{3})+(?![\\d\\uff10-\\uff19])` +
    `|(?<![\\d\\uff10-\\uff19,.])[\\d\\uff10-\\uff19]+(?:\\.\\d+)?(?![\\d\\uff10-\\uff19])` +
    `|(?<![${CHINESE_DIGIT_CHARS}十])[${CHINESE_DIGIT_CHARS}]{4}(?![${CHINESE_DIGIT_CHARS}十])`,
  'g',
);
// 每月/每年 say how often, not when.
const ZH_DATE_WORD = /(?<!每)[年月]|季/;
const EN_DATE_WORD =
  /\b(?:years?|months?|quarters?|half|end|mid|early|late|annual(?:ly)?|q[1-4]|january|february|march|april|may|june|july|august|september|october|november|december)\b/i;
const UNPLACED: Readonly<Partial<Record<RejectReason, string>>> = {
  'no-lead': 'a year without a deadline word (在/於/前/內…, in/by/within…): not read as a date',
  invalid: 'not a valid date',
};
const WINDOW = { 'zh-Hant': 10, en: 24 } as const;

export function reviewDeadlines(text: string, options: ParseDeadlinesOptions): DateNote[] {
  const rejected: RejectedPhrase[] = [];
  const { phrases } = scanDeadlinePhrases(text, options, rejected);
  const window = WINDOW[options.language];
  rejected.sort((a, b) => a.start - b.start);
  // Spans of one scan do not overlap, so sorted by start they are sorted by end too.
  const inside = <T extends Span>(start: number, end: number, spans: readonly T[]): T | undefined => {
    const span = spans[firstEndingAfter(spans, end - 1)];
    return span !== undefined && span.start <= start && end <= span.end ? span : undefined;
  };
  const notes: DateNote[] = [];
  const reported = new Set<RejectedPhrase>();
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    const end = start + match[0].length;
    if (inside(start, end, phrases) !== undefined) continue;
    const reject = inside(start, end, rejected);
    if (reject !== undefined) {
      const why = UNPLACED[reject.reason];
      if (reject.reason === 'name') {
        notes.push({ kind: 'non-date-number', start, words: text.slice(reject.start, reject.end).trim(), message: 'read as part of a name, not a date' });
      } else if (why !== undefined && !reported.has(reject)) {
        reported.add(reject);
        notes.push({ kind: 'unplaced-date', start: reject.start, words: text.slice(reject.start, reject.end).trim(), message: why });
      }
      continue;
    }
    const words = match[0];
    const separated = /[,，\u00a0 ]/.test(words);
    const digits = words.normalize('NFKC').replace(/[,，\u00a0 ]/g, '');
    const value = Number(digits);
    const yearShaped = /^\d{4}$/.test(digits) ? value >= 1900 && value <= 2199 : /^[^\d]{4}$/.test(words);
    const after = text.slice(end, end + 3);
    const measured = /^\s*(?:[+%％]|[^\s\d\p{P}]?(?:個|元|名|人|間|宗|項|所|公頃|平方|米|萬|億|次|架|輛|張|宗|戶|伙|幅|條|座|hectares?|units?|flats?|places?|people|persons?|m\b))/iu.test(after);
    if (yearShaped && !measured && !separated) {
      notes.push({ kind: 'unplaced-date', start, words, message: 'a year outside any date phrase the grammar knows' });
      continue;
    }
    if (!(yearShaped || digits.replace(/\.\d+$/, '').length >= 4)) continue;
    if (!nearDateWords(text, start, end, window, options.language, phrases)) continue;
    notes.push({ kind: 'non-date-number', start, words, message: 'read as an amount, not a date, beside date words' });
  }
  return notes.sort((a, b) => a.start - b.start);
}

interface Span {
  start: number;
  end: number;
}

/** Index of the first span (sorted, not overlapping) that ends after `pos`; spans.length if none. */
function firstEndingAfter(spans: readonly Span[], pos: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (spans[mid]!.end > pos) high = mid;
    else low = mid + 1;
  }
  return low;
}

function nearDateWords(
  text: string,
  start: number,
  end: number,
  window: number,
  language: ParseDeadlinesOptions['language'],
  phrases: readonly Span[],
): boolean {
  const next = phrases[firstEndingAfter(phrases, start - window)];
  if (next !== undefined && next.start < end + window) return true;
  const around = text.slice(Math.max(0, start - window), start) + ' ' + text.slice(end, end + window);
  return language === 'en' ? EN_DATE_WORD.test(around) : ZH_DATE_WORD.test(around);
}
