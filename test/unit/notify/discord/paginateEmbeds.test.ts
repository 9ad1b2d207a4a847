import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { measureEmbed } from '../../../../src/notify/discord/measureEmbed.ts';
import { EmbedLimitError, paginateEmbeds, type EmbedBlock } from '../../../../src/notify/discord/paginateEmbeds.ts';

const embedOf = (size: number, title = 't'): APIEmbed => ({ title, description: 'd'.repeat(size - title.length) });
const block = (id: number, ...sizes: number[]): EmbedBlock => ({ embeds: sizes.map((size) => embedOf(size, `#${id}`)), notificationIds: [id] });

function expectWithinLimits(pages: ReturnType<typeof paginateEmbeds>): void {
  for (const page of pages) {
    expect(page.embeds.length).toBeLessThanOrEqual(10);
    expect(page.embeds.reduce((sum, embed) => sum + measureEmbed(embed), 0)).toBeLessThanOrEqual(6000);
  }
}

describe('paginateEmbeds', () => {
  it('puts at most 10 embeds in a message', () => {
    const pages = paginateEmbeds(Array.from({ length: 30 }, (_, index) => block(index + 1, 100)));
    expect(pages.map((page) => page.embeds.length)).toEqual([10, 10, 10]);
    expect(pages.flatMap((page) => page.notificationIds)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    expectWithinLimits(pages);
  });

  it('puts at most 6000 characters of embed text in a message', () => {
    const pages = paginateEmbeds(Array.from({ length: 13 }, (_, index) => block(index + 1, 1000)));
    expect(pages.map((page) => page.embeds.length)).toEqual([6, 6, 1]);
    const justOver = paginateEmbeds([block(1, 3000), block(2, 3001)]);
    expect(justOver.map((page) => page.notificationIds)).toEqual([[1], [2]]);
    expectWithinLimits(pages);
  });

  it('keeps the embeds of one alert in one message when they fit in one', () => {
    const pages = paginateEmbeds([block(1, 100, 100, 100, 100, 100, 100, 100, 100, 100), block(2, 100, 100)]);
    expect(pages.map((page) => page.notificationIds)).toEqual([[1], [2]]);
    expect(pages.map((page) => page.embeds.length)).toEqual([9, 2]);
  });

  it('flows a block larger than a message over several, counting it delivered with its last embed', () => {
    const pages = paginateEmbeds([block(1, 100), block(2, ...Array<number>(12).fill(100)), block(3, 100)]);
    expect(pages.map((page) => page.embeds.length)).toEqual([10, 4]);
    expect(pages.map((page) => page.notificationIds)).toEqual([[1], [2, 3]]);
    const heavy = paginateEmbeds([block(4, 4000, 4000, 4000)]);
    expect(heavy.map((page) => page.notificationIds)).toEqual([[], [], [4]]);
    expectWithinLimits(heavy);
  });

  it('heads each message with content that knows its place', () => {
    const pages = paginateEmbeds(Array.from({ length: 12 }, (_, index) => block(index + 1, 10)), { content: (index, count) => `alerts (${index + 1}/${count})` });
    expect(pages.map((page) => page.content)).toEqual(['alerts (1/2)', 'alerts (2/2)']);
    const long = paginateEmbeds([block(1, 10)], { content: () => 'c'.repeat(2500) });
    expect(long[0]!.content).toHaveLength(2000);
    expect(paginateEmbeds([block(1, 10)])[0]!.content).toBeNull();
  });

  it('refuses an embed that breaks a per-embed limit instead of sending what Discord would reject', () => {
    expect(() => paginateEmbeds([{ embeds: [{ title: 'x'.repeat(257) }], notificationIds: [1] }])).toThrow(EmbedLimitError);
    expect(() => paginateEmbeds([{ embeds: [{ description: 'x'.repeat(4097) }], notificationIds: [1] }])).toThrow(/description is 4097 long; Discord allows 4096/);
    const tooManyFields = { fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) };
    expect(() => paginateEmbeds([{ embeds: [tooManyFields], notificationIds: [1] }])).toThrow(expect.objectContaining({ part: 'fields', size: 26, limit: 25 }));
    const overall = { description: 'x'.repeat(4096), fields: Array.from({ length: 2 }, () => ({ name: 'n', value: 'v'.repeat(1024) })) };
    expect(() => paginateEmbeds([{ embeds: [overall], notificationIds: [1] }])).toThrow(expect.objectContaining({ part: 'messageEmbedText' }));
  });

  it.each([
    ['fieldName', { fields: [{ name: 'n'.repeat(257), value: 'v' }] }],
    ['fieldValue', { fields: [{ name: 'n', value: 'v'.repeat(1025) }] }],
    ['footer', { footer: { text: 'f'.repeat(2049) } }],
    ['author', { author: { name: 'a'.repeat(257) } }],
  ] as const)('refuses an embed whose %s is too long', (part, embed) => {
    expect(() => paginateEmbeds([{ embeds: [embed as APIEmbed], notificationIds: [1] }])).toThrow(expect.objectContaining({ part }));
  });

  it('makes no pages of nothing', () => {
    expect(paginateEmbeds([])).toEqual([]);
  });
});
