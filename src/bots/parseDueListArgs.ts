// Arguments of /upcoming [bureau…] [days] and /overdue [bureau…]: an optional number of days anywhere,
// the rest a bureau list.
import { parseBureauList, type BureauList } from './parseBureauList.ts';

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
