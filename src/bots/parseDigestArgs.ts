// What follows /digest in the Telegram bot: "on [day] [HH:MM]" (day and time in either order, each
// optional), "off", "skip-empty on|off" or "preview". Chinese 星期 may be written apart from its day
// ("星期 一"). A word that is neither a day nor a time is reported, so the reply can name it.
import type { DigestWeekday } from '../domain/resolveDigestSchedule.ts';
import { parseSwitch } from './parseSwitch.ts';
import { parseTimeOfDay } from './parseTimeOfDay.ts';
import { parseWeekday } from './parseWeekday.ts';

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
