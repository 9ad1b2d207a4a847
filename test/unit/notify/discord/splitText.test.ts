import { describe, expect, it } from 'vitest';
import { splitText } from '../../../../src/notify/discord/splitText.ts';

const squash = (text: string): string => text.replace(/\s+/g, '');

describe('splitText', () => {
  it('returns a text that fits as one chunk', () => {
    expect(splitText('在2024年年底前', 4096, 4096)).toEqual(['在2024年年底前']);
  });

  it('cuts Chinese text after a full stop, every chunk within its limit and nothing lost', () => {
    const sentence = '政府會在2024年年底前公布北部都會區的發展詳情。'; // 24 characters
    const text = sentence.repeat(10);
    const chunks = splitText(text, 100, 100);
    expect(chunks.length).toBeGreaterThan(2);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(100);
      expect(chunk.endsWith('。')).toBe(true);
    }
    expect(chunks.join('')).toBe(text);
  });

  it('prefers a blank line, then a line break, then a space', () => {
    const text = `${'a'.repeat(70)}\n\n${'b'.repeat(20)}\n${'c'.repeat(30)}`;
    expect(splitText(text, 100, 100)).toEqual(['a'.repeat(70), `${'b'.repeat(20)}\n${'c'.repeat(30)}`]);
    const words = `${'word '.repeat(30)}end`;
    const chunks = splitText(words, 50, 50);
    expect(chunks.every((chunk) => chunk.length <= 50 && !chunk.startsWith(' ') && !chunk.endsWith(' '))).toBe(true);
    expect(chunks.join(' ')).toBe(words);
  });

  it('cuts hard where there is no natural place, keeping surrogate pairs whole', () => {
    expect(splitText('x'.repeat(250), 100, 100)).toEqual(['x'.repeat(100), 'x'.repeat(100), 'x'.repeat(50)]);
    const emoji = '😀'.repeat(60); // 120 units
    const chunks = splitText(emoji, 51, 51);
    expect(chunks.every((chunk) => chunk.length <= 51 && !/[\ud800-\udbff]$/.test(chunk))).toBe(true);
    expect(chunks.join('')).toBe(emoji);
  });

  it('takes a different limit for the first chunk, which may be empty', () => {
    const text = 'y'.repeat(30);
    expect(splitText(text, 10, 25)).toEqual(['y'.repeat(10), 'y'.repeat(20)]);
    expect(splitText(text, 0, 25)).toEqual(['', 'y'.repeat(25), 'y'.repeat(5)]);
    expect(squash(splitText(text, 0, 25).join(''))).toBe(text);
  });
});
