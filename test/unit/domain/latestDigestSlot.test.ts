import { describe, expect, it } from 'vitest';
import { isoWeekday, isoWeekOf, startOfIsoWeek } from '../../../src/domain/isoWeek.ts';
import { latestDigestSlot, previousDigestSlot } from '../../../src/domain/latestDigestSlot.ts';
import { resolveDigestSchedule, type DigestSchedule } from '../../../src/domain/resolveDigestSchedule.ts';

const hk = (local: string): Date => new Date(`${local}+08:00`);
const monday: DigestSchedule = { day: 'mon', time: '09:00', timezone: 'Asia/Hong_Kong' };

describe('ISO weeks', () => {
  it.each([
    ['2024-12-23', '2024-W52'],
    ['2024-12-29', '2024-W52'],
    ['2024-12-30', '2025-W01'], // the week of 2025's first Thursday
    ['2025-01-05', '2025-W01'],
    ['2021-01-03', '2020-W53'], // a Sunday still in 2020's 53rd week
    ['2020-12-31', '2020-W53'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-02-29', '2024-W09'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('weekdays and week starts', () => {
    expect(isoWeekday('2024-12-23')).toBe(1);
    expect(isoWeekday('2024-12-29')).toBe(7);
    expect(isoWeekday('1969-12-31')).toBe(3);
    expect(startOfIsoWeek('2025-01-01')).toBe('2024-12-30');
    expect(startOfIsoWeek('2024-12-23')).toBe('2024-12-23');
  });
});

describe('latestDigestSlot', () => {
  it('is this week\'s slot once it has passed, last week\'s before', () => {
    expect(latestDigestSlot(hk('2024-12-23T09:00:00'), monday)).toEqual({
      at: hk('2024-12-23T09:00:00'),
      date: '2024-12-23',
      week: '2024-W52',
      previousAt: hk('2024-12-16T09:00:00'),
    });
    expect(latestDigestSlot(hk('2024-12-23T08:59:59'), monday).date).toBe('2024-12-16');
    expect(latestDigestSlot(hk('2024-12-29T23:59:00'), monday).date).toBe('2024-12-23');
    expect(latestDigestSlot(hk('2024-12-30T09:00:00'), monday).week).toBe('2025-W01');
  });

  it('follows the subscription\'s own day, time and zone', () => {
    const friday: DigestSchedule = { day: 'fri', time: '17:30', timezone: 'Asia/Hong_Kong' };
    expect(latestDigestSlot(hk('2024-12-23T09:00:00'), friday).at).toEqual(hk('2024-12-20T17:30:00'));
    const sunday: DigestSchedule = { day: 'sun', time: '20:00', timezone: 'Asia/Hong_Kong' };
    expect(latestDigestSlot(hk('2024-12-30T00:00:00'), sunday)).toMatchObject({ date: '2024-12-29', week: '2024-W52' });
    const london: DigestSchedule = { day: 'mon', time: '09:00', timezone: 'Europe/London' };
    expect(latestDigestSlot(hk('2024-12-23T16:59:00'), london).date).toBe('2024-12-16');
    expect(latestDigestSlot(hk('2024-12-23T17:00:00'), london).at).toEqual(new Date('2024-12-23T09:00:00Z'));
  });

  it('keeps the local time across a daylight-saving change', () => {
    const london: DigestSchedule = { day: 'mon', time: '09:00', timezone: 'Europe/London' };
    const slot = latestDigestSlot(new Date('2025-03-31T12:00:00Z'), london); // BST began on 2025-03-30
    expect(slot.at).toEqual(new Date('2025-03-31T08:00:00Z'));
    expect(slot.previousAt).toEqual(new Date('2025-03-24T09:00:00Z'));
  });

  it('previousDigestSlot is strictly before the instant', () => {
    expect(previousDigestSlot(hk('2024-12-23T09:00:00'), monday).at).toEqual(hk('2024-12-16T09:00:00'));
    expect(previousDigestSlot(hk('2024-12-23T09:00:01'), monday).at).toEqual(hk('2024-12-23T09:00:00'));
    expect(previousDigestSlot(hk('2024-12-25T12:00:00'), monday).at).toEqual(hk('2024-12-23T09:00:00'));
  });
});

describe('resolveDigestSchedule', () => {
  it('takes the subscription\'s choices and falls back, reporting what was unusable', () => {
    expect(resolveDigestSchedule({ digestDay: null, digestTime: null, timezone: null }, monday)).toEqual({ schedule: monday, invalid: [] });
    expect(resolveDigestSchedule({ digestDay: 'FRI', digestTime: '18:00', timezone: 'Europe/London' }, monday)).toEqual({
      schedule: { day: 'fri', time: '18:00', timezone: 'Europe/London' },
      invalid: [],
    });
    expect(resolveDigestSchedule({ digestDay: 'friday', digestTime: '25:00', timezone: 'Mars/Olympus' }, monday)).toEqual({
      schedule: monday,
      invalid: ['digest_day', 'digest_time', 'timezone'],
    });
  });
});
