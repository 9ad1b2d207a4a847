import { describe, it, expect } from 'vitest';
import { BUREAUS, findBureau, normaliseBureauName } from '../../../src/domain/bureaus.ts';

describe('BUREAUS', () => {
  it('lists the 20 bureaux and offices, no name shared by two of them', () => {
    expect(BUREAUS).toHaveLength(20);
    const owner = new Map<string, string>();
    for (const b of BUREAUS) {
      for (const key of [b.code, b.zh, b.en, ...b.aliases].map(normaliseBureauName)) {
        expect(owner.get(key) ?? b.code, key).toBe(b.code);
        owner.set(key, b.code);
      }
    }
  });

  it('has the codes the extractor and bots use', () => {
    expect(BUREAUS.map((b) => b.code)).toEqual([
      'CMAB', 'CSTB', 'CEDB', 'CSB', 'DEVB', 'EDB', 'EEB', 'FSTB', 'HHB', 'HYAB', 'HB', 'ITIB', 'LWB', 'SB', 'TLB',
      'DoJ', 'CSO', 'DSO', 'FSO', 'DPO',
    ]);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(BUREAUS)).toBe(true);
    expect(Object.isFrozen(BUREAUS[0])).toBe(true);
  });
});

describe('findBureau', () => {
  it.each([
    ['DEVB', 'DEVB'],
    ['devb', 'DEVB'],
    [' Devb ', 'DEVB'],
    ['ＤＥＶＢ', 'DEVB'],
    ['doj', 'DoJ'],
    ['DOJ', 'DoJ'],
    ['發展局', 'DEVB'],
    [' 發展局　', 'DEVB'],
    ['醫務衞生局', 'HHB'],
    ['醫務衛生局', 'HHB'],
    ['政制及内地事務局', 'CMAB'],
    ['Development Bureau', 'DEVB'],
    ['development   bureau', 'DEVB'],
    ['the Development Bureau', 'DEVB'],
    ['The  development bureau', 'DEVB'],
    ['Innovation, Technology and Industry Bureau', 'ITIB'],
    ['innovation technology and industry bureau', 'ITIB'],
    ['Financial Services and the Treasury Bureau', 'FSTB'],
    ["Chief Secretary for Administration's Office", 'CSO'],
    ['Chief Secretary for Administration’s Office', 'CSO'],
    ['Office of the Financial Secretary', 'FSO'],
    ['政務司司長辦公室', 'CSO'],
    ['政務司副司長辦公室', 'DSO'],
    ['DSO', 'DSO'],
    ["Deputy Chief Secretary for Administration's Office", 'DSO'],
    ['財政司司長辦公室', 'FSO'],
    ['CSO', 'CSO'],
    ['Department of Justice', 'DoJ'],
    ['律政司', 'DoJ'],
    ['數字政策辦公室', 'DPO'],
    ['Digital Policy Office', 'DPO'],
    ['Culture, Sports and Tourism Bureau', 'CSTB'],
    ['HB', 'HB'],
    ['Housing Bureau', 'HB'],
    ['Health Bureau', 'HHB'],
  ])('finds %s as %s', (name, code) => {
    expect(findBureau(name)?.code).toBe(code);
  });

  it('finds every entry by each of its names', () => {
    for (const bureau of BUREAUS) {
      for (const name of [bureau.code, bureau.zh, bureau.en, ...bureau.aliases]) {
        expect(findBureau(name)).toBe(bureau);
      }
    }
  });

  it.each(['', '   ', 'Bureau', '局', 'Lands Department', '相關政策局', 'relevant bureaux', 'DEVBX'])(
    'does not find %j',
    (name) => {
      expect(findBureau(name)).toBeUndefined();
    },
  );
});
