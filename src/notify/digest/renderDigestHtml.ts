// A weekly digest as Telegram HTML messages. Every dynamic value is escaped; lines are packed into parts
// under the 4096-character limit and split only between lines (never inside a tag). A section or date
// heading travels with the line after it, so no part ends on a heading. Each part starts with the title,
// numbered when there are several.
import type { WeeklyDigest } from '../../domain/weeklyDigest.ts';
import { digestLabelsFor } from '../../domain/digestLabels.ts';
import { escapeHtml, formatHtmlLink } from '../telegram/escapeHtml.ts';
import { splitHtmlMessage, TELEGRAM_MESSAGE_LIMIT } from '../telegram/splitHtmlMessage.ts';
import { describeDigest, type DigestLine } from './describeDigest.ts';

const SEPARATOR = '\n';
// Room for " (12/12)" and the newline after the title.
const NUMBERING_RESERVE = 12;

function renderLine(line: DigestLine, colon: string): string {
  const lead = line.lead
    ? line.leadStyle === 'bold'
      ? `<b>${escapeHtml(line.lead)}</b>${escapeHtml(colon)}`
      : `<code>${escapeHtml(line.lead)}</code> `
    : '';
  return `• ${lead}${escapeHtml(line.text)}${line.link ? ` · ${formatHtmlLink(line.link.label, line.link.url)}` : ''}`;
}

export function renderDigestHtml(digest: WeeklyDigest, options: { limit?: number } = {}): string[] {
  const limit = options.limit ?? TELEGRAM_MESSAGE_LIMIT;
  const description = describeDigest(digest);
  if (description.nothing) return [escapeHtml(description.nothing)];
  const colon = digestLabelsFor(digest.language).colon;
  const blocks: string[] = [`<i>${escapeHtml(description.period)}</i>`];
  for (const section of description.sections) {
    let prefix = `\n<b>${escapeHtml(section.heading)}</b>`;
    if (!section.groups.length) {
      blocks.push(prefix);
      continue;
    }
    for (const group of section.groups) {
      if (group.heading) prefix += `${prefix ? '\n' : ''}<u>${escapeHtml(group.heading)}</u>`;
      for (const line of group.lines) {
        blocks.push(`${prefix}${prefix ? '\n' : ''}${renderLine(line, colon)}`);
        prefix = '';
      }
    }
  }
  if (description.footer) blocks.push(`\n<i>${escapeHtml(description.footer)}</i>`);

  const title = `<b>${escapeHtml(description.title)}</b>`;
  const parts = splitHtmlMessage(blocks, { limit, separator: SEPARATOR, reserve: title.length + NUMBERING_RESERVE });
  return parts.map((part, index) => {
    const numbering = parts.length > 1 ? ` (${index + 1}/${parts.length})` : '';
    return `${title}${numbering}\n${part.text.replace(/^\n+/, '')}`;
  });
}
