// Calendar dates and local times in a named time zone. The zone rules (offsets, daylight-saving gaps and
// overlaps) come from Temporal (temporal-polyfill over the platform's IANA data), not from arithmetic of our
// own: promises are made for dates, alerts go out at a local time on a date, and these conversions are all
// the scheduler needs. A local time that does not exist (spring-forward gap) moves forward by the gap's length
// and one that happens twice (fall-back overlap) is the earlier instant — Temporal's 'compatible' rule, the
// same in every zone.
import { Temporal } from 'temporal-polyfill';

const zoneChecks = new Map<string, boolean>();

/** Whether Intl knows the IANA zone name (e.g. Asia/Hong_Kong). */
export function isTimeZone(value: string): boolean {
  let valid = zoneChecks.get(value);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: value });
      valid = true;
    } catch {
      valid = false;
    }
    zoneChecks.set(value, valid);
  }
  return valid;
}

/** A 24-hour local time "HH:MM". */
export function isLocalTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

function zonedAt(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
}

const localDates = new Map<string, string>();

/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone. */
export function toLocalDate(instant: Date, timeZone: string): string {
  const key = `${timeZone}|${instant.getTime()}`;
  let cached = localDates.get(key);
  if (cached === undefined) {
    if (localDates.size > 50_000) localDates.clear();
    cached = zonedAt(instant, timeZone).toPlainDate().toString();
    localDates.set(key, cached);
  }
  return cached;
}

// The tick asks for the same few dates over and over; a small cache keeps the zone rules out of the hot path.
const instants = new Map<string, number>();

/** The instant at which a local wall-clock time ("HH:MM") on a date happens in a time zone. */
export function toInstant(date: string, time: string, timeZone: string): Date {
  const key = `${timeZone}|${date}|${time}`;
  let cached = instants.get(key);
  if (cached === undefined) {
    if (instants.size > 50_000) instants.clear();
    cached = Temporal.PlainDateTime.from(`${date}T${time}`)
      .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
      .epochMilliseconds;
    instants.set(key, cached);
  }
  return new Date(cached);
}

/** Milliseconds the zone is ahead of UTC at an instant. */
export function offsetAt(instant: Date, timeZone: string): number {
  return zonedAt(instant, timeZone).offsetNanoseconds / 1_000_000;
}

/** An instant as a reader in the zone reads it: "2024-12-31 09:00". */
export function formatLocalTime(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + offsetAt(instant, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}

// Plain calendar-date arithmetic below needs no zone: days since 1970-01-01 in UTC are exact.
/** Adds whole days to a calendar date. */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Days since 1970-01-01 of a calendar date, for cheap date arithmetic in loops. */
export function toDayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

export function fromDayNumber(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
