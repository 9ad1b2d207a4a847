import { describe, it, expect } from 'vitest';
import { reviewDeadlines } from '../../../src/domain/reviewDeadlines.ts';

const zh = (text: string, published: string | null = '2022-10-19') =>
  reviewDeadlines(text, { published, language: 'zh-Hant' }).map((n) => [n.kind, n.words]);
const en = (text: string, published: string | null = '2024-10-16') =>
  reviewDeadlines(text, { published, language: 'en' }).map((n) => [n.kind, n.words]);

describe('reviewDeadlines', () => {
  it('lists nothing for dates it placed, history, horizons and dates before publication', () => {
    expect(zh('在2024年年底前公布建議，並於 2023 年中完成檢討。')).toEqual([]);
    expect(zh('已於2024年完成第一期工程。')).toEqual([]);
    expect(zh('每年公布未來十年可供發展土地的預測。')).toEqual([]);
    expect(zh('比過去5年(2017-18至2021-22年度)多四倍。')).toEqual([]);
    expect(zh('在2021年推出。')).toEqual([]);
    expect(en('The first phase was completed in 2023.')).toEqual([]);
  });

  it('lists a year without a deadline word as a date it could not place', () => {
    expect(zh('參考2025年的預測。')).toEqual([['unplaced-date', '2025年']]);
    expect(en('Adopt the 2025 targets.')).toEqual([['unplaced-date', '2025']]);
  });

  it('lists an impossible date', () => {
    expect(zh('在2025-27年度推出。')).toEqual([['unplaced-date', '在2025-27年度']]);
  });

  it('lists a year-like number in no phrase it knows', () => {
    expect(zh('配合2030願景推行。')).toEqual([['unplaced-date', '2030']]);
  });

  it('lists amounts and names read as non-dates beside date words', () => {
    expect(zh('在未來十年（2023-24 至 2032-33 年度）提供約 3,300 公頃土地。')).toEqual([['non-date-number', '3,300']]);
    expect(zh('於2025年提供2,025個名額。')).toEqual([['non-date-number', '2,025']]);
    expect(zh('在2025年或之前提供約 3 300 公頃土地。')).toEqual([['non-date-number', '3 300']]);
    expect(en('Support the 2030 Agenda in 2025.')).toEqual([['non-date-number', '2030']]);
  });

  it('leaves amounts far from date words, small numbers and frequencies alone', () => {
    expect(zh('提供2,025個名額。')).toEqual([]);
    expect(zh('上調津貼上限至每月12,000元。')).toEqual([]);
    expect(zh('於 2023 年底前消除至少 75% 的黑點。')).toEqual([]);
  });
});
