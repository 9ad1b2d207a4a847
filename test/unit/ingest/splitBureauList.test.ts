import { describe, it, expect } from 'vitest';
import { isBureauList, splitBureauList } from '../../../src/ingest/splitBureauList.ts';

describe('splitBureauList', () => {
  it.each<[string, string[], boolean]>([
    ['發展局', ['DEVB'], false],
    ['發展局、創新科技及工業局', ['DEVB', 'ITIB'], false],
    ['創新科技及工業局、相關政策局', ['ITIB'], true],
    ['政制及內地事務局、相關政策局', ['CMAB'], true],
    ['醫務衛生局', ['HHB'], false],
    ['DEVB', ['DEVB'], false],
    ['DEVB, ITIB', ['DEVB', 'ITIB'], false],
    ['DEVB and relevant bureaux', ['DEVB'], true],
    ['Innovation, Technology and Industry Bureau and relevant bureaux', ['ITIB'], true],
    ['Development Bureau, Innovation, Technology and Industry Bureau', ['DEVB', 'ITIB'], false],
    ['Innovation, Technology and Industry Bureau, Development Bureau', ['ITIB', 'DEVB'], false],
    ['Financial Services and the Treasury Bureau and Commerce and Economic Development Bureau', ['FSTB', 'CEDB'], false],
    ['the Development Bureau', ['DEVB'], false],
    ['DEVB, DEVB', ['DEVB'], false],
  ])('%s', (content, bureaus, relevant) => {
    expect(splitBureauList(content)).toEqual({ bureaus, unknown: [], withRelevantBureaux: relevant });
  });

  it('keeps unknown names as written, between known ones', () => {
    expect(splitBureauList('醫務衞生局、漁農自然護理署')).toEqual({
      bureaus: ['HHB', '漁農自然護理署'],
      unknown: ['漁農自然護理署'],
      withRelevantBureaux: false,
    });
    expect(splitBureauList('Agriculture, Fisheries and Conservation Department, DEVB').bureaus).toEqual([
      'Agriculture, Fisheries and Conservation Department',
      'DEVB',
    ]);
    expect(splitBureauList('Lands Department, Planning Department and DEVB').unknown).toEqual([
      'Lands Department',
      'Planning Department',
    ]);
  });

  it('returns lists the caller may change', () => {
    splitBureauList('發展局').bureaus.push('X');
    expect(splitBureauList('發展局').bureaus).toEqual(['DEVB']);
  });

  it.each<[string, string[], boolean]>([
    ['政務司司長辦公室/勞工及福利局', ['CSO', 'LWB'], false],
    ['政務司副司長辦公室／相關政策局', ['DSO'], true],
    ['相關政策局/發展局', ['DEVB'], true],
    ['發展局，房屋局', ['DEVB', 'HB'], false],
    ['CSO/LWB', ['CSO', 'LWB'], false],
    ['DSO/relevant bureaux', ['DSO'], true],
    ['CMAB, relevant bureaux', ['CMAB'], true],
  ])('indicator-list form %s', (content, bureaus, relevant) => {
    expect(splitBureauList(content)).toEqual({ bureaus, unknown: [], withRelevantBureaux: relevant });
  });
});

describe('isBureauList', () => {
  it.each(['發展局', 'DEVB, ITIB', '相關政策局', '發展局、2025年', '漁農自然護理署', 'Lands Department', 'HKMA', '房委會'])(
    'takes %j for a list of bureaux',
    (content) => {
      expect(isBureauList(content)).toBe(true);
    },
  );

  it.each(['當中逾 90% 位於北部都會區', '2023-24 至 2032-33 年度', '大灣區', 'the Hong Kong Park', '內地、香港', '即「一試多證」', ''])(
    'takes %j for text',
    (content) => {
      expect(isBureauList(content)).toBe(false);
    },
  );
});
