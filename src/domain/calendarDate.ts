// Calendar dates as "YYYY-MM-DD" strings (see types.ts: a promise is made for a day, not an instant).
// All arithmetic is on year/month/day numbers, so no time zone can shift a date.

export interface CalendarDateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function formatCalendarDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The last day of a month, e.g. (2025, 2) -> "2025-02-28". */
export function formatEndOfMonth(year: number, month: number): string {
  return formatCalendarDate(year, month, daysInMonth(year, month));
}

/** The parts of a valid "YYYY-MM-DD" date, or null (wrong shape, or a day that does not exist). */
export function parseCalendarDate(text: string): CalendarDateParts | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== null;
}

/** The same day N months later; a day the target month lacks becomes its last day (Feb 29 + 1y -> Feb 28). */
export function addCalendarMonths(date: CalendarDateParts, months: number): string {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatCalendarDate(year, month, Math.min(date.day, daysInMonth(year, month)));
}
