import { describe, expect, it } from 'vitest';
import { formatMessage, hasMessage } from '../../../src/texts/formatMessage.ts';

describe('formatMessage', () => {
  it('places values without Unicode isolation marks', () => {
    const text = formatMessage('en', 'notFound', { ref: 'PA2024-7-03' });
    expect(text).toBe('No commitment PA2024-7-03.');
    expect(text).not.toMatch(/[\u2068\u2069]/);
  });

  it('prints numbers without grouping, as plain template strings did', () => {
    expect(formatMessage('en', 'more', { count: 12345 })).toBe('…and 12345 more');
    expect(formatMessage('zh-HK', 'more', { count: 12345 })).toBe('……還有12345項');
  });

  it('selects on numbers, booleans and the channel', () => {
    expect(formatMessage('en', 'web-daysLeft', { n: 1 })).toBe('1 day left');
    expect(formatMessage('en', 'web-daysLeft', { n: 2 })).toBe('2 days left');
    expect(formatMessage('en', 'digestSkipEmpty', { channel: 'telegram', skip: true })).toBe('Weekly digests with nothing in them are now skipped.');
    expect(formatMessage('en', 'digestSkipEmpty', { channel: 'discord', skip: false })).toBe(
      'Weekly digests now come to this channel even when there is nothing in them.',
    );
    expect(formatMessage('zh-HK', 'everythingOff', { channel: 'discord' })).toContain('本頻道不會再收到任何訊息');
  });

  it('reads attributes, and refuses a missing message or variable', () => {
    expect(formatMessage('en', 'telegram-command-mute', {}, 'example')).toBe('/mute 7');
    expect(hasMessage('en', 'telegram-command-help', 'example')).toBe(false);
    expect(() => formatMessage('en', 'no-such-message')).toThrow(/No message no-such-message/);
    expect(() => formatMessage('en', 'notFound')).toThrow(/ref/);
  });
});
