// A digest time as people type it: 24-hour H:MM or HH:MM ("9:00", "09:00", full-width "０９：００"), as the
// schedule stores it ("09:00"); null when it is not a time of day.
import { isTimeOfDay } from '../domain/resolveDigestSchedule.ts';

export function parseTimeOfDay(text: string): string | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.normalize('NFKC').trim());
  if (!match) return null;
  const time = `${match[1]!.padStart(2, '0')}:${match[2]}`;
  return isTimeOfDay(time) ? time : null;
}
