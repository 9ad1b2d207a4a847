// The digest's weekdays as a reader names them, for replies, Discord's choices and reading what people type.
import type { ReaderLanguage } from '../domain/alertLabels.ts';
import type { DigestWeekday } from '../domain/resolveDigestSchedule.ts';

export const WEEKDAY_NAMES: Readonly<Record<ReaderLanguage, Readonly<Record<DigestWeekday, string>>>> = {
  'zh-HK': { mon: '星期一', tue: '星期二', wed: '星期三', thu: '星期四', fri: '星期五', sat: '星期六', sun: '星期日' },
  en: { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' },
};
