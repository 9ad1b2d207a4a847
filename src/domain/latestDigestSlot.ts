// The weekly digest slot: the configured local day and time of each ISO week, in the subscription's zone.
// The tick sends the latest slot at or before now; the slot a week earlier bounds "since the last digest".
import { isoWeekOf, startOfIsoWeek } from './isoWeek.ts';
import { DIGEST_WEEKDAYS, type DigestSchedule } from './resolveDigestSchedule.ts';
import { addDays, toInstant, toLocalDate } from './zonedTime.ts';

export interface DigestSlot {
  at: Date;
  /** Local date of the slot. */
  date: string;
  /** ISO week of the slot's local date, e.g. "2024-W52": the digest's identity for its subscription. */
  week: string;
  /** The slot one week earlier (same local day and time). */
  previousAt: Date;
}

function slotOn(date: string, schedule: DigestSchedule): DigestSlot {
  return {
    at: toInstant(date, schedule.time, schedule.timezone),
    date,
    week: isoWeekOf(date),
    previousAt: toInstant(addDays(date, -7), schedule.time, schedule.timezone),
  };
}

/** The latest digest slot at or before `now`. */
export function latestDigestSlot(now: Date, schedule: DigestSchedule): DigestSlot {
  const today = toLocalDate(now, schedule.timezone);
  const date = addDays(startOfIsoWeek(today), DIGEST_WEEKDAYS.indexOf(schedule.day));
  const slot = slotOn(date, schedule);
  return slot.at.getTime() <= now.getTime() ? slot : slotOn(addDays(date, -7), schedule);
}

/** The latest digest slot strictly before `now` (a digest composed at `now` reports since then). */
export function previousDigestSlot(now: Date, schedule: DigestSchedule): DigestSlot {
  const slot = latestDigestSlot(now, schedule);
  return slot.at.getTime() < now.getTime() ? slot : slotOn(addDays(slot.date, -7), schedule);
}
