import { describe, expect, it } from 'vitest';
import { measureTextSimilarity, normalizeForSimilarity } from '../../../src/domain/textSimilarity.ts';
import { CARRY_OVER_THRESHOLD } from '../../../src/services/linkCarriedOverCommitments.ts';

describe('character n-gram similarity', () => {
  it('ignores dates, numbers, the bureau in brackets, punctuation and spaces', () => {
    expect(normalizeForSimilarity('在2024年年底前公布建議。(發展局)')).toBe('在年年底前公布建議');
    expect(measureTextSimilarity('在2024年年底前公布牛潭尾一帶的初步發展建議。(發展局)', '在2025年年底前公布牛潭尾一帶的初步發展建議。（發展局）')).toBe(1);
  });

  it('a restatement with an added clause stays above the threshold; a shared place name with another task stays below', () => {
    const old = '在2025年展開興建大型建設計劃展覽館的工程。(發展局)';
    const restated = '在2026年展開興建大型建設計劃展覽館的主體工程，展示本港基建發展成果。(發展局)';
    const samePlace = '在2026年年中完成牛潭尾及馬草壟一帶的道路工程可行性研究。(發展局)';
    const placeOrigin = '在2024年年底前公布牛潭尾、新界北新市鎮及馬草壟一帶的初步發展建議。(發展局)';
    expect(measureTextSimilarity(old, restated)).toBeGreaterThan(CARRY_OVER_THRESHOLD);
    expect(measureTextSimilarity(placeOrigin, samePlace)).toBeLessThan(CARRY_OVER_THRESHOLD);
  });

  it('works for English too, without relying on word boundaries', () => {
    const a = 'Announce by end-2024 the preliminary development proposals for Ngau Tam Mei. (DEVB)';
    const b = 'Announce by end-2025 the preliminary development proposals for Ngau Tam Mei. (DEVB)';
    const c = 'Complete the road works study for Ngau Tam Mei by mid-2026. (DEVB)';
    expect(measureTextSimilarity(a, b)).toBe(1);
    expect(measureTextSimilarity(a, c)).toBeLessThan(CARRY_OVER_THRESHOLD);
    expect(measureTextSimilarity('', a)).toBe(0);
  });
});
