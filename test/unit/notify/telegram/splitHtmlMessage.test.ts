import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../../src/notify/telegram/escapeHtml.ts';
import { splitHtmlMessage } from '../../../../src/notify/telegram/splitHtmlMessage.ts';
import { truncateHtml } from '../../../../src/notify/telegram/truncateHtml.ts';
import { findHtmlProblem } from './checkTelegramHtml.ts';

/** A small seeded generator, so a failure can be replayed. */
function createRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state % n;
  };
}

const WORDS = ['發展局', 'A&B', '<tag>', 'x > y', '😀', '𠀋', 'plain', '"quoted"', '2024-12-31', '新田科技城'];
const TAGS = ['b', 'i', 'code', 'u', 's'];

function randomBlock(random: (n: number) => number, depth = 0): string {
  const parts: string[] = [];
  const count = 1 + random(6);
  for (let i = 0; i < count; i++) {
    const roll = random(10);
    if (roll < 3 && depth < 3) {
      const tag = TAGS[random(TAGS.length)]!;
      parts.push(`<${tag}>${randomBlock(random, depth + 1)}</${tag}>`);
    } else if (roll === 3) {
      parts.push(`<a href="https://example.hk/?a=1&amp;b=2">${escapeHtml(WORDS[random(WORDS.length)]!)}</a>`);
    } else {
      parts.push(escapeHtml(WORDS[random(WORDS.length)]!.repeat(1 + random(40))));
    }
  }
  return parts.join(random(2) ? '\n' : ' ');
}

describe('truncateHtml', () => {
  it('returns short HTML unchanged', () => {
    expect(truncateHtml('<b>hi</b>', 100)).toBe('<b>hi</b>');
  });

  it('cuts inside text, closes open tags, never cuts an entity or a tag', () => {
    const html = '<b>bold <i>and &amp; italic text</i></b> tail';
    const cut = truncateHtml(html, 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).toBe('<b>bold <i>and &amp; …</i></b>');
    expect(findHtmlProblem(cut)).toBeNull();
  });

  it('never splits a surrogate pair', () => {
    const cut = truncateHtml('😀😀😀😀😀', 6);
    expect(cut).toBe('😀😀…');
    expect(findHtmlProblem(cut)).toBeNull();
  });

  it('drops an opening tag left empty at the cut', () => {
    expect(truncateHtml('abcdef<a href="https://a.hk/long/path">link text</a>', 12)).toBe('abcdef…');
  });

  it('keeps hundreds of random blocks valid at every limit', () => {
    const random = createRandom(20241231);
    for (let run = 0; run < 300; run++) {
      const html = randomBlock(random);
      const limit = 20 + random(400);
      const cut = truncateHtml(html, limit);
      expect(cut.length, html).toBeLessThanOrEqual(Math.max(limit, html.length <= limit ? html.length : 0));
      expect(findHtmlProblem(cut), `${html}\n→ ${cut}`).toBeNull();
    }
  });
});

describe('splitHtmlMessage', () => {
  it('packs blocks in order and splits only between blocks', () => {
    const blocks = ['<b>one</b>', 'two', '<i>three</i>'];
    expect(splitHtmlMessage(blocks, { limit: 25 })).toEqual([
      { text: '<b>one</b>\n\ntwo', blocks: [0, 1] },
      { text: '<i>three</i>', blocks: [2] },
    ]);
    expect(splitHtmlMessage(blocks)).toEqual([{ text: '<b>one</b>\n\ntwo\n\n<i>three</i>', blocks: [0, 1, 2] }]);
  });

  it('shortens a block that alone exceeds the limit and keeps it valid', () => {
    const long = `<b>${escapeHtml('<&>'.repeat(3000))}</b>`;
    const parts = splitHtmlMessage(['first', long, 'last'], { limit: 4096 });
    expect(parts.map((part) => part.blocks)).toEqual([[0], [1], [2]]);
    expect(parts[1]!.text.length).toBeLessThanOrEqual(4096);
    expect(parts[1]!.text.endsWith('…</b>')).toBe(true);
    expect(findHtmlProblem(parts[1]!.text)).toBeNull();
  });

  it('keeps every part within the limit and every tag balanced for random input', () => {
    const random = createRandom(7);
    for (let run = 0; run < 40; run++) {
      const blocks = Array.from({ length: 1 + random(60) }, () => randomBlock(random));
      const limit = 200 + random(4000);
      const parts = splitHtmlMessage(blocks, { limit, reserve: 50 });
      expect(parts.flatMap((part) => part.blocks)).toEqual(blocks.map((_, index) => index));
      for (const part of parts) {
        expect(part.text.length).toBeLessThanOrEqual(limit - 50);
        expect(findHtmlProblem(part.text)).toBeNull();
      }
    }
  });
});
