import { describe, it, expect } from 'vitest';
import { splitBureauList } from '../../../src/ingest/splitBureauList.ts';

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
});
