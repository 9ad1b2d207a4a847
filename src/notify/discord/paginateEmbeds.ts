// Embeds into messages: at most 10 embeds and 6000 characters of embed text per message. Embeds come in blocks
// (one alert, one digest section); a block stays in one message when it fits in one, and the notifications of
// a block count as delivered with the message that carries its last embed.
import type { APIEmbed } from 'discord.js';
import { DISCORD_LIMITS } from './discordLimits.ts';
import { measureEmbed } from './measureEmbed.ts';
import { shortenText, utf16Units } from '../../domain/shortenText.ts';

export interface EmbedBlock {
  embeds: readonly APIEmbed[];
  /** Notifications this block carries (an alert's id); delivered once all its embeds are posted. */
  notificationIds: readonly number[];
}

export interface EmbedPage {
  content: string | null;
  embeds: APIEmbed[];
  /** Notifications complete once this page is posted. */
  notificationIds: number[];
}

export interface PaginateOptions {
  /** Text above the embeds of each page, given its 0-based index and the page count (a heading, "2/3"). */
  content?: (index: number, count: number) => string | null;
}

/** An embed no pagination can fix: the renderer that made it broke a per-embed limit. */
export class EmbedLimitError extends Error {
  constructor(
    readonly part: 'title' | 'description' | 'fields' | 'fieldName' | 'fieldValue' | 'footer' | 'author' | 'messageEmbedText',
    readonly size: number,
    readonly limit: number,
  ) {
    super(`an embed's ${part} is ${size} long; Discord allows ${limit}`);
    this.name = 'EmbedLimitError';
  }
}

export function checkEmbed(embed: APIEmbed): void {
  const check = (part: EmbedLimitError['part'], size: number): void => {
    if (size > DISCORD_LIMITS[part]) throw new EmbedLimitError(part, size, DISCORD_LIMITS[part]);
  };
  check('title', embed.title?.length ?? 0);
  check('description', embed.description?.length ?? 0);
  check('footer', embed.footer?.text.length ?? 0);
  check('author', embed.author?.name.length ?? 0);
  check('fields', embed.fields?.length ?? 0);
  for (const field of embed.fields ?? []) {
    check('fieldName', field.name.length);
    check('fieldValue', field.value.length);
  }
  check('messageEmbedText', measureEmbed(embed));
}

export function paginateEmbeds(blocks: readonly EmbedBlock[], options: PaginateOptions = {}): EmbedPage[] {
  const pages: EmbedPage[] = [];
  const sizes: number[] = [];
  const openPage = (): number => {
    pages.push({ content: null, embeds: [], notificationIds: [] });
    sizes.push(0);
    return pages.length - 1;
  };
  const fits = (index: number, count: number, extra: number): boolean =>
    index >= 0 && pages[index]!.embeds.length + count <= DISCORD_LIMITS.embedsPerMessage && sizes[index]! + extra <= DISCORD_LIMITS.messageEmbedText;

  for (const block of blocks) {
    block.embeds.forEach(checkEmbed);
    const blockSize = block.embeds.reduce((sum, embed) => sum + measureEmbed(embed), 0);
    const whole = block.embeds.length <= DISCORD_LIMITS.embedsPerMessage && blockSize <= DISCORD_LIMITS.messageEmbedText;
    let index = pages.length - 1;
    // A block that fits in one message is never split; one larger than a message flows on, embed by embed.
    if (index < 0 || (whole && !fits(index, block.embeds.length, blockSize))) index = openPage();
    for (const embed of block.embeds) {
      const embedSize = measureEmbed(embed);
      if (!fits(index, 1, embedSize)) index = openPage();
      pages[index]!.embeds.push(embed);
      sizes[index] = sizes[index]! + embedSize;
    }
    pages[index]!.notificationIds.push(...block.notificationIds);
  }
  if (options.content) {
    const count = pages.length;
    pages.forEach((page, index) => {
      const text = options.content!(index, count);
      page.content = text ? shortenText(text, DISCORD_LIMITS.content, { measure: utf16Units }) : null;
    });
  }
  return pages;
}
