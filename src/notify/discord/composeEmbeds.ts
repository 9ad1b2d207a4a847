// One piece of content (a title, a text, some fields) as the embeds it needs: every embed within Discord's
// limits and within the 6000 characters a whole message may carry, so any of them can be paginated. A text
// longer than a description continues in further embeds and fields beyond 25 (or beyond the size) move to
// further embeds; only a single value longer than its own limit is shortened, with "…".
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { isHttpUrl } from '../../domain/isHttpUrl.ts';
import { DISCORD_LIMITS } from './discordLimits.ts';
import { measureEmbed } from './measureEmbed.ts';
import { splitText } from './splitText.ts';
import { shortenText, utf16Units } from '../../domain/shortenText.ts';

export interface EmbedContent {
  title: string;
  url?: string | null;
  color?: number;
  text: string;
  fields?: readonly APIEmbedField[];
  footer?: string | null;
  /** Title of the embeds that continue the text, e.g. the ref; they are numbered "(2/3)". */
  continuationTitle?: string;
}

// Below this, a text starts in its own embed rather than with a few characters under the title.
const MIN_FIRST_CHUNK = 200;

function fitField(field: APIEmbedField): APIEmbedField {
  return {
    name: shortenText(field.name || '—', DISCORD_LIMITS.fieldName, { measure: utf16Units }),
    value: shortenText(field.value || '—', DISCORD_LIMITS.fieldValue, { measure: utf16Units }),
    ...(field.inline ? { inline: true } : {}),
  };
}

export function composeEmbeds(content: EmbedContent): APIEmbed[] {
  const color = content.color === undefined ? {} : { color: content.color };
  const head: APIEmbed = { title: shortenText(content.title, DISCORD_LIMITS.title, { measure: utf16Units }), ...color };
  // A link Discord would refuse (50035) is left out rather than failing the whole message.
  if (content.url && isHttpUrl(content.url)) head.url = content.url;
  if (content.footer) head.footer = { text: shortenText(content.footer, DISCORD_LIMITS.footer, { measure: utf16Units }) };

  const fieldEmbeds: APIEmbed[] = [];
  let holder = head;
  for (const field of (content.fields ?? []).map(fitField)) {
    const count = holder.fields?.length ?? 0;
    if (count >= DISCORD_LIMITS.fields || measureEmbed(holder) + field.name.length + field.value.length > DISCORD_LIMITS.messageEmbedText) {
      holder = { ...color, fields: [] };
      fieldEmbeds.push(holder);
    }
    (holder.fields ??= []).push(field);
  }

  const room = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.messageEmbedText - measureEmbed(head));
  const text = content.text.trim();
  const textEmbeds: APIEmbed[] = [];
  if (text.length <= room) {
    if (text) head.description = text;
  } else {
    const continuation = content.continuationTitle ?? '';
    // Room for the "(n/m)" continuation title, so each continuation embed stays within the message limit.
    const restLimit = Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.messageEmbedText - continuation.length - 16);
    const chunks = splitText(text, room >= MIN_FIRST_CHUNK ? room : 0, restLimit);
    if (chunks[0]) head.description = chunks[0];
    const rest = chunks.slice(1);
    rest.forEach((chunk, index) => {
      const numbered = `${continuation} (${index + 2}/${chunks.length})`.trim();
      textEmbeds.push({ title: shortenText(numbered, DISCORD_LIMITS.title, { measure: utf16Units }), ...color, description: chunk });
    });
  }
  return [head, ...textEmbeds, ...fieldEmbeds];
}
