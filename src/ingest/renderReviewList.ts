// `extract --review`: what needs a human eye, grouped by kind, each with its line and ref.
import type { ExtractedDocument, ReviewKind, ReviewNote } from '../domain/types.ts';

const SECTIONS: ReadonlyArray<[ReviewKind, string]> = [
  ['no-bureau', 'Commitments without a bureau'],
  ['unknown-bureau', 'Bureau names not in the registry (kept as written)'],
  ['unplaced-date', 'Dates the grammar could not place'],
  ['non-date-number', 'Numbers read as non-dates near date words'],
];

export function renderReviewList(doc: ExtractedDocument): string {
  const notes = doc.review ?? [];
  const out: string[] = [];
  const info = doc.document;
  out.push(`${info.title} (${info.language}, published ${info.published ?? 'unknown'})`);
  out.push(
    notes.length === 0
      ? `${count(doc.commitments.length, 'commitment')}; nothing to review.`
      : `${count(doc.commitments.length, 'commitment')}; ${count(notes.length, 'item')} to review.`,
  );
  for (const [kind, heading] of SECTIONS) {
    const items = notes.filter((n) => n.kind === kind);
    if (items.length === 0) continue;
    out.push('', `${heading} (${items.length}):`);
    for (const note of items) out.push(`  ${describe(note)}`);
  }
  return out.join('\n');
}

function describe(note: ReviewNote): string {
  const where = `line ${note.line}  ${note.ref}`;
  if (note.kind === 'no-bureau') return `${where}  ${note.words}`;
  return `${where}  "${note.words}" — ${note.message}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
