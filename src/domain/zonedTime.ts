// Calendar dates and local times in a named time zone, with only Intl (no zone database of our own).
// Promises are made for dates; alerts go out at a local time on a date, so these two conversions are all
// the scheduler needs.

const formatters = new Map<string, Intl.DateTimeFormat>();
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

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

const localDates = new Map<string, string>();

/** The calendar date (YYYY-MM-DD) an instant falls on in a time zone. */
export function toLocalDate(instant: Date, timeZone: string): string {
  const key = `${timeZone}|${instant.getTime()}`;
  let cached = localDates.get(key);
  if (cached === undefined) {
    if (localDates.size > 50_000) localDates.clear();
    const p = localParts(instant, timeZone);
    cached = `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
    localDates.set(key, cached);
  }
  return cached;
}

// The tick asks for the same few dates over and over; a small cache keeps Intl out of the hot path.
const instants = new Map<string, number>();

/** The instant at which a local wall-clock time ("HH:MM") on a date happens in a time zone. */
export function toInstant(date: string, time: string, timeZone: string): Date {
  const key = `${timeZone}|${date}|${time}`;
  let cached = instants.get(key);
  if (cached === undefined) {
    if (instants.size > 50_000) instants.clear();
    cached = computeInstant(date, time, timeZone);
    instants.set(key, cached);
  }
  return new Date(cached);
}

function computeInstant(date: string, time: string, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute);
  // Guess with the offset at the wall time read as UTC, then correct once more for a DST change between.
  let guess = wallAsUtc - offsetAt(new Date(wallAsUtc), timeZone);
  guess = wallAsUtc - offsetAt(new Date(guess), timeZone);
  return guess;
}

/** Milliseconds the zone is ahead of UTC at an instant. */
export function offsetAt(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

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
