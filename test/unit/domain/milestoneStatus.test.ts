import { describe, expect, it } from 'vitest';
import { checkStatusChange, StatusChangeError } from '../../../src/domain/milestoneStatus.ts';

const pending = { status: 'pending' as const, due: '2024-12-31', evidenceUrl: null };

function refusal(fn: () => unknown): StatusChangeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StatusChangeError) return error;
    throw error;
  }
  throw new Error('expected a StatusChangeError');
}

describe('checkStatusChange', () => {
  it('met needs an http(s) evidence URL', () => {
    expect(refusal(() => checkStatusChange(pending, { to: 'met' })).field).toBe('evidence');
    expect(refusal(() => checkStatusChange(pending, { to: 'met', evidenceUrl: 'gov.hk/x' })).message).toMatch(/http\(s\) URL/);
    expect(checkStatusChange(pending, { to: 'met', evidenceUrl: 'https://www.info.gov.hk/x' })).toEqual({
      status: 'met',
      due: '2024-12-31',
      evidenceUrl: 'https://www.info.gov.hk/x',
    });
  });

  it('rescheduled needs a new, real date and keeps the change', () => {
    expect(refusal(() => checkStatusChange(pending, { to: 'rescheduled' })).field).toBe('due');
    expect(refusal(() => checkStatusChange(pending, { to: 'rescheduled', due: '2025-02-30' })).message).toMatch(/real date/);
    expect(refusal(() => checkStatusChange(pending, { to: 'rescheduled', due: '2024-12-31' })).message).toMatch(/already due/);
    expect(checkStatusChange(pending, { to: 'rescheduled', due: '2025-03-31' }).due).toBe('2025-03-31');
    expect(refusal(() => checkStatusChange(pending, { to: 'claimed', due: '2025-03-31' })).field).toBe('due');
  });

  it('claimed needs no evidence; unknown statuses and invalid transitions are refused', () => {
    expect(checkStatusChange(pending, { to: 'claimed' }).status).toBe('claimed');
    expect(refusal(() => checkStatusChange(pending, { to: 'done' })).message).toMatch(/unknown status "done"/);
    expect(refusal(() => checkStatusChange(pending, { to: 'pending' })).message).toMatch(/cannot change a pending milestone to pending/);
    const met = { status: 'met' as const, due: '2024-12-31', evidenceUrl: 'https://x.example/e' };
    expect(refusal(() => checkStatusChange(met, { to: 'claimed' })).message).toMatch(/cannot change a met milestone to claimed \(allowed: pending\)/);
    expect(checkStatusChange(met, { to: 'pending' })).toEqual({ status: 'pending', due: '2024-12-31', evidenceUrl: null });
  });
});
