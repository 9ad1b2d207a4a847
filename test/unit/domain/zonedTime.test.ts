import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLocalTime, isTimeZone, offsetAt, toInstant, toLocalDate } from '../../../src/domain/zonedTime.ts';

const HOUR = 3_600_000;

describe('toInstant', () => {
  it('keeps Hong Kong (no daylight saving) at UTC+8 all year', () => {
    expect(toInstant('2024-12-24', '09:00', 'Asia/Hong_Kong').toISOString()).toBe('2024-12-24T01:00:00.000Z');
    expect(toInstant('2024-03-10', '02:30', 'Asia/Hong_Kong').toISOString()).toBe('2024-03-09T18:30:00.000Z');
    expect(toInstant('2024-07-01', '00:00', 'Asia/Hong_Kong').toISOString()).toBe('2024-06-30T16:00:00.000Z');
  });

  it('moves a New York time in the spring-forward gap forward by the gap', () => {
    // 2024-03-10 02:00 EST → 03:00 EDT: 02:30 does not exist and becomes 03:30 EDT.
    expect(toInstant('2024-03-10', '02:30', 'America/New_York').toISOString()).toBe('2024-03-10T07:30:00.000Z');
    expect(toInstant('2024-03-10', '01:59', 'America/New_York').toISOString()).toBe('2024-03-10T06:59:00.000Z');
    expect(toInstant('2024-03-10', '03:00', 'America/New_York').toISOString()).toBe('2024-03-10T07:00:00.000Z');
  });

  it('takes the earlier of the two New York instants in the fall-back overlap', () => {
    // 2024-11-03 02:00 EDT → 01:00 EST: 01:30 happens twice; the EDT one comes first.
    expect(toInstant('2024-11-03', '01:30', 'America/New_York').toISOString()).toBe('2024-11-03T05:30:00.000Z');
    expect(toInstant('2024-11-03', '02:00', 'America/New_York').toISOString()).toBe('2024-11-03T07:00:00.000Z');
    expect(toInstant('2024-11-03', '00:59', 'America/New_York').toISOString()).toBe('2024-11-03T04:59:00.000Z');
  });

  it('moves a London time in the spring-forward gap forward by the gap', () => {
    // 2024-03-31 01:00 GMT → 02:00 BST.
    expect(toInstant('2024-03-31', '01:30', 'Europe/London').toISOString()).toBe('2024-03-31T01:30:00.000Z');
    expect(toInstant('2024-03-31', '00:30', 'Europe/London').toISOString()).toBe('2024-03-31T00:30:00.000Z');
    expect(toInstant('2024-03-31', '09:00', 'Europe/London').toISOString()).toBe('2024-03-31T08:00:00.000Z');
  });

  it('takes the earlier of the two London instants in the fall-back overlap', () => {
    // 2024-10-27 02:00 BST → 01:00 GMT.
    expect(toInstant('2024-10-27', '01:30', 'Europe/London').toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(toInstant('2024-10-27', '02:00', 'Europe/London').toISOString()).toBe('2024-10-27T02:00:00.000Z');
    expect(toInstant('2024-10-27', '09:00', 'Europe/London').toISOString()).toBe('2024-10-27T09:00:00.000Z');
  });

  it('answers the same from the cache as on the first call', () => {
    const first = toInstant('2024-03-10', '02:30', 'America/New_York').getTime();
    expect(toInstant('2024-03-10', '02:30', 'America/New_York').getTime()).toBe(first);
  });
});

describe('toLocalDate and offsetAt', () => {
  it('reads the date and offset on both sides of New York transitions', () => {
    expect(offsetAt(new Date('2024-03-10T06:59:00Z'), 'America/New_York')).toBe(-5 * HOUR);
    expect(offsetAt(new Date('2024-03-10T07:00:00Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(offsetAt(new Date('2024-11-03T05:59:00Z'), 'America/New_York')).toBe(-4 * HOUR);
    expect(offsetAt(new Date('2024-11-03T06:00:00Z'), 'America/New_York')).toBe(-5 * HOUR);
    expect(toLocalDate(new Date('2024-11-03T04:30:00Z'), 'America/New_York')).toBe('2024-11-03');
    expect(toLocalDate(new Date('2024-11-03T03:30:00Z'), 'America/New_York')).toBe('2024-11-02');
  });

  it('reads the date and offset on both sides of London transitions', () => {
    expect(offsetAt(new Date('2024-03-31T00:59:00Z'), 'Europe/London')).toBe(0);
    expect(offsetAt(new Date('2024-03-31T01:00:00Z'), 'Europe/London')).toBe(HOUR);
    expect(offsetAt(new Date('2024-10-27T00:59:00Z'), 'Europe/London')).toBe(HOUR);
    expect(offsetAt(new Date('2024-10-27T01:00:00Z'), 'Europe/London')).toBe(0);
    expect(toLocalDate(new Date('2024-06-30T23:30:00Z'), 'Europe/London')).toBe('2024-07-01');
  });

  it('reads Hong Kong dates at UTC+8', () => {
    expect(offsetAt(new Date('2024-03-10T07:00:00Z'), 'Asia/Hong_Kong')).toBe(8 * HOUR);
    expect(toLocalDate(new Date('2024-12-31T15:59:59Z'), 'Asia/Hong_Kong')).toBe('2024-12-31');
    expect(toLocalDate(new Date('2024-12-31T16:00:00Z'), 'Asia/Hong_Kong')).toBe('2025-01-01');
  });
});

describe('validation and date arithmetic', () => {
  it('knows IANA zones and HH:MM times', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isLocalTime('09:00')).toBe(true);
    expect(isLocalTime('24:00')).toBe(false);
  });

  it('counts days across a daylight-saving change as calendar days', () => {
    expect(addDays('2024-03-09', 2)).toBe('2024-03-11');
    expect(daysBetween('2024-10-26', '2024-10-28')).toBe(2);
    expect(daysBetween('2024-12-31', '2024-12-24')).toBe(-7);
  });
});
