import { describe, it, expect } from 'vitest';
import { addCalendarMonths, formatEndOfMonth, parseCalendarDate } from '../../../src/domain/calendarDate.ts';
import { parseChineseNumber } from '../../../src/domain/chineseNumerals.ts';

describe('calendar dates', () => {
  it('parses only real YYYY-MM-DD dates', () => {
    expect(parseCalendarDate('2024-10-16')).toEqual({ year: 2024, month: 10, day: 16 });
    expect(parseCalendarDate('2024-02-29')).not.toBeNull();
    expect(parseCalendarDate('2023-02-29')).toBeNull();
    expect(parseCalendarDate('2024-13-01')).toBeNull();
    expect(parseCalendarDate('16/10/2024')).toBeNull();
  });

  it('finds month ends, leap years included', () => {
    expect(formatEndOfMonth(2025, 2)).toBe('2025-02-28');
    expect(formatEndOfMonth(2028, 2)).toBe('2028-02-29');
    expect(formatEndOfMonth(2100, 2)).toBe('2100-02-28');
    expect(formatEndOfMonth(2025, 6)).toBe('2025-06-30');
  });

  it('adds months keeping the day, clamped to the month end', () => {
    expect(addCalendarMonths({ year: 2024, month: 10, day: 16 }, 60)).toBe('2029-10-16');
    expect(addCalendarMonths({ year: 2024, month: 1, day: 31 }, 1)).toBe('2024-02-29');
    expect(addCalendarMonths({ year: 2024, month: 11, day: 30 }, 3)).toBe('2025-02-28');
  });
});

describe('parseChineseNumber', () => {
  it.each<[string, number | null]>([
    ['2025', 2025],
    ['二〇二五', 2025],
    ['二零二五', 2025],
    ['二○二五', 2025],
    ['五', 5],
    ['兩', 2],
    ['十', 10],
    ['十二', 12],
    ['二十九', 29],
    ['三十一', 31],
    ['', null],
    ['年', null],
    ['十十', null],
  ])('%s -> %s', (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });
});
