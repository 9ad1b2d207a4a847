// Packs blocks of Telegram HTML (each balanced on its own: an alert, a list line) into messages under the
// 4096-character limit, splitting only between blocks. A block that alone is too long is shortened with
// truncateHtml. The limit is measured on the HTML source, which is never shorter than the text Telegram
// counts, so a part that fits here fits there.
import { truncateHtml } from './truncateHtml.ts';

export const TELEGRAM_MESSAGE_LIMIT = 4096;

export interface HtmlPart {
  text: string;
  /** Indexes of the blocks this part carries, in order. */
  blocks: number[];
}

export interface SplitHtmlOptions {
  limit?: number;
  separator?: string;
  /** Room kept free in every part (a header added afterwards). */
  reserve?: number;
}

export function splitHtmlMessage(blocks: readonly string[], options: SplitHtmlOptions = {}): HtmlPart[] {
  const separator = options.separator ?? '\n\n';
  const room = (options.limit ?? TELEGRAM_MESSAGE_LIMIT) - (options.reserve ?? 0);
  if (room < 16) throw new RangeError(`a message part needs room for some text; only ${room} characters are left`);
  const parts: HtmlPart[] = [];
  let current: HtmlPart | null = null;
  blocks.forEach((raw, index) => {
    const block = truncateHtml(raw, room);
    if (current && current.text.length + separator.length + block.length <= room) {
      current.text += separator + block;
      current.blocks.push(index);
      return;
    }
    current = { text: block, blocks: [index] };
    parts.push(current);
  });
  return parts;
}
