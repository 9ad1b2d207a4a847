// Pairs the commitments of a second edition (e.g. the English text) with the stored ones of its document.
// Translations share nothing textual, so the pairing rests on what both editions state alike: the order,
// where the heading groups begin and how deep they are, the dated milestones (kind and date, in order),
// and the bureaux. The first commitment where any of these differs is reported; no partial pairing.
import type { ExtractedCommitment } from '../domain/types.ts';

export interface PairableCommitment {
  id: number;
  ref: string;
  headings: readonly string[];
  bureaus: readonly string[];
  withRelevantBureaux: boolean;
  /** "kind:YYYY-MM-DD" per milestone, in order. */
  dates: readonly string[];
}

export interface EditionPair {
  commitmentId: number;
  ref: string;
  text: string;
  headings: string[];
}

export type PairingResult =
  | { ok: true; pairs: EditionPair[] }
  | { ok: false; position: number; ref: string | null; problem: string };

function datesOf(commitment: ExtractedCommitment): string[] {
  return commitment.milestones.map((m) => `${m.kind}:${m.due}`);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

function startsGroup(list: readonly { headings: readonly string[] }[], index: number): boolean {
  if (index === 0) return true;
  return list[index]!.headings.join('\u0000') !== list[index - 1]!.headings.join('\u0000');
}

function describeDates(dates: readonly string[]): string {
  return dates.length ? dates.map((d) => d.replace('deadline:', '').replace('start:', 'from ')).join(', ') : 'no date';
}

export function pairEdition(stored: readonly PairableCommitment[], edition: readonly ExtractedCommitment[]): PairingResult {
  const count = Math.max(stored.length, edition.length);
  for (let i = 0; i < count; i++) {
    const mine = stored[i];
    const theirs = edition[i];
    const position = i + 1;
    if (!mine) {
      return { ok: false, position, ref: null, problem: `commitment ${position} of the edition ("${theirs!.text.slice(0, 50)}") has no counterpart: the document has ${stored.length}` };
    }
    const at = `commitment ${position} (${mine.ref})`;
    if (!theirs) return { ok: false, position, ref: mine.ref, problem: `${at} is missing: the edition has only ${edition.length}` };
    if (mine.headings.length !== theirs.headings.length || startsGroup(stored, i) !== startsGroup(edition, i)) {
      return { ok: false, position, ref: mine.ref, problem: `${at} is under different headings ("${mine.headings.join(' > ')}" vs "${theirs.headings.join(' > ')}")` };
    }
    const theirDates = datesOf(theirs);
    if (theirDates.join(',') !== mine.dates.join(',')) {
      return { ok: false, position, ref: mine.ref, problem: `${at} has different dates (${describeDates(mine.dates)} vs ${describeDates(theirDates)})` };
    }
    if (!sameSet(mine.bureaus, theirs.bureaus) || mine.withRelevantBureaux !== theirs.withRelevantBureaux) {
      const show = (b: readonly string[], relevant: boolean) => [...b, ...(relevant ? ['relevant bureaux'] : [])].join(', ') || 'none';
      return { ok: false, position, ref: mine.ref, problem: `${at} has different bureaux (${show(mine.bureaus, mine.withRelevantBureaux)} vs ${show(theirs.bureaus, theirs.withRelevantBureaux)})` };
    }
  }
  return {
    ok: true,
    pairs: stored.map((mine, i) => ({ commitmentId: mine.id, ref: mine.ref, text: edition[i]!.text, headings: [...edition[i]!.headings] })),
  };
}
