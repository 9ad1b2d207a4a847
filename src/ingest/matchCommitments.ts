// Decides which stored commitment each freshly extracted one continues, so that an edited document keeps
// its refs: an unchanged text keeps its ref, an edited text keeps the ref of its most similar predecessor,
// and only genuinely new text gets a new ref (numbered after every ref the document ever used).
import type { ExtractedCommitment } from '../domain/types.ts';

export interface StoredCommitment {
  id: number;
  ref: string;
  text: string;
  position: number;
}

export interface CommitmentMatch {
  extracted: ExtractedCommitment;
  position: number;
  ref: string;
  /** The stored commitment this one continues, or null for a new commitment. */
  existingId: number | null;
}

export interface MatchResult {
  matches: CommitmentMatch[];
  /** Stored commitments that no longer appear in the document. */
  vanished: StoredCommitment[];
}

// Below this Dice similarity two texts are different promises, not an edit of one.
const MIN_SIMILARITY = 0.6;

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const chars = [...normalise(text).toLowerCase()];
  for (let i = 0; i < chars.length - 1; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

export function measureSimilarity(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  let total = 0;
  let shared = 0;
  for (const count of left.values()) total += count;
  for (const [gram, count] of right) {
    total += count;
    shared += Math.min(count, left.get(gram) ?? 0);
  }
  return total === 0 ? (normalise(a) === normalise(b) ? 1 : 0) : (2 * shared) / total;
}

function refNumber(ref: string): number {
  const match = /-(\d+)$/.exec(ref);
  return match ? Number(match[1]) : 0;
}

function refPrefix(ref: string): string {
  return ref.replace(/-\d+$/, '');
}

export function matchCommitments(stored: readonly StoredCommitment[], extracted: readonly ExtractedCommitment[]): MatchResult {
  const result: (CommitmentMatch | null)[] = extracted.map(() => null);
  const available = new Map(stored.map((s) => [s.id, s]));

  // 1. identical text
  const byText = new Map<string, StoredCommitment[]>();
  for (const s of stored) {
    const key = normalise(s.text);
    byText.set(key, [...(byText.get(key) ?? []), s]);
  }
  extracted.forEach((commitment, index) => {
    const candidates = byText.get(normalise(commitment.text))?.filter((s) => available.has(s.id));
    const chosen = candidates?.sort((x, y) => Math.abs(x.position - index) - Math.abs(y.position - index))[0];
    if (chosen) {
      available.delete(chosen.id);
      result[index] = { extracted: commitment, position: index + 1, ref: chosen.ref, existingId: chosen.id };
    }
  });

  // 2. edited text: the most similar remaining predecessor, best pairs first
  const pairs: { index: number; stored: StoredCommitment; score: number }[] = [];
  extracted.forEach((commitment, index) => {
    if (result[index]) return;
    for (const s of available.values()) {
      const score = measureSimilarity(commitment.text, s.text);
      if (score >= MIN_SIMILARITY) pairs.push({ index, stored: s, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || Math.abs(a.stored.position - a.index) - Math.abs(b.stored.position - b.index));
  for (const pair of pairs) {
    if (result[pair.index] || !available.has(pair.stored.id)) continue;
    available.delete(pair.stored.id);
    result[pair.index] = { extracted: extracted[pair.index]!, position: pair.index + 1, ref: pair.stored.ref, existingId: pair.stored.id };
  }

  // 3. new commitments: keep the extractor's ref unless a stored commitment (even a withdrawn one) has it
  const usedRefs = new Set(stored.map((s) => s.ref));
  let next = Math.max(0, ...stored.map((s) => refNumber(s.ref)));
  const matches = extracted.map((commitment, index): CommitmentMatch => {
    const found = result[index];
    if (found) return found;
    let ref = commitment.ref;
    if (usedRefs.has(ref)) {
      const digits = /-(\d+)$/.exec(commitment.ref)?.[1]?.length ?? 2;
      do {
        next += 1;
        ref = `${refPrefix(commitment.ref)}-${String(next).padStart(digits, '0')}`;
      } while (usedRefs.has(ref));
    }
    usedRefs.add(ref);
    return { extracted: commitment, position: index + 1, ref, existingId: null };
  });
  return { matches, vanished: [...available.values()] };
}
