// When a weekly digest goes out, as a reader says it: "逢星期一 09:00（Asia/Hong_Kong）" / "every Monday at
// 09:00 (Asia/Hong_Kong)". Plain text, shared by both bots.
import type { ReaderLanguage } from '../domain/alertLabels.ts';
import type { DigestSchedule } from '../domain/resolveDigestSchedule.ts';
import { WEEKDAY_NAMES } from './weekdayNames.ts';

export function describeDigestSchedule(schedule: DigestSchedule, language: ReaderLanguage): string {
  const day = WEEKDAY_NAMES[language][schedule.day];
  return language === 'zh-HK' ? `逢${day} ${schedule.time}（${schedule.timezone}）` : `every ${day} at ${schedule.time} (${schedule.timezone})`;
}
