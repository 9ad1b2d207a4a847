// When a milestone calls for an alert. Every alert has a slot: a local time (default 09:00) on a date
// derived from the due date. A slot belongs to one cycle of the milestone: slots before its last status or
// due-date change are never produced, so a reschedule restarts the cycle and a met milestone ends it.
import { OPEN_STATUSES, type MilestoneStatus } from './milestoneStatus.ts';
import { addDays, daysBetween, fromDayNumber, toDayNumber, toInstant, toLocalDate } from './zonedTime.ts';

export type AlertKind = 'approaching' | 'due' | 'missed' | 'overdue';
export type MilestoneState = 'approaching' | 'due' | 'missed';

export interface AlertPolicy {
  timezone: string;
  leadDays: readonly number[];
  /** Local time HH:MM at which alerts of a day go out. */
  sendAt: string;
  missedGraceDays: number;
  overdueEveryDays: number;
}

export interface AlertSlot {
  kind: AlertKind;
  at: Date;
  /** Days before the due date, for approaching alerts. */
  leadDays: number | null;
}

export interface ScheduledMilestone {
  due: string;
  status: MilestoneStatus;
  statusChangedAt: Date;
}

/** Which subscription switches receive an alert kind. */
export function wantsAlert(kind: AlertKind, switches: { deadlines: boolean; watchdog: boolean }): boolean {
  switch (kind) {
    case 'approaching':
    case 'due':
      return switches.deadlines;
    case 'missed':
      return switches.deadlines || switches.watchdog;
    case 'overdue':
      return switches.watchdog;
  }
}

/** Day number of 2025-01-01: overdue reminders fall on it and every `overdueEveryDays` days before and after. */
export const OVERDUE_RHYTHM_ANCHOR = toDayNumber('2025-01-01');

/** The first day on or after `day` that is on the shared overdue rhythm. */
export function firstRhythmDayFrom(day: number, every: number): number {
  const offset = (((day - OVERDUE_RHYTHM_ANCHOR) % every) + every) % every;
  return offset === 0 ? day : day + every - offset;
}

/** Every slot of the milestone in (after, until], oldest first. */
export function listAlertSlots(milestone: ScheduledMilestone, after: Date, until: Date, policy: AlertPolicy): AlertSlot[] {
  if (!OPEN_STATUSES.includes(milestone.status)) return [];
  const from = Math.max(after.getTime(), milestone.statusChangedAt.getTime() - 1);
  const end = until.getTime();
  if (end <= from) return [];
  // Slots fall on local dates; only dates inside the window's local dates need an instant. The tick runs
  // this for every open milestone, so dates are whole day numbers here and compared before anything else.
  const firstDay = toDayNumber(toLocalDate(new Date(from), policy.timezone));
  const lastDay = toDayNumber(toLocalDate(until, policy.timezone));
  const dueDay = toDayNumber(milestone.due);
  const slots: AlertSlot[] = [];
  const add = (kind: AlertKind, day: number, leadDays: number | null): void => {
    if (day < firstDay || day > lastDay) return;
    const at = toInstant(fromDayNumber(day), policy.sendAt, policy.timezone);
    if (at.getTime() > from && at.getTime() <= end) slots.push({ kind, at, leadDays });
  };
  for (const lead of policy.leadDays) add('approaching', dueDay - lead, lead);
  add('due', dueDay, null);
  const missedDay = dueDay + 1 + policy.missedGraceDays;
  add('missed', missedDay, null);
  // Reminders repeat forever while the milestone stays open, on a rhythm shared by every milestone (every
  // N days from OVERDUE_RHYTHM_ANCHOR): all overdue milestones of a target fall in the same tick and go out
  // as one grouped message instead of one message per milestone on its own weekday. The first reminder is
  // the first rhythm day at least half an interval after the missed alert. Only walk the window.
  const every = policy.overdueEveryDays;
  const firstReminder = firstRhythmDayFrom(missedDay + Math.ceil(every / 2), every);
  for (let day = Math.max(firstReminder, firstRhythmDayFrom(firstDay, every)); day <= lastDay; day += every) {
    add('overdue', day, null);
  }
  return slots.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * Whether (after, until] holds a send instant (policy.sendAt on some local date). Every alert slot is one,
 * so a tick whose window holds none owes nothing and need not look at any milestone.
 */
export function windowHasSendInstant(after: Date, until: Date, policy: AlertPolicy): boolean {
  const lastDay = toDayNumber(toLocalDate(until, policy.timezone));
  for (let day = toDayNumber(toLocalDate(after, policy.timezone)); day <= lastDay; day++) {
    const at = toInstant(fromDayNumber(day), policy.sendAt, policy.timezone).getTime();
    if (at > after.getTime() && at <= until.getTime()) return true;
  }
  return false;
}

/** The latest date whose slots could fall at or before `until`: approaching slots start maxLead days ahead. */
export function latestRelevantDue(until: Date, policy: AlertPolicy): string {
  return addDays(toLocalDate(until, policy.timezone), Math.max(...policy.leadDays) + 1);
}

export interface DerivedState {
  state: MilestoneState;
  daysLeft: number;
}

/** The state a reader sees at an instant: approaching (within the longest lead time), due (today), missed. */
export function deriveMilestoneState(milestone: { due: string; status: MilestoneStatus }, now: Date, policy: AlertPolicy): DerivedState | null {
  if (!OPEN_STATUSES.includes(milestone.status)) return null;
  const daysLeft = daysBetween(toLocalDate(now, policy.timezone), milestone.due);
  if (daysLeft === 0) return { state: 'due', daysLeft };
  if (daysLeft < 0) return { state: 'missed', daysLeft };
  if (daysLeft <= Math.max(...policy.leadDays)) return { state: 'approaching', daysLeft };
  return null;
}

export interface SubscriptionWindow {
  activeSince: Date;
  mutedUntil: Date | null;
  deadlines: boolean;
  watchdog: boolean;
}

export interface AlertPlan {
  send: AlertSlot | null;
  superseded: AlertSlot[];
}

/**
 * What one subscription gets for one milestone in (after, until]: only the latest slot it wants is sent,
 * earlier ones in the window are superseded. This is the reference the tick's set-based SQL implements.
 */
export function planAlerts(milestone: ScheduledMilestone, subscription: SubscriptionWindow, after: Date, until: Date, policy: AlertPolicy): AlertPlan {
  const wanted = listAlertSlots(milestone, after, until, policy).filter(
    (slot) =>
      slot.at >= subscription.activeSince &&
      (!subscription.mutedUntil || slot.at >= subscription.mutedUntil) &&
      wantsAlert(slot.kind, subscription),
  );
  const send = wanted.at(-1) ?? null;
  return { send, superseded: wanted.slice(0, -1) };
}
