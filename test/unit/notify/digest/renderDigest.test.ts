import { embedLength } from '@discordjs/builders';
import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { BUREAUS } from '../../../../src/domain/bureaus.ts';
import { composeDigest, type DigestRequest, type DigestSource } from '../../../../src/domain/composeDigest.ts';
import type { WeeklyDigest } from '../../../../src/domain/weeklyDigest.ts';
import { DISCORD_EMBED_LIMITS, measureEmbed, renderDigestEmbeds } from '../../../../src/notify/digest/renderDigestEmbeds.ts';
import { renderDigestHtml } from '../../../../src/notify/digest/renderDigestHtml.ts';
import { renderDigestText } from '../../../../src/notify/digest/renderDigestText.ts';
import { buildSeedDigestSource } from '../../../support/buildSeedDigestSource.ts';

const hk = (local: string): Date => new Date(`${local}+08:00`);
const FIXTURES = '../../../fixtures/digest';
const LANGUAGES = ['zh-HK', 'en'] as const;

function digestOf(source: DigestSource, at: string, since: string, extra: Partial<DigestRequest> = {}): WeeklyDigest {
  return composeDigest(source, { subscriptionId: 1, language: 'zh-HK', timezone: 'Asia/Hong_Kong', bureaus: ['DEVB'], refs: null, at: hk(at), since: hk(since), ...extra });
}

/** Telegram HTML is well formed when every tag closes in order and only known tags appear. */
function expectBalancedHtml(html: string): void {
  const open: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z]+)(?:\s[^>]*)?>/g)) {
    const [, closing, name] = match;
    expect(['b', 'i', 'u', 'code', 'a']).toContain(name);
    if (closing) expect(open.pop()).toBe(name);
    else open.push(name!);
  }
  expect(open).toEqual([]);
  // nothing left that looks like markup but is not a tag or an entity
  expect(html.replace(/<\/?[a-z]+(?:\s[^>]*)?>/g, '').replace(/&(amp|lt|gt|quot);/g, '')).not.toMatch(/[<>&]/);
}

function expectWithinDiscordLimits(pages: APIEmbed[][]): void {
  for (const page of pages) {
    expect(page.length).toBeGreaterThan(0);
    expect(page.length).toBeLessThanOrEqual(DISCORD_EMBED_LIMITS.embedsPerMessage);
    expect(page.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(DISCORD_EMBED_LIMITS.charactersPerMessage);
    for (const embed of page) {
      expect(measureEmbed(embed)).toBe(embedLength(embed));
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_EMBED_LIMITS.title);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_EMBED_LIMITS.description);
      expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_EMBED_LIMITS.footer);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_EMBED_LIMITS.fields);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(DISCORD_EMBED_LIMITS.fieldName);
        expect(field.value.length).toBeLessThanOrEqual(DISCORD_EMBED_LIMITS.fieldValue);
        expect(field.value.length).toBeGreaterThan(0);
      }
      expect(embed.title || embed.description || embed.fields?.length).toBeTruthy();
    }
  }
}

function embedText(pages: APIEmbed[][]): string {
  return pages
    .flat()
    .map((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text].filter(Boolean).join('\n'))
    .join('\n');
}

describe('the DEVB digest of Monday 2024-12-23 09:00 HKT (golden)', () => {
  const seed = buildSeedDigestSource();

  for (const language of LANGUAGES) {
    const digest = digestOf(seed, '2024-12-23T09:00:00', '2024-12-16T09:00:00', { language });

    it(`${language}: text`, async () => {
      const text = renderDigestText(digest);
      for (const words of ['新田科技城', '牛潭尾', '片區開發', '沙嶺']) expect(text).toContain(words);
      expect(text.match(/2024-12-31/g)).toHaveLength(1); // one date heading for the four
      expect(text).not.toMatch(/PA2024-7-(02|05|07|08|09|10|11)\b/); // nothing else listed
      await expect(text).toMatchFileSnapshot(`${FIXTURES}/devb-2024-W52.${language}.txt`);
    });

    it(`${language}: Telegram HTML`, async () => {
      const parts = renderDigestHtml(digest);
      expect(parts).toHaveLength(1);
      expectBalancedHtml(parts[0]!);
      expect(parts[0]!.match(/<code>PA2024-7-\d+(\/\d)?<\/code>/g)).toEqual([
        '<code>PA2024-7-01/1</code>',
        '<code>PA2024-7-03</code>',
        '<code>PA2024-7-04</code>',
        '<code>PA2024-7-06</code>',
      ]);
      await expect(parts.join('\n\n=====\n\n')).toMatchFileSnapshot(`${FIXTURES}/devb-2024-W52.${language}.telegram.html`);
    });

    it(`${language}: Discord embeds`, async () => {
      const pages = renderDigestEmbeds(digest);
      expect(pages).toHaveLength(1);
      expectWithinDiscordLimits(pages);
      expect(embedText(pages).match(/`PA2024-7-\d+(\/\d)?`/g)).toHaveLength(4);
      await expect(`${JSON.stringify(pages, null, 2)}\n`).toMatchFileSnapshot(`${FIXTURES}/devb-2024-W52.${language}.discord.json`);
    });
  }
});

describe('everything on Monday 2025-01-06 09:00 HKT, after a week of changes (golden)', () => {
  const source = buildSeedDigestSource([
    { milestone: 'PA2024-7-04', status: 'dropped', at: hk('2024-12-10T12:00:00') }, // before the window
    { milestone: 'PA2024-7-03', status: 'met', evidenceUrl: 'https://www.devb.gov.hk/tc/press?id=1&lang="zh"', at: hk('2024-12-30T12:00:00') },
    { milestone: 'PA2024-7-10', status: 'claimed', at: hk('2025-01-02T12:00:00') },
    { milestone: 'PA2024-7-05', status: 'rescheduled', due: '2025-06-30', at: hk('2025-01-03T12:00:00') },
  ]);

  for (const language of LANGUAGES) {
    const digest = digestOf(source, '2025-01-06T09:00:00', '2024-12-30T09:00:00', { language, bureaus: null });

    it(`${language}: all three renderers`, async () => {
      const text = renderDigestText(digest);
      const html = renderDigestHtml(digest);
      const pages = renderDigestEmbeds(digest);
      for (const rendered of [text, html.join('\n'), embedText(pages)]) {
        expect(rendered).toContain('2025-06-30'); // the new date of the rescheduled milestone
        expect(rendered).toContain('2025-03-31'); // and the old one
        expect(rendered.match(/PA2024-7-04/g) ?? []).toEqual([]); // dropped before the window: counted, not listed
      }
      expect(html).toHaveLength(1);
      expectBalancedHtml(html[0]!);
      expect(html[0]).toContain('<a href="https://www.devb.gov.hk/tc/press?id=1&amp;lang=&quot;zh&quot;">');
      expectWithinDiscordLimits(pages);
      expect(embedText(pages)).toContain('(https://www.devb.gov.hk/tc/press?id=1&lang=%22zh%22)');
      await expect(text).toMatchFileSnapshot(`${FIXTURES}/all-2025-W02.${language}.txt`);
      await expect(html.join('\n\n=====\n\n')).toMatchFileSnapshot(`${FIXTURES}/all-2025-W02.${language}.telegram.html`);
      await expect(`${JSON.stringify(pages, null, 2)}\n`).toMatchFileSnapshot(`${FIXTURES}/all-2025-W02.${language}.discord.json`);
    });
  }
});

describe('an empty week', () => {
  const seed = buildSeedDigestSource();

  it('is one line on every channel, naming what is still overdue', () => {
    const digest = digestOf(seed, '2025-01-13T09:00:00', '2025-01-06T09:00:00');
    expect(digest.empty).toBe(true);
    expect(renderDigestText(digest)).toBe(
      '施政承諾每週摘要 2025-W03 · 發展局：未來四星期沒有到期項目，自 2025-01-06 起沒有新逾期或狀態變更。 仍有4項逾期（最早 2024-12-31）。',
    );
    const en = { ...digest, language: 'en' as const };
    expect(renderDigestText(en)).toBe(
      'Weekly digest 2025-W03 · Development Bureau: nothing due in the next 4 weeks, nothing missed or changed since 2025-01-06. 4 still overdue (oldest due 2024-12-31).',
    );
    expect(renderDigestHtml(en)).toEqual([renderDigestText(en)]);
    expect(renderDigestEmbeds(en)).toEqual([[{ description: renderDigestText(en), color: expect.any(Number) }]]);
  });

  it('without anything overdue says only that nothing is due', () => {
    const digest = digestOf(seed, '2024-11-04T09:00:00', '2024-10-28T09:00:00', { bureaus: ['HHB'], language: 'en' });
    expect(renderDigestText(digest)).toBe('Weekly digest 2024-W45 · Health Bureau: nothing due in the next 4 weeks, nothing missed or changed since 2024-10-28.');
  });
});

describe('a digest too long for one message', () => {
  // 300 milestones due over the next four weeks, with texts full of markup characters, across every bureau,
  // and five ongoing commitments (counted in the footer).
  const ongoing = Array.from({ length: 5 }, (_, i) => ({ id: 900 + i, ref: `PA2030-2-0${i + 1}`, text: 'ongoing', bureaus: ['DEVB'], withRelevantBureaux: false, milestones: [] }));
  const source: DigestSource = {
    commitments: [...ongoing, ...Array.from({ length: 300 }, (_, i) => ({
      id: i + 1,
      ref: `PA2030-1-${String(i + 1).padStart(3, '0')}`,
      text: `承諾 <b>${i}</b> & "quoted" *stars* _under_ [link](https://evil.example) \`tick\` ${'長文字'.repeat(40)}`,
      bureaus: [BUREAUS[i % BUREAUS.length]!.code],
      withRelevantBureaux: i % 7 === 0,
      milestones: [{ id: 1000 + i, seq: 1, kind: 'deadline' as const, subject: null, due: `2030-01-${String(7 + (i % 25)).padStart(2, '0')}`, status: 'pending' as const, evidenceUrl: null }],
    }))],
    changes: [],
  };
  const refs = source.commitments.filter((c) => c.milestones.length).map((c) => c.ref);

  for (const language of LANGUAGES) {
    const digest = composeDigest(source, {
      subscriptionId: 9, language, timezone: 'Asia/Hong_Kong', bureaus: null, refs: null, at: hk('2030-01-07T09:00:00'), since: hk('2029-12-31T09:00:00'),
    });

    it(`${language}: Telegram parts stay under 4096, split between items, each numbered and well formed`, () => {
      expect(digest.upcoming).toHaveLength(300);
      const parts = renderDigestHtml(digest);
      expect(parts.length).toBeGreaterThan(3);
      parts.forEach((part, index) => {
        expect(part.length).toBeLessThanOrEqual(4096);
        expect(part.startsWith(`<b>${language === 'en' ? 'Weekly digest' : '施政承諾每週摘要'} 2030-W02`)).toBe(true);
        expect(part).toContain(`(${index + 1}/${parts.length})`);
        expectBalancedHtml(part);
        expect(part).not.toContain('<b>0</b>'); // dynamic markup is escaped, never interpreted
      });
      // every item exactly once, none cut off: items are whole lines ending with their bureau
      const listed = parts.flatMap((part) => [...part.matchAll(/<code>(PA2030-1-\d{3})<\/code>/g)].map((m) => m[1]));
      expect(listed.sort()).toEqual([...refs].sort());
      expect(parts.join('\n').match(/&lt;b&gt;\d+&lt;\/b&gt;/g)).toHaveLength(300);
    });

    it(`${language}: Discord pages stay within every limit and carry every item once`, () => {
      const pages = renderDigestEmbeds(digest);
      expect(pages.length).toBeGreaterThan(2);
      expectWithinDiscordLimits(pages);
      const text = embedText(pages);
      expect([...text.matchAll(/`(PA2030-1-\d{3})`/g)].map((m) => m[1]).sort()).toEqual([...refs].sort());
      expect(text).not.toMatch(/(?<!\\)\*stars(?<!\\)\*/);
      expect(text).toContain('\\[link\\](https://evil.example)'); // no masked link from commitment text
      pages.forEach((page, index) => {
        expect(page.at(-1)!.footer!.text).toContain(language === 'en' ? `Page ${index + 1}/${pages.length}` : `第${index + 1}/${pages.length}頁`);
      });
      expect(pages.at(-1)!.at(-1)!.footer!.text).toContain(language === 'en' ? 'Not listed' : '未有逐一列出');
    });
  }

  it('Telegram packs into a smaller limit too, never breaking a tag', () => {
    const digest = composeDigest(source, { subscriptionId: 9, language: 'en', timezone: 'Asia/Hong_Kong', bureaus: null, refs: null, at: hk('2030-01-07T09:00:00'), since: hk('2029-12-31T09:00:00') });
    const parts = renderDigestHtml(digest, { limit: 1500 });
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1500);
      expectBalancedHtml(part);
    }
  });
});
