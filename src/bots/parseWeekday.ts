// A weekday as people type it: mon…sun, English names (Monday, tues, thurs), or Chinese 一…日 with or
// without 星期／週／周／禮拜 (星期一, 週三, 日, 星期天). Case and full-width characters do not matter.
import { DIGEST_WEEKDAYS, type DigestWeekday } from '../domain/resolveDigestSchedule.ts';
import { WEEKDAY_NAMES } from './weekdayNames.ts';

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
