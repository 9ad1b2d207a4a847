// The one text-shortening helper. Commitment texts run to a paragraph and every channel has a limit
// (Discord's embed fields, Telegram's message size once escaped, a terminal column); each caller says how a
// character is measured there. The cut never splits a code point (so never half of a surrogate pair), drops
// trailing spaces and ends in "…", and the result measures at most `max`.

/** How much one code point costs against a limit. */
export type TextMeasure = (char: string) => number;

/** Characters as a reader counts them (code points). */
export const codePoints: TextMeasure = () => 1;
/** UTF-16 code units, as JavaScript string lengths and Discord's limits count. */
export const utf16Units: TextMeasure = (char) => char.length;

export interface ShortenOptions {
  measure?: TextMeasure;
  /** Collapse runs of whitespace (newlines included) to one space first. */
  collapseWhitespace?: boolean;
}

const ELLIPSIS = '…';

/** The text if it measures at most `max`, else its start and "…" within `max`. */
export function shortenText(text: string, max: number, options: ShortenOptions = {}): string {
  const measure = options.measure ?? codePoints;
  const source = options.collapseWhitespace ? text.replace(/\s+/g, ' ').trim() : text;
  // A UTF-16 length never undercounts code points or units: the common short text costs no loop.
  if ((measure === codePoints || measure === utf16Units) && source.length <= max) return source;
  if (max < 1) return '';
  let total = 0;
  let cut = -1; // index where the kept start ends, once it is known that the text does not fit
  let index = 0;
  for (const char of source) {
    total += measure(char);
    if (cut === -1 && total > max - 1) cut = index;
    if (total > max) return `${source.slice(0, cut).trimEnd()}${ELLIPSIS}`;
    index += char.length;
  }
  return source;
}
