// How alike two commitment texts are, for carry-over across years. Chinese has no spaces between words, so
// words cannot be compared; overlapping character n-grams can, in any language: the Dice coefficient of
// the two texts' n-gram multisets (2·shared / total). Dates and numbers are removed first (a restatement
// differs exactly there), and so are the bureau names in brackets and all punctuation and spaces.
// Chinese uses bigrams (most words are two characters); text that is mostly Latin uses trigrams, because
// English letter pairs ("th", "in") are shared by unrelated sentences.

/** The text reduced to what carries its meaning: no dates, numbers, bureau brackets, punctuation or spaces. */
export function normalizeForSimilarity(text: string): string {
  return text
    .replace(/[（(][^（）()]*[)）]\s*$/u, '')
    .toLowerCase()
    .replace(/[0-9０-９]+/gu, '')
    .replace(/[〇一二三四五六七八九十零]+(?=年)/gu, '')
    .replace(/[\p{P}\p{S}\s]+/gu, '');
}

function isMostlyCjk(text: string): boolean {
  const cjk = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return cjk * 2 >= text.length;
}

function ngrams(text: string, n: number): Map<string, number> {
  const chars = [...text];
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= chars.length; i++) {
    const gram = chars.slice(i, i + n).join('');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Dice coefficient of character n-grams, 0 (nothing shared) … 1 (same text once dates are ignored). */
export function measureTextSimilarity(a: string, b: string): number {
  const left = normalizeForSimilarity(a);
  const right = normalizeForSimilarity(b);
  if (!left || !right) return 0;
  if (left === right) return 1;
  const n = isMostlyCjk(left) && isMostlyCjk(right) ? 2 : 3;
  const x = ngrams(left, n);
  const y = ngrams(right, n);
  let shared = 0;
  let total = 0;
  for (const count of x.values()) total += count;
  for (const [gram, count] of y) {
    total += count;
    shared += Math.min(count, x.get(gram) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}
