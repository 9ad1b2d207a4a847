// The CLI's view of an extraction: one row per commitment (extra rows for extra dates), grouped
// under its headings, then the warnings. Column widths count a CJK character as two columns so
// Chinese text lines up in a terminal.
import { shortenText } from '../domain/shortenText.ts';
import type { ExtractedDocument, ExtractedMilestone } from '../domain/types.ts';

const TEXT_WIDTH = 56;
const BUREAU_WIDTH = 22;

export function renderExtractionTable(doc: ExtractedDocument): string {
  const info = doc.document;
  const milestoneCount = doc.commitments.reduce((sum, c) => sum + c.milestones.length, 0);
  const out: string[] = [];
  const facts = [
    ...(info.chapter === null ? [] : [`chapter ${info.chapter}`]),
    info.language,
    `published ${info.published ?? 'unknown'}`,
  ];
  out.push(`${info.title} (${facts.join(', ')})`);
  const counts = [
    count(doc.commitments.length, 'commitment'),
    count(milestoneCount, 'dated milestone'),
    count(doc.warnings.length, 'warning'),
  ];
  out.push(counts.join(', '));

  // Loops rather than Math.max(...rows): a spread of 100,000 rows overflows the call stack.
  let refWidth = 3;
  for (const c of doc.commitments) refWidth = Math.max(refWidth, displayWidth(c.ref));
  const bureauRows = doc.commitments.map(
    (c) => `${c.bureaus.join(', ') || '-'}${c.withRelevantBureaux ? ' + relevant' : ''}`,
  );
  let widest = 7;
  for (const row of bureauRows) widest = Math.max(widest, displayWidth(row));
  const bureauWidth = Math.min(BUREAU_WIDTH, widest);
  const dueWidth = 'from 2024-12-31'.length;
  const row = (ref: string, bureaus: string, due: string, text: string): string =>
    [pad(ref, refWidth), pad(truncate(bureaus, bureauWidth), bureauWidth), pad(due, dueWidth), truncate(text, TEXT_WIDTH)]
      .join('  ')
      .trimEnd();

  out.push('', row('REF', 'BUREAUX', 'DUE', 'TEXT'));
  let headings = '';
  doc.commitments.forEach((c, index) => {
    const path = c.headings.join(' > ');
    if (path !== headings && path !== '') out.push('', `  ${path}`);
    headings = path;
    const [first, ...rest] = c.milestones;
    out.push(row(c.ref, bureauRows[index]!, first === undefined ? 'ongoing' : formatDue(first), c.text));
    for (const m of rest) out.push(row('', '', formatDue(m), m.subject === null ? '' : `(${m.subject})`));
  });

  if (doc.warnings.length > 0) {
    out.push('', 'Warnings:');
    for (const w of doc.warnings) out.push(`  line ${w.line}: ${w.message}`);
  }
  return out.join('\n');
}

function formatDue(m: ExtractedMilestone): string {
  return m.kind === 'start' ? `from ${m.due}` : m.due;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Terminal columns: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

const columns = (char: string): number => (isWide(char.codePointAt(0)!) ? 2 : 1);

function truncate(text: string, width: number): string {
  return shortenText(text, width, { measure: columns });
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
