// How much of a message's 6000-character embed allowance an embed uses: Discord counts the title, description,
// field names and values, footer text and author name.
import type { APIEmbed } from 'discord.js';

export function measureEmbed(embed: APIEmbed): number {
  let size = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  size += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) size += field.name.length + field.value.length;
  return size;
}
