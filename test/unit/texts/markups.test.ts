import { describe, expect, it } from 'vitest';
import { createSay } from '../../../src/texts/createSay.ts';
import { DISCORD_MARKDOWN, PLAIN_TEXT, TELEGRAM_HTML } from '../../../src/texts/markups.ts';

const hostile = 'a <b>bold</b> & <code>x</code> &lt;';

describe('the channel markups', () => {
  it('Telegram: values are escaped, the catalog tags kept', () => {
    const say = createSay('en', TELEGRAM_HTML, { channel: 'telegram' });
    expect(say('notFound', { ref: hostile })).toBe('No commitment a &lt;b&gt;bold&lt;/b&gt; &amp; &lt;code&gt;x&lt;/code&gt; &amp;lt;.');
    expect(say('reviewHeading', { count: 3 })).toBe('<b>Proposals waiting: 3</b>');
  });

  it('Discord: tags become markdown, values come back as given', () => {
    const say = createSay('en', DISCORD_MARKDOWN, { channel: 'discord' });
    expect(say('reviewHeading', { count: 3 })).toBe('**Proposals waiting: 3**');
    expect(say('digestPreviewHeading')).toBe('*Preview: the weekly digest this channel would get now*');
    expect(say('statusRecorded', { ref: 'R', from: 'a', to: 'b', due: null, dated: false })).toBe('Recorded `R`: a → b.');
    expect(say('notFound', { ref: hostile })).toBe(`No commitment ${hostile}.`);
  });

  it('Discord: the catalog’s entities are characters again', () => {
    const say = createSay('en', DISCORD_MARKDOWN, { channel: 'discord' });
    const item = { id: 7, ref: 'R', status: 'met', url: 'https://x.example/?a=1&b=2', proposer: 'p', others: 0, note: null, due: 'd', current: 'c', noted: false };
    expect(say('reviewItem', item)).toBe('#7 `R` → **met** (now: c, due d)\nSource: <https://x.example/?a=1&b=2>\nBy: p');
  });

  it('plain text: tags dropped, values as given', () => {
    expect(PLAIN_TEXT.render(`<b>Due</b> ${PLAIN_TEXT.escape(hostile)}`)).toBe(`Due ${hostile}`);
    expect(DISCORD_MARKDOWN.render(`<i>x</i> ${DISCORD_MARKDOWN.escape(hostile)}`)).toBe(`*x* ${hostile}`);
    expect(TELEGRAM_HTML.escape('<&>')).toBe('&lt;&amp;&gt;');
  });
});
