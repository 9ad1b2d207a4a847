import { describe, expect, it } from 'vitest';
import { shortenText, utf16Units } from '../../../src/domain/shortenText.ts';

/** Discord's limits count UTF-16 units. */
const truncateText = (text: string, limit: number): string => shortenText(text, limit, { measure: utf16Units });

describe('shortenText in UTF-16 units', () => {
  it('leaves a text that fits alone', () => {
    expect(truncateText('DEVB', 4)).toBe('DEVB');
    expect(truncateText('', 0)).toBe('');
  });

  it('cuts a longer text to the limit, marked with a final ellipsis', () => {
    const cut = truncateText('x'.repeat(1500), 1024);
    expect(cut).toHaveLength(1024);
    expect(cut.endsWith('x…')).toBe(true);
    expect(truncateText('abcdef', 1)).toBe('…');
  });

  it('never leaves half of a surrogate pair before the ellipsis', () => {
    const text = `ab😀cd`; // 😀 is two UTF-16 units at positions 2 and 3
    const cut = truncateText(text, 4);
    expect(cut).toBe('ab…');
    expect(cut.length).toBeLessThanOrEqual(4);
    expect(truncateText('ab😀cdef', 5)).toBe('ab😀…');
  });
});

describe('shortenText with other measures', () => {
  it('counts code points by default, and collapses whitespace when asked', () => {
    expect(shortenText('ab😀cd', 5)).toBe('ab😀cd');
    expect(shortenText('ab😀cdef', 5)).toBe('ab😀c…');
    expect(shortenText('  發展局\n\n將於  年底前 公布  ', 8, { collapseWhitespace: true })).toBe('發展局 將於…');
    expect(shortenText('a b', 3, { collapseWhitespace: true })).toBe('a b');
  });

  it('fits what a caller measures: escaped HTML length, terminal columns', () => {
    const escaped = (char: string) => (char === '&' ? 5 : 1);
    expect(shortenText('a&b', 7, { measure: escaped })).toBe('a&b');
    expect(shortenText('a&b&c', 8, { measure: escaped })).toBe('a&b…');
    const columns = (char: string) => (/[\u3400-\u9fff]/.test(char) ? 2 : 1);
    expect(shortenText('發展局公布', 6, { measure: columns })).toBe('發展…');
    expect(shortenText('發展局', 6, { measure: columns })).toBe('發展局');
  });
});
