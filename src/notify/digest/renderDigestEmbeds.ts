// A weekly digest as Discord embeds, in pages: each page is one message's embeds and stays within Discord's
// limits (title 256, description 4096, field name 256, value 1024, 25 fields, footer 2048, 10 embeds and
// 6000 characters per message). Nothing is cut off: a long section continues in another embed, and
// embeds that do not fit a message go to the next page. Dynamic text is escaped for Discord markdown.
import type { APIEmbed } from 'discord.js';
import type { WeeklyDigest } from '../../domain/weeklyDigest.ts';
import { digestLabelsFor } from '../../domain/digestLabels.ts';
import { shortenText, utf16Units } from '../../domain/shortenText.ts';
import { describeDigest, type DigestLine, type DigestSection } from './describeDigest.ts';

export const DISCORD_EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  embedsPerMessage: 10,
  charactersPerMessage: 6000,
} as const;

// Kept free in every page for the footer that numbers the pages and says what was not listed.
const FOOTER_RESERVE = 400;
const PAGE_BUDGET = DISCORD_EMBED_LIMITS.charactersPerMessage - FOOTER_RESERVE;

const COLOURS: Record<DigestSection['key'] | 'header', number> = {
  header: 0x0f766e,
  upcoming: 0xd97706,
  missed: 0xdc2626,
  overdue: 0xdc2626,
  changes: 0x2563eb,
  bureaus: 0x64748b,
};

/** Characters Discord counts towards the 6000 of a message. */
export function measureEmbed(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0)
  );
}

/** Markdown characters in dynamic text are shown as written, never as formatting or links. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|[\]<>#]/g, (ch) => `\\${ch}`);
}

/** A URL that cannot end the markdown link early: normalised, with parentheses and quotes encoded. */
function linkTarget(url: string): string {
  let href = url;
  try {
    href = new URL(url).href;
  } catch {
    // describeDigest only passes http(s) URLs; keep what was given
  }
  return href.replace(/[()"'<>\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function renderLine(line: DigestLine, colon: string): string {
  const lead = line.lead ? (line.leadStyle === 'bold' ? `**${escapeMarkdown(line.lead)}**${colon}` : `\`${line.lead.replace(/`/g, "'")}\` `) : '';
  const link = line.link ? ` · [${escapeMarkdown(line.link.label)}](${linkTarget(line.link.url)})` : '';
  return `• ${lead}${escapeMarkdown(line.text)}${link}`;
}

/** Joins lines into chunks of at most `max` characters; a line too long on its own is shortened. */
function chunkLines(lines: readonly string[], max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = raw.length > max ? `${raw.slice(0, max - 1)}…` : raw;
    if (current && current.length + 1 + line.length > max) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** One section as embeds: date groups as fields, plain lists as descriptions, continued when too long. */
function sectionEmbeds(section: DigestSection, colon: string, continued: string): APIEmbed[] {
  const title = shortenText(escapeMarkdown(section.heading), DISCORD_EMBED_LIMITS.title, { measure: utf16Units });
  const colour = COLOURS[section.key];
  if (!section.groups.length) return [{ title, color: colour }];
  const embeds: APIEmbed[] = [];
  const titled = (): string => (embeds.length ? shortenText(`${escapeMarkdown(section.heading)}${continued}`, DISCORD_EMBED_LIMITS.title, { measure: utf16Units }) : title);
  const grouped = section.groups.some((group) => group.heading);
  if (!grouped) {
    const lines = section.groups.flatMap((group) => group.lines.map((line) => renderLine(line, colon)));
    for (const description of chunkLines(lines, Math.min(DISCORD_EMBED_LIMITS.description, PAGE_BUDGET - DISCORD_EMBED_LIMITS.title - 20))) {
      embeds.push({ title: titled(), description, color: colour });
    }
    return embeds;
  }
  let current: APIEmbed | null = null;
  for (const group of section.groups) {
    const name = shortenText(escapeMarkdown(group.heading ?? section.heading), DISCORD_EMBED_LIMITS.fieldName, { measure: utf16Units });
    const values = chunkLines(group.lines.map((line) => renderLine(line, colon)), DISCORD_EMBED_LIMITS.fieldValue);
    values.forEach((value, index) => {
      const field = { name: index ? shortenText(`${name}${continued}`, DISCORD_EMBED_LIMITS.fieldName, { measure: utf16Units }) : name, value };
      const size = field.name.length + field.value.length;
      if (!current || (current.fields ?? []).length >= DISCORD_EMBED_LIMITS.fields || measureEmbed(current) + size > PAGE_BUDGET) {
        current = { title: titled(), color: colour, fields: [] };
        embeds.push(current);
      }
      current.fields!.push(field);
    });
  }
  return embeds;
}

export function renderDigestEmbeds(digest: WeeklyDigest): APIEmbed[][] {
  const description = describeDigest(digest);
  const labels = digestLabelsFor(digest.language);
  const title = shortenText(escapeMarkdown(description.title), DISCORD_EMBED_LIMITS.title, { measure: utf16Units });
  if (description.nothing) {
    return [[{ description: shortenText(escapeMarkdown(description.nothing), DISCORD_EMBED_LIMITS.description, { measure: utf16Units }), color: COLOURS.header }]];
  }
  const embeds: APIEmbed[] = [
    { title, description: escapeMarkdown(description.period), color: COLOURS.header },
    ...description.sections.flatMap((section) => sectionEmbeds(section, labels.colon, labels.continued)),
  ];

  const pages: APIEmbed[][] = [];
  let page: APIEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const embedSize = measureEmbed(embed);
    if (page.length && (page.length >= DISCORD_EMBED_LIMITS.embedsPerMessage || size + embedSize > PAGE_BUDGET)) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(embed);
    size += embedSize;
  }
  if (page.length) pages.push(page);

  const footer = description.footer ? shortenText(description.footer, 220, { collapseWhitespace: true }) : null;
  pages.forEach((embedsOfPage, index) => {
    const parts = [
      ...(index === pages.length - 1 && footer ? [footer] : []),
      ...(pages.length > 1 ? [`${description.title.slice(0, 120)} · ${labels.page(index + 1, pages.length)}`] : []),
    ];
    if (parts.length) embedsOfPage.at(-1)!.footer = { text: parts.join('\n') };
  });
  return pages;
}
