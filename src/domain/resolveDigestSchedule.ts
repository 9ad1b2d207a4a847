// When a subscription's weekly digest goes out: its own day, time and zone where it set them, the configured
// defaults otherwise. A stored value that cannot be used (a typo written by hand into the database) falls
// back to the default and is reported, so one bad row never stops everyone's digest.
import { isLocalTime, isTimeZone } from './zonedTime.ts';

export { isTimeZone };

export const DIGEST_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DigestWeekday = (typeof DIGEST_WEEKDAYS)[number];

export interface DigestSchedule {
  day: DigestWeekday;
  /** Local time HH:MM. */
  time: string;
  timezone: string;
}

export interface DigestScheduleChoice {
  digestDay: string | null;
  digestTime: string | null;
  timezone: string | null;
}

export interface ResolvedDigestSchedule {
  schedule: DigestSchedule;
  /** The stored settings that were ignored, e.g. ["digest_day"]. */
  invalid: string[];
}

/** A local time of day as the schedule stores it: 24-hour HH:MM. */
export const isTimeOfDay = isLocalTime;

export function isDigestWeekday(value: string): value is DigestWeekday {
  return (DIGEST_WEEKDAYS as readonly string[]).includes(value);
}

export function resolveDigestSchedule(choice: DigestScheduleChoice, defaults: DigestSchedule): ResolvedDigestSchedule {
  const invalid: string[] = [];
  const day = choice.digestDay?.trim().toLowerCase() ?? null;
  const time = choice.digestTime?.trim() ?? null;
  const timezone = choice.timezone?.trim() ?? null;
  const schedule: DigestSchedule = { ...defaults };
  if (day) {
    if (isDigestWeekday(day)) schedule.day = day;
    else invalid.push('digest_day');
  }
  if (time) {
    if (isLocalTime(time)) schedule.time = time;
    else invalid.push('digest_time');
  }
  if (timezone) {
    if (isTimeZone(timezone)) schedule.timezone = timezone;
    else invalid.push('timezone');
  }
  return { schedule, invalid };
}
