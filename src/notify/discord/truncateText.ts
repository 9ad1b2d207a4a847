// Shortens one value that alone exceeds its limit, visibly: the last character becomes "…". Whole messages
// are never truncated; they are paginated (paginateEmbeds).

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The text if it fits in `limit` UTF-16 units, else its start and "…" within the limit. */
export function truncateText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  if (limit < 1) return '';
  let end = limit - 1;
  // Never leave half of a surrogate pair (an emoji, a rare CJK character) before the ellipsis.
  if (end > 0 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}
