import { describe, expect, it } from 'vitest';
import { truncateText } from '../../../../src/notify/discord/truncateText.ts';

describe('truncateText', () => {
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
