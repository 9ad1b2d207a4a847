import { describe, expect, it } from 'vitest';
import { createClock, createFixedClock } from '../../src/clock.ts';

describe('createClock', () => {
  it('starts at the given instant and then advances in real time', () => {
    let real = 1_000_000;
    const clock = createClock(new Date('2024-12-01T09:00:00+08:00'), () => real);
    expect(clock.now().toISOString()).toBe('2024-12-01T01:00:00.000Z');
    real += 90_000;
    expect(clock.now().toISOString()).toBe('2024-12-01T01:01:30.000Z');
  });

  it('is the real time without a start instant', () => {
    const clock = createClock(null, () => 42);
    expect(clock.now().getTime()).toBe(42);
  });

  it('a fixed clock moves only when told', () => {
    const clock = createFixedClock('2024-12-24T09:00:00+08:00');
    expect(clock.now().toISOString()).toBe('2024-12-24T01:00:00.000Z');
    clock.advance(60_000);
    expect(clock.now().toISOString()).toBe('2024-12-24T01:01:00.000Z');
    clock.set('2025-01-01T00:00:00Z');
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});
