// iCalendar (RFC 5545) with ical-generator: one all-day event per open dated milestone on its due date, a UID
// that stays the same across reloads (ref and milestone number), the ref and a link in the description, and
// an alarm at each alert lead time. ical-generator escapes text values, so markup stays text.
import ical, { ICalAlarmType, ICalCalendarMethod } from 'ical-generator';
import type { TrackerMilestoneRow } from '../services/tracker/trackerRows.ts';
import { shortenText, utf16Units } from '../domain/shortenText.ts';
import { milestoneLabel } from './components.ts';
import { textsOf, type Lang } from './i18n.ts';

export interface CalendarOptions {
  lang: Lang;
  name: string;
  baseUrl: string;
  leadDays: readonly number[];
  timezone: string;
  /** Host part of the UIDs: fixed, so a calendar app keeps matching events after a restart. */
  uidDomain: string;
  /** DTSTAMP of every event: when the data last changed, so the same data gives the same file. */
  stamp: Date;
}

export function renderCalendar(milestones: readonly TrackerMilestoneRow[], options: CalendarOptions): string {
  const t = textsOf(options.lang);
  const calendar = ical({ name: options.name, prodId: { company: 'policywatch', product: 'tracker', language: options.lang.toUpperCase() }, method: ICalCalendarMethod.PUBLISH, timezone: options.timezone });
  for (const m of milestones) {
    const label = milestoneLabel(m);
    const link = `${options.baseUrl}/${options.lang}/commitments/${encodeURIComponent(m.ref)}`;
    const [year, month, day] = m.due.split('-').map(Number) as [number, number, number];
    const summary = `${label} ${shortenText(m.text, 60, { measure: utf16Units })}`;
    const event = calendar.createEvent({
      id: `${m.ref}-${m.seq}@${options.uidDomain}`,
      allDay: true,
      // All-day: a floating date, the same day wherever the reader is.
      start: new Date(Date.UTC(year, month - 1, day)),
      floating: true,
      summary,
      description: `${label}\n${m.text}\n${t.bureau}: ${m.bureaus.join(', ')}\n${link}`,
      url: link,
      stamp: options.stamp,
      categories: m.bureaus.map((name) => ({ name })),
    });
    for (const lead of options.leadDays) {
      event.createAlarm({ type: ICalAlarmType.display, trigger: lead * 86_400, description: `${label} ${t.due} ${m.due}` });
    }
  }
  return calendar.toString();
}
