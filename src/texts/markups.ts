// The catalog writes emphasis as <b>, <i> and <code> and the characters < > & as entities; each channel turns
// that into its own markup. Values are escaped before they are placed, so a value never opens a tag, and a
// channel that does not speak HTML gets the characters back when the entities are undone.
import { escapeHtml as escapeTelegramHtml } from '../notify/telegram/escapeHtml.ts';

export interface Markup {
  /** Makes a value safe to place in a catalog message. */
  escape(value: string): string;
  /** Turns a formatted catalog message into the channel's markup. */
  render(message: string): string;
}

const ENTITIES: Readonly<Record<string, string>> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&#39;': "'" };
const DISCORD_TAGS: Readonly<Record<string, string>> = { b: '**', i: '*', code: '`' };

function undoEntities(text: string): string {
  return text.replace(/&(?:lt|gt|amp|quot|#39);/g, (entity) => ENTITIES[entity]!);
}

/** Telegram's HTML parse mode: the catalog's tags are Telegram's own. */
export const TELEGRAM_HTML: Markup = { escape: escapeTelegramHtml, render: (message) => message };

/** Discord markdown; values arrive already markdown-escaped by the caller where a person typed them. */
export const DISCORD_MARKDOWN: Markup = {
  escape: escapeTelegramHtml,
  render: (message) => undoEntities(message.replace(/<\/?(b|i|code)>/g, (_tag, name: string) => DISCORD_TAGS[name]!)),
};

/** Plain text: Discord embed titles (which show markdown literally) and the web tracker's words (its templates escape). */
export const PLAIN_TEXT: Markup = {
  escape: escapeTelegramHtml,
  render: (message) => undoEntities(message.replace(/<\/?(b|i|code)>/g, '')),
};
