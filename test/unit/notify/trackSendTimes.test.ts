import { describe, expect, it } from 'vitest';
import { computeLeaseMargin, trackSendTimes } from '../../../src/notify/trackSendTimes.ts';

describe('trackSendTimes', () => {
  it('reports the slowest of the last 32 sends, forgetting older ones', () => {
    const times = trackSendTimes();
    expect(times.slowest()).toBe(0);
    times.observe(900);
    for (let i = 0; i < 31; i++) times.observe(100);
    expect(times.slowest()).toBe(900);
    times.observe(120);
    expect(times.slowest()).toBe(120);
  });
});

describe('computeLeaseMargin', () => {
  it('keeps twice the slowest send, between a quarter (10 s at most) and half of the lease', () => {
    expect(computeLeaseMargin(5_000, 0)).toBe(1_250);
    expect(computeLeaseMargin(5_000, 1_000)).toBe(2_000);
    expect(computeLeaseMargin(5_000, 1_500)).toBe(2_500);
    expect(computeLeaseMargin(60_000, 200)).toBe(10_000);
    expect(computeLeaseMargin(60_000, 8_000)).toBe(16_000);
  });
});
