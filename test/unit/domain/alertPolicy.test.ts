import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deriveMilestoneState,
  listAlertSlots,
  planAlerts,
  windowHasSendInstant,
  type AlertPolicy,
  type ScheduledMilestone,
  type SubscriptionWindow,
} from '../../../src/domain/alertPolicy.ts';

const policy: AlertPolicy = { timezone: 'Asia/Hong_Kong', leadDays: [30, 7, 1], sendAt: '09:00', missedGraceDays: 0, overdueEveryDays: 7 };
const hk = (local: string): Date => new Date(`${local}+08:00`);
const published = hk('2024-10-16T00:00:00');
const pending: ScheduledMilestone = { due: '2024-12-31', status: 'pending', statusChangedAt: published };
const deadlinesOnly: SubscriptionWindow = { activeSince: published, mutedUntil: null, deadlines: true, watchdog: false };
const watchdogOnly = { activeSince: published, mutedUntil: null, deadlines: false, watchdog: true };
const both = { ...deadlinesOnly, watchdog: true };

function kinds(after: string, until: string, milestone = pending, subscription = deadlinesOnly) {
  const plan = planAlerts(milestone, subscription, hk(after), hk(until), policy);
  return { send: plan.send && `${plan.send.kind}${plan.send.leadDays ?? ''}@${plan.send.at.toISOString()}`, superseded: plan.superseded.map((s) => `${s.kind}${s.leadDays ?? ''}`) };
}

describe('alert slots at fixed instants (due 2024-12-31, Hong Kong, 09:00)', () => {
  it.each([
    ['2024-12-01T08:59', '2024-12-01T09:00', 'approaching30@2024-12-01T01:00:00.000Z'],
    ['2024-12-24T08:00', '2024-12-24T09:05', 'approaching7@2024-12-24T01:00:00.000Z'],
    ['2024-12-30T08:00', '2024-12-30T09:00', 'approaching1@2024-12-30T01:00:00.000Z'],
    ['2024-12-31T08:00', '2024-12-31T09:00', 'due@2024-12-31T01:00:00.000Z'],
    ['2025-01-01T08:00', '2025-01-01T09:00', 'missed@2025-01-01T01:00:00.000Z'],
  ])('a tick in (%s, %s] sends %s', (after, until, expected) => {
    expect(kinds(after, until).send).toBe(expected);
  });

  it('nothing between slots, and nothing at 08:59', () => {
    expect(kinds('2024-12-01T09:00', '2024-12-23T23:59').send).toBeNull();
    expect(kinds('2024-12-24T00:00', '2024-12-24T08:59').send).toBeNull();
  });

  it('overdue reminders every 7 days go to watchdog subscriptions only; missed goes to both', () => {
    expect(kinds('2025-01-08T08:00', '2025-01-08T09:00', pending, watchdogOnly).send).toBe('overdue@2025-01-08T01:00:00.000Z');
    expect(kinds('2025-01-08T08:00', '2025-01-08T09:00', pending, deadlinesOnly).send).toBeNull();
    expect(kinds('2025-01-15T08:00', '2025-01-15T09:00', pending, watchdogOnly).send).toBe('overdue@2025-01-15T01:00:00.000Z');
    expect(kinds('2025-01-01T08:00', '2025-01-01T09:00', pending, watchdogOnly).send).toBe('missed@2025-01-01T01:00:00.000Z');
    // a year later the reminders still come, every 7 days
    const slots = listAlertSlots(pending, hk('2025-12-01T00:00'), hk('2025-12-31T23:59'), policy).map((s) => s.at.toISOString().slice(0, 10));
    expect(slots).toEqual(['2025-12-03', '2025-12-10', '2025-12-17', '2025-12-24', '2025-12-31']);
  });

  it('grace days move the missed alert; reminders stay on the shared rhythm, half an interval after it at least', () => {
    const slots = listAlertSlots(pending, hk('2024-12-31T12:00'), hk('2025-01-16T12:00'), { ...policy, missedGraceDays: 2 });
    expect(slots.map((s) => `${s.kind}@${s.at.toISOString().slice(0, 10)}`)).toEqual(['missed@2025-01-03', 'overdue@2025-01-08', 'overdue@2025-01-15']);
  });

  it('overdue reminders of milestones due on different days fall on the same days (one grouped message)', () => {
    const days = (due: string) =>
      listAlertSlots({ ...pending, due }, hk('2025-03-01T00:00'), hk('2025-03-31T23:59'), policy)
        .filter((s) => s.kind === 'overdue')
        .map((s) => s.at.toISOString().slice(0, 10));
    expect(days('2024-12-31')).toEqual(['2025-03-05', '2025-03-12', '2025-03-19', '2025-03-26']);
    expect(days('2025-01-03')).toEqual(days('2024-12-31'));
    expect(days('2025-02-20')).toEqual(days('2024-12-31'));
    // a milestone missed on 2025-03-03 (a Monday) waits for the rhythm day after half an interval: 2025-03-12
    expect(days('2025-03-02')).toEqual(['2025-03-12', '2025-03-19', '2025-03-26']);
  });

  it('after 3 days down: one missed alert, the earlier ones superseded', () => {
    expect(kinds('2024-12-29T10:00', '2025-01-01T10:00', pending, both)).toEqual({
      send: 'missed@2025-01-01T01:00:00.000Z',
      superseded: ['approaching1', 'due'],
    });
  });

  it('after downtime across two approaching slots only the latest is sent', () => {
    expect(kinds('2024-11-30T10:00', '2024-12-25T10:00')).toEqual({ send: 'approaching7@2024-12-24T01:00:00.000Z', superseded: ['approaching30'] });
  });

  it('the clock moving back an hour covers nothing again', () => {
    expect(listAlertSlots(pending, hk('2024-12-24T09:30'), hk('2024-12-24T08:30'), policy)).toEqual([]);
  });

  it('a milestone met (or claimed, or dropped) before its slot gets no alert', () => {
    for (const status of ['met', 'claimed', 'dropped'] as const) {
      expect(kinds('2024-12-24T08:00', '2024-12-24T09:05', { ...pending, status }).send).toBeNull();
    }
  });

  it('a rescheduled milestone starts a new cycle from the change', () => {
    const rescheduled: ScheduledMilestone = { due: '2025-01-15', status: 'rescheduled', statusChangedAt: hk('2024-12-20T15:00') };
    // the old date's slots are gone; the new date's 30-day slot (Dec 16) was before the change
    expect(kinds('2024-12-15T00:00', '2024-12-31T10:00', rescheduled).send).toBeNull();
    expect(kinds('2025-01-08T08:00', '2025-01-08T09:00', rescheduled).send).toBe('approaching7@2025-01-08T01:00:00.000Z');
    expect(kinds('2025-01-16T08:00', '2025-01-16T09:00', rescheduled).send).toBe('missed@2025-01-16T01:00:00.000Z');
  });

  it('a subscription gets nothing for slots before it started, or while muted', () => {
    const late = { ...deadlinesOnly, activeSince: hk('2024-12-24T10:00') };
    expect(kinds('2024-12-01T00:00', '2024-12-24T12:00', pending, late)).toEqual({ send: null, superseded: [] });
    const muted = { ...deadlinesOnly, mutedUntil: hk('2024-12-25T00:00') };
    expect(kinds('2024-12-24T08:00', '2024-12-24T09:05', pending, muted).send).toBeNull();
  });

  it('respects a zone with daylight saving (sendAt in local time on both sides)', () => {
    const london = { ...policy, timezone: 'Europe/London' };
    const summer = listAlertSlots({ ...pending, due: '2025-07-31' }, new Date('2025-07-31T00:00:00Z'), new Date('2025-07-31T23:00:00Z'), london);
    expect(summer.map((s) => s.at.toISOString())).toEqual(['2025-07-31T08:00:00.000Z']);
    const winter = listAlertSlots({ ...pending, due: '2025-01-31' }, new Date('2025-01-31T00:00:00Z'), new Date('2025-01-31T23:00:00Z'), london);
    expect(winter.map((s) => s.at.toISOString())).toEqual(['2025-01-31T09:00:00.000Z']);
  });
});

describe('deriveMilestoneState', () => {
  it.each([
    ['2024-11-30T12:00', null, 31],
    ['2024-12-01T00:30', 'approaching', 30],
    ['2024-12-24T10:00', 'approaching', 7],
    ['2024-12-31T00:00', 'due', 0],
    ['2024-12-31T23:59', 'due', 0],
    ['2025-01-01T00:00', 'missed', -1],
  ])('at %s the state is %s', (at, state, daysLeft) => {
    const derived = deriveMilestoneState(pending, hk(at), policy);
    expect(derived?.state ?? null).toBe(state);
    if (derived) expect(derived.daysLeft).toBe(daysLeft);
  });

  it('met, claimed and dropped milestones have no state', () => {
    expect(deriveMilestoneState({ ...pending, status: 'met' }, hk('2025-01-05T00:00'), policy)).toBeNull();
    expect(deriveMilestoneState({ ...pending, status: 'rescheduled' }, hk('2025-01-05T00:00'), policy)?.state).toBe('missed');
  });
});

describe('windowHasSendInstant (the quiet tick skips the milestones when it is false)', () => {
  it('is true only for windows that hold a 09:00', () => {
    expect(windowHasSendInstant(hk('2025-06-02T08:59'), hk('2025-06-02T09:00'), policy)).toBe(true);
    expect(windowHasSendInstant(hk('2025-06-02T09:00'), hk('2025-06-02T09:01'), policy)).toBe(false);
    expect(windowHasSendInstant(hk('2025-06-02T09:30'), hk('2025-06-03T08:59'), policy)).toBe(false);
    expect(windowHasSendInstant(hk('2025-06-01T23:00'), hk('2025-06-05T00:00'), policy)).toBe(true);
  });

  it('is never false where listAlertSlots finds a slot (any zone, send time, window)', () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(
        fc.record({
          timezone: fc.constantFrom('Asia/Hong_Kong', 'Europe/London', 'America/New_York', 'UTC'),
          sendAt: fc.constantFrom('09:00', '00:00', '00:30', '23:45', '02:30'),
          due: fc.integer({ min: 0, max: 800 }),
          start: fc.integer({ min: 0, max: 760 * 24 * 60 }),
          minutes: fc.integer({ min: 1, max: 20 * 24 * 60 }),
          changedBefore: fc.integer({ min: 0, max: 400 * 24 * 60 }),
        }),
        (c) => {
          const base = Date.UTC(2024, 0, 1);
          const after = new Date(base + c.start * 60_000);
          const until = new Date(after.getTime() + c.minutes * 60_000);
          const p: AlertPolicy = { ...policy, timezone: c.timezone, sendAt: c.sendAt };
          const milestone: ScheduledMilestone = {
            due: new Date(base + c.due * day).toISOString().slice(0, 10),
            status: 'pending',
            statusChangedAt: new Date(after.getTime() - c.changedBefore * 60_000),
          };
          if (listAlertSlots(milestone, after, until, p).length) expect(windowHasSendInstant(after, until, p)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
