import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeHtmlAttribute, formatHtmlLink } from '../../../../src/notify/telegram/escapeHtml.ts';
import { findHtmlProblem } from './checkTelegramHtml.ts';

describe('escapeHtml', () => {
  it('escapes the three characters Telegram parses, and nothing else', () => {
    expect(escapeHtml('A&B <b>x</b> > 5 "q" \'s 發展局')).toBe('A&amp;B &lt;b&gt;x&lt;/b&gt; &gt; 5 "q" \'s 發展局');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('escapes quotes inside attributes', () => {
    expect(escapeHtmlAttribute('https://x.hk/?a=1&b="2"')).toBe('https://x.hk/?a=1&amp;b=&quot;2&quot;');
  });

  it('links only http(s) URLs and escapes label and URL', () => {
    expect(formatHtmlLink('A <b>', 'https://gov.hk/?q=1&r="x"')).toBe('<a href="https://gov.hk/?q=1&amp;r=&quot;x&quot;">A &lt;b&gt;</a>');
    expect(formatHtmlLink('click', 'javascript:alert(1)')).toBe('click');
    expect(formatHtmlLink('none', null)).toBe('none');
    expect(findHtmlProblem(formatHtmlLink('<&>', 'https://a.hk/"<>'))).toBeNull();
  });
});
