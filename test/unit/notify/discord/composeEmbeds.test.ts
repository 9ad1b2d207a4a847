import { describe, expect, it } from 'vitest';
import { composeEmbeds } from '../../../../src/notify/discord/composeEmbeds.ts';
import { measureEmbed } from '../../../../src/notify/discord/measureEmbed.ts';
import { checkEmbed } from '../../../../src/notify/discord/paginateEmbeds.ts';

const field = (name: string, length: number) => ({ name, value: 'v'.repeat(length) });

describe('measureEmbed', () => {
  it("counts what Discord counts toward a message's 6000 characters, and nothing else", () => {
    expect(
      measureEmbed({
        title: 'abc',
        description: 'de',
        fields: [{ name: 'f', value: 'gh' }],
        footer: { text: 'ij' },
        author: { name: 'k' },
        url: 'https://example.org/not-counted',
        color: 1,
      }),
    ).toBe(11);
  });
});

describe('composeEmbeds', () => {
  it('puts short content in one embed', () => {
    const embeds = composeEmbeds({ title: 'PA2024-7-03', url: 'https://example.org/doc', color: 7, text: '  short text ', fields: [field('Bureau', 4)], footer: 'source' });
    expect(embeds).toEqual([
      { title: 'PA2024-7-03', url: 'https://example.org/doc', color: 7, footer: { text: 'source' }, fields: [{ name: 'Bureau', value: 'vvvv' }], description: 'short text' },
    ]);
  });

  it('continues a text longer than a description in numbered embeds, losing nothing', () => {
    const text = '承諾內容。'.repeat(1000); // 5000 characters
    const embeds = composeEmbeds({ title: 'PA2024-7-03 · 承諾', text, fields: [field('Due', 40)], continuationTitle: 'PA2024-7-03' });
    expect(embeds).toHaveLength(2);
    expect(embeds[0]!.description!.length).toBeLessThanOrEqual(4096);
    expect(embeds[1]).toMatchObject({ title: 'PA2024-7-03 (2/2)' });
    expect(embeds.map((embed) => embed.description).join('')).toBe(text);
    expect(embeds.some((embed) => embed.description?.includes('…'))).toBe(false);
    embeds.forEach(checkEmbed);
  });

  it('moves fields beyond 25 into a further embed', () => {
    const fields = Array.from({ length: 30 }, (_, index) => field(`f${index}`, 10));
    const embeds = composeEmbeds({ title: 't', text: 'x', fields });
    expect(embeds.map((embed) => embed.fields?.length ?? 0)).toEqual([25, 5]);
    expect(embeds.flatMap((embed) => embed.fields ?? []).map((each) => each.name)).toEqual(fields.map((each) => each.name));
  });

  it('keeps every embed within 6000 characters, however large the fields', () => {
    const fields = Array.from({ length: 8 }, (_, index) => field(`f${index}`, 1024));
    const embeds = composeEmbeds({ title: 'big', text: 'z'.repeat(3000), fields });
    for (const embed of embeds) {
      expect(measureEmbed(embed)).toBeLessThanOrEqual(6000);
      checkEmbed(embed);
    }
    expect(embeds.flatMap((embed) => embed.fields ?? [])).toHaveLength(8);
    expect(embeds.map((embed) => embed.description ?? '').join('')).toBe('z'.repeat(3000));
  });

  it('shortens only a single value beyond its own limit, with "…"', () => {
    const [embed] = composeEmbeds({ title: 't'.repeat(300), text: 'x', fields: [{ name: 'n'.repeat(300), value: 'v'.repeat(1500) }, { name: '', value: '' }], footer: 'f'.repeat(2100) });
    expect(embed!.title).toHaveLength(256);
    expect(embed!.title!.endsWith('…')).toBe(true);
    expect(embed!.fields![0]!.name).toHaveLength(256);
    expect(embed!.fields![0]!.value).toHaveLength(1024);
    expect(embed!.fields![0]!.value.endsWith('…')).toBe(true);
    expect(embed!.fields![1]).toEqual({ name: '—', value: '—' }); // Discord refuses empty field names and values
    expect(embed!.footer!.text).toHaveLength(2048);
  });

  it('leaves out a link Discord would refuse', () => {
    expect(composeEmbeds({ title: 't', text: 'x', url: 'not a url' })[0]).not.toHaveProperty('url');
    expect(composeEmbeds({ title: 't', text: 'x', url: 'ftp://example.org/doc' })[0]).not.toHaveProperty('url');
  });
});
