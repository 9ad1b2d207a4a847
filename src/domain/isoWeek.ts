// ISO 8601 weeks of calendar dates: weeks start on Monday and belong to the year of their Thursday, so
// 2024-12-30 is in 2025-W01. The weekly digest is keyed by its ISO week, one per subscription.
import { addDays, fromDayNumber, toDayNumber } from './zonedTime.ts';

/** ISO day of the week of a calendar date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO day 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday that starts the ISO week of a date. */
export function startOfIsoWeek(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The ISO week of a date as "YYYY-Www", e.g. "2024-W52". */
export function isoWeekOf(date: string): string {
  const thursday = toDayNumber(startOfIsoWeek(date)) + 3;
  const year = fromDayNumber(thursday).slice(0, 4);
  const week = Math.floor((thursday - toDayNumber(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
