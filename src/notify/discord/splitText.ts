// Cuts a long text into chunks that each fit a limit, at the most natural place near the end of each chunk: a
// blank line, a line break, the end of a sentence (Chinese or English), a space or a comma, else anywhere that
// does not split a surrogate pair. Nothing is lost: only the whitespace at a cut is dropped.

const BREAKS: readonly RegExp[] = [/\n\n/g, /\n/g, /[。！？；.!?;]/g, /[\s，、,]/g];
// A cut earlier than this share of the chunk is not worth it; a hard cut keeps chunks full instead.
const MIN_FILL = 0.6;

function findCut(text: string, limit: number): number {
  const window = text.slice(0, limit + 1);
  for (const pattern of BREAKS) {
    let best = -1;
    for (const match of window.matchAll(pattern)) {
      const end = match.index + match[0].length;
      if (end <= limit) best = end;
    }
    if (best >= limit * MIN_FILL) return best;
  }
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/**
 * Chunks of `text`: the first at most `firstLimit` long (it may be empty when `firstLimit` is 0), the others at
 * most `restLimit`.
 */
export function splitText(text: string, firstLimit: number, restLimit: number): string[] {
  if (restLimit < 2) throw new RangeError(`splitText needs a limit of at least 2, not ${restLimit}`);
  const chunks: string[] = [];
  let rest = text;
  let limit = firstLimit;
  while (rest.length > limit) {
    if (limit < 2) {
      chunks.push('');
    } else {
      const cut = findCut(rest, limit);
      chunks.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    limit = restLimit;
  }
  chunks.push(rest);
  return chunks;
}
