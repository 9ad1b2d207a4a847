import { describe, expect, it } from 'vitest';
import { formatBureauNames } from '../../../src/bots/formatBureauNames.ts';
import { formatDueLine } from '../../../src/bots/formatDueLine.ts';
import { parseBureauList, parseDueListArgs, parseLanguageArgument, parseMuteArgument, parseSwitch, parseDigestArgs, parseTimeOfDay, parseWeekday } from '../../../src/bots/parseBotArguments.ts';
import { describeDigestSchedule } from '../../../src/bots/describeDigestSchedule.ts';

const codes = (text: string) => parseBureauList(text).bureaus.map((b) => b.code);

describe('parseBureauList', () => {
  it('reads codes, Chinese and English names in any case and separator', () => {
    expect(codes('devb')).toEqual(['DEVB']);
    expect(codes('發展局')).toEqual(['DEVB']);
    expect(codes('the development bureau, Education Bureau')).toEqual(['DEVB', 'EDB']);
    expect(codes('DEVB EEB hhb')).toEqual(['DEVB', 'EEB', 'HHB']);
    expect(codes('發展局、教育局，醫務衛生局')).toEqual(['DEVB', 'EDB', 'HHB']);
    expect(codes('Labour and Welfare Bureau and DEVB')).toEqual(['LWB', 'DEVB']);
    expect(codes('ＤＥＶＢ')).toEqual(['DEVB']);
  });

  it('splits Chinese names written together', () => {
    expect(codes('發展局教育局')).toEqual(['DEVB', 'EDB']);
    expect(codes('發展局及環境及生態局')).toEqual(['DEVB', 'EEB']);
  });

  it('recognises "all" and reports unknown words, each bureau once', () => {
    expect(parseBureauList('all')).toEqual({ all: true, bureaus: [], unknown: [] });
    expect(parseBureauList('全部').all).toBe(true);
    expect(parseBureauList('DEVB devb 發展局 Housing').unknown).toEqual(['Housing']);
    expect(codes('DEVB devb 發展局')).toEqual(['DEVB']);
    expect(parseBureauList('發展局 食物局').unknown).toEqual(['食物局']);
    expect(parseBureauList('')).toEqual({ all: false, bureaus: [], unknown: [] });
  });
});

describe('parseSwitch, parseMuteArgument, parseLanguageArgument', () => {
  it('reads on and off in both languages', () => {
    expect([parseSwitch('on'), parseSwitch('ON'), parseSwitch('開'), parseSwitch('off'), parseSwitch('關閉'), parseSwitch('maybe'), parseSwitch('')]).toEqual([
      true,
      true,
      true,
      false,
      false,
      null,
      null,
    ]);
  });

  it('reads a number of days or off', () => {
    expect(parseMuteArgument('7')).toEqual({ off: false, days: 7 });
    expect(parseMuteArgument('14 days')).toEqual({ off: false, days: 14 });
    expect(parseMuteArgument('3日')).toEqual({ off: false, days: 3 });
    expect(parseMuteArgument('off')).toEqual({ off: true });
    expect([parseMuteArgument('0'), parseMuteArgument('366'), parseMuteArgument('soon'), parseMuteArgument('')]).toEqual([{ off: true }, null, null, null]);
  });

  it('reads a language', () => {
    expect([parseLanguageArgument('zh'), parseLanguageArgument('中文'), parseLanguageArgument('EN'), parseLanguageArgument('fr')]).toEqual(['zh-HK', 'zh-HK', 'en', null]);
  });
});

describe('parseDueListArgs', () => {
  it('takes a number of days anywhere and a bureau list', () => {
    const parsed = parseDueListArgs('發展局 14', { allowDays: true });
    expect(parsed.ok && parsed.days).toBe(14);
    expect(parsed.ok && parsed.bureaus.bureaus.map((b) => b.code)).toEqual(['DEVB']);
    expect(parseDueListArgs('60 Development Bureau', { allowDays: true })).toMatchObject({ ok: true, days: 60 });
    expect(parseDueListArgs('', { allowDays: true })).toMatchObject({ ok: true, days: null, bureaus: { all: false, bureaus: [] } });
  });

  it('refuses bad days and unknown bureaux', () => {
    expect(parseDueListArgs('0', { allowDays: true })).toMatchObject({ ok: false, problem: 'days' });
    expect(parseDueListArgs('7 14', { allowDays: true })).toMatchObject({ ok: false, problem: 'days' });
    expect(parseDueListArgs('DEVB 7', { allowDays: false })).toMatchObject({ ok: false, problem: 'days' });
    expect(parseDueListArgs('Ministry', { allowDays: true })).toEqual({ ok: false, problem: 'bureau', unknown: ['Ministry'] });
  });
});

describe('formatBureauNames and formatDueLine', () => {
  it('names bureaux in the reader’s language', () => {
    expect(formatBureauNames(['DEVB', 'ITIB'], 'zh-HK')).toBe('發展局、創新科技及工業局');
    expect(formatBureauNames(['DEVB', 'XYZ'], 'en', true)).toBe('Development Bureau, XYZ and relevant bureaux');
  });

  it('formats a due line', () => {
    const input = { ref: 'PA2024-7-01', seq: 2, due: '2025-06-30', kind: 'deadline' as const, daysLeft: -3, status: 'pending' as const };
    expect(formatDueLine(input, 'zh-HK')).toEqual({ ref: 'PA2024-7-01/2', when: '期限 2025-06-30（已逾期3日）', status: '未完成' });
    expect(formatDueLine({ ...input, seq: 1, kind: 'start', daysLeft: 1 }, 'en')).toEqual({ ref: 'PA2024-7-01', when: 'Starts 2025-06-30 (1 day left)', status: 'pending' });
  });
});

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
