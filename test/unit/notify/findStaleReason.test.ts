import { describe, expect, it } from 'vitest';
import type { NotificationDetails } from '../../../src/db/notifications.ts';
import { findStaleReason } from '../../../src/notify/deliverNotifications.ts';

const now = new Date('2025-01-02T01:29:00Z');

function row(kind: string, due: string, extra: Partial<NotificationDetails> = {}): NotificationDetails {
  return {
    id: 1,
    dedupeKey: `alert:1:1:${kind}`,
    kind,
    subscriptionId: 1,
    milestoneId: 1,
    due,
    slotAt: new Date('2024-12-30T01:00:00Z'),
    target: 'telegram:1',
    attempts: 1,
    payload: null,
    language: 'zh-HK',
    subscriptionDisabledAt: null,
    subscriptionDisabledReason: null,
    mutedUntil: null,
    laterSlot: false,
    milestone: { seq: 1, kind: 'deadline', phrase: '在2024年年底前', subject: null, due, status: 'pending', evidenceUrl: null, withdrawn: false },
    commitment: { ref: 'PA2024-7-03', text: '…', bureaus: ['DEVB'], withRelevantBureaux: false, withdrawn: false },
    document: { key: 'pa', title: 'PA', sourceUrl: null },
    ...extra,
  } as NotificationDetails;
}

describe('findStaleReason', () => {
  it('drops a countdown once its deadline day has come, before the catch-up tick queued the later alert', () => {
    expect(findStaleReason(row('approaching', '2024-12-31'), now, '2025-01-02')?.state).toBe('superseded');
    expect(findStaleReason(row('approaching', '2025-01-02'), now, '2025-01-02')?.state).toBe('superseded');
    expect(findStaleReason(row('approaching', '2025-01-03'), now, '2025-01-02')).toBeNull();
  });

  it('drops a due-today alert the day after, keeps it on the day', () => {
    expect(findStaleReason(row('due', '2025-01-01'), now, '2025-01-02')?.state).toBe('superseded');
    expect(findStaleReason(row('due', '2025-01-02'), now, '2025-01-02')).toBeNull();
  });

  it('keeps missed and overdue alerts unless a later slot exists', () => {
    expect(findStaleReason(row('missed', '2024-12-31'), now, '2025-01-02')).toBeNull();
    expect(findStaleReason(row('overdue', '2024-12-31', { laterSlot: true }), now, '2025-01-02')?.state).toBe('superseded');
  });
});
