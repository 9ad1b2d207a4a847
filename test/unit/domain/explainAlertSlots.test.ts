import { describe, expect, it } from 'vitest';
import type { AlertPolicy } from '../../../src/domain/alertPolicy.ts';
import { coversMilestone, explainAlertSlots, type ExplainInput, type ExplainedMilestone, type ExplainedSubscription } from '../../../src/domain/explainAlertSlots.ts';

const policy: AlertPolicy = { timezone: 'Asia/Hong_Kong', leadDays: [30, 7, 1], sendAt: '09:00', missedGraceDays: 0, overdueEveryDays: 7 };
const hk = (local: string): Date => new Date(`${local}+08:00`);
const milestone: ExplainedMilestone = { ref: 'PA2024-7-03', due: '2024-12-31', status: 'pending', statusChangedAt: hk('2024-10-16T00:00'), withdrawn: false, bureaus: ['DEVB', 'HB'] };
const subscription: ExplainedSubscription = { bureaus: ['DEVB'], refs: null, deadlines: true, watchdog: false, activeSince: hk('2024-10-16T00:00'), mutedUntil: null, disabledAt: null };

function explain(overrides: Partial<ExplainInput>, now = hk('2025-01-08T10:00')) {
  const input: ExplainInput = { milestone, subscription, outbox: [], coveredUntil: hk('2025-01-08T10:00'), ...overrides };
  return explainAlertSlots(input, now, policy).map((slot) => `${slot.at.toISOString().slice(0, 10)} ${slot.kind} ${slot.gets ? 'yes' : 'no'} ${slot.verdict}`);
}

describe('explainAlertSlots', () => {
  it('takes the outbox as fact: sent, superseded and dead rows, and says which slot has no row', () => {
    const outbox = [
      { id: 1, kind: 'approaching', slotAt: hk('2024-12-01T09:00'), state: 'sent' as const, lastError: null, sentAt: hk('2024-12-01T09:00') },
      { id: 2, kind: 'approaching', slotAt: hk('2024-12-24T09:00'), state: 'superseded' as const, lastError: 'a later alert for the same milestone was due', sentAt: null },
      { id: 3, kind: 'due', slotAt: hk('2024-12-31T09:00'), state: 'dead' as const, lastError: 'telegram 403: Forbidden', sentAt: null },
    ];
    expect(explain({ outbox })).toEqual([
      '2024-12-01 approaching yes sent',
      '2024-12-24 approaching no superseded',
      '2024-12-30 approaching no missing',
      '2024-12-31 due no dead',
      '2025-01-01 missed no missing',
      // overdue reminders need the watchdog switch
      '2025-01-08 overdue no switches',
    ]);
  });

  it('slots the tick has not covered: only the latest wanted one will be sent, as planAlerts says', () => {
    expect(explain({ coveredUntil: hk('2024-12-20T00:00') }, hk('2025-01-01T10:00'))).toEqual([
      '2024-12-01 approaching no missing',
      '2024-12-24 approaching no superseded',
      '2024-12-30 approaching no superseded',
      '2024-12-31 due no superseded',
      '2025-01-01 missed yes will-send',
    ]);
  });

  it('active since and mute stop the slots before them', () => {
    const late = explain({ subscription: { ...subscription, activeSince: hk('2024-12-20T00:00'), mutedUntil: hk('2024-12-31T00:00') } }, hk('2024-12-31T10:00'));
    expect(late).toEqual([
      '2024-12-01 approaching no before-active',
      '2024-12-24 approaching no muted',
      '2024-12-30 approaching no muted',
      '2024-12-31 due no missing',
    ]);
  });

  it('a closed or withdrawn milestone, a disabled or unrelated subscription: every slot says so', () => {
    const at = hk('2024-12-02T00:00');
    expect(explain({ milestone: { ...milestone, status: 'met', statusChangedAt: hk('2024-10-20T00:00') } }, at)).toEqual(['2024-12-01 approaching no closed']);
    expect(explain({ milestone: { ...milestone, withdrawn: true } }, at)).toEqual(['2024-12-01 approaching no withdrawn']);
    expect(explain({ subscription: { ...subscription, disabledAt: hk('2024-11-01T00:00') } }, at)).toEqual(['2024-12-01 approaching no unsubscribed']);
    expect(explain({ subscription: { ...subscription, bureaus: ['EDB'] } }, at)).toEqual(['2024-12-01 approaching no not-subscribed']);
    // a status change restarts the cycle: slots before it are not listed
    expect(explain({ milestone: { ...milestone, status: 'rescheduled', statusChangedAt: hk('2024-12-10T00:00') } }, at)).toEqual([]);
  });

  it('bureau or ref lists, or neither for everything', () => {
    expect(coversMilestone({ bureaus: null, refs: null }, milestone)).toBe(true);
    expect(coversMilestone({ bureaus: ['HB'], refs: null }, milestone)).toBe(true);
    expect(coversMilestone({ bureaus: null, refs: ['PA2024-7-03'] }, milestone)).toBe(true);
    expect(coversMilestone({ bureaus: ['EDB'], refs: ['PA2024-7-04'] }, milestone)).toBe(false);
  });
});
