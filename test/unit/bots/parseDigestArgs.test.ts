import { describe, expect, it } from 'vitest';
import { describeDigestSchedule } from '../../../src/bots/describeDigestSchedule.ts';
import { parseDigestArgs } from '../../../src/bots/parseDigestArgs.ts';
import { parseTimeOfDay } from '../../../src/bots/parseTimeOfDay.ts';
import { parseWeekday } from '../../../src/bots/parseWeekday.ts';

describe('parseWeekday and parseTimeOfDay', () => {
  it('reads weekdays in English and Chinese, in any case', () => {
    expect(['mon', 'MON', 'Monday', 'tues', 'Thurs', 'SUNDAY', 'sat.'].map(parseWeekday)).toEqual(['mon', 'mon', 'mon', 'tue', 'thu', 'sun', 'sat']);
    expect(['一', '星期一', '週三', '周五', '禮拜六', '日', '星期日', '星期天', '星期ㄧ'].map(parseWeekday)).toEqual(['mon', 'mon', 'wed', 'fri', 'sat', 'sun', 'sun', 'sun', null]);
    expect(['', 'mo', 'funday', '天', '星期八', '09:00'].map(parseWeekday)).toEqual([null, null, null, null, null, null]);
  });

  it('reads 24-hour times as HH:MM', () => {
    expect(['09:00', '9:00', '23:59', '00:00', '０９：３０'].map(parseTimeOfDay)).toEqual(['09:00', '09:00', '23:59', '00:00', '09:30']);
    expect(['24:00', '9:60', '9', '0900', '9am', '9:0'].map(parseTimeOfDay)).toEqual([null, null, null, null, null, null]);
  });
});

describe('parseDigestArgs', () => {
  it('reads on with an optional day and time in either order, off, skip-empty and preview', () => {
    expect(parseDigestArgs('on')).toEqual({ action: 'on', day: null, time: null });
    expect(parseDigestArgs('on mon 09:00')).toEqual({ action: 'on', day: 'mon', time: '09:00' });
    expect(parseDigestArgs('開 18:30 星期 三')).toEqual({ action: 'on', day: 'wed', time: '18:30' });
    expect(parseDigestArgs('ON Friday')).toEqual({ action: 'on', day: 'fri', time: null });
    expect(parseDigestArgs('off')).toEqual({ action: 'off' });
    expect(parseDigestArgs('skip-empty on')).toEqual({ action: 'skipEmpty', skip: true });
    expect(parseDigestArgs('Skip_Empty 關')).toEqual({ action: 'skipEmpty', skip: false });
    expect(parseDigestArgs(' preview ')).toEqual({ action: 'preview' });
    expect(parseDigestArgs('預覽')).toEqual({ action: 'preview' });
  });

  it('names the word that is neither a day nor a time, and rejects the rest', () => {
    expect(parseDigestArgs('on someday')).toEqual({ action: 'invalid', word: 'someday' });
    expect(parseDigestArgs('on mon 25:00')).toEqual({ action: 'invalid', word: '25:00' });
    expect(parseDigestArgs('on mon tue')).toEqual({ action: 'invalid', word: 'tue' });
    for (const text of ['', 'sometimes', 'off mon', 'skip-empty', 'skip-empty maybe', 'preview now']) {
      expect(parseDigestArgs(text)).toEqual({ action: 'invalid', word: null });
    }
  });

  it('says when a digest comes', () => {
    const schedule = { day: 'wed', time: '18:30', timezone: 'Asia/Hong_Kong' } as const;
    expect(describeDigestSchedule(schedule, 'zh-HK')).toBe('逢星期三 18:30（Asia/Hong_Kong）');
    expect(describeDigestSchedule(schedule, 'en')).toBe('every Wednesday at 18:30 (Asia/Hong_Kong)');
  });
});
