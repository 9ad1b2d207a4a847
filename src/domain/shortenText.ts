// Commitment texts run to a paragraph; digests and chat lines show the start of them.

/** The text with whitespace collapsed, at most `max` characters (code points), with an ellipsis when cut. */
export function shortenText(text: string, max: number): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= max) return collapsed; // UTF-16 length never undercounts code points
  const chars = Array.from(collapsed);
  return chars.length <= max ? collapsed : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
