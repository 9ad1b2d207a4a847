import { describe, expect, it } from 'vitest';
import { formatBureauNames } from '../../../src/bots/formatBureauNames.ts';
import { formatDueLine } from '../../../src/bots/formatDueLine.ts';
import { parseBureauList } from '../../../src/bots/parseBureauList.ts';
import { parseDueListArgs } from '../../../src/bots/parseDueListArgs.ts';
import { parseLanguageArgument } from '../../../src/bots/parseLanguageArgument.ts';
import { parseMuteArgument } from '../../../src/bots/parseMuteArgument.ts';
import { parseSwitch } from '../../../src/bots/parseSwitch.ts';

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
