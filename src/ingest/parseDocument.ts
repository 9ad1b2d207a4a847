// Plain text of one Policy Address chapter (as extracted from the official PDF) -> its commitments.
//
// The layout this reads:
//   7                                   chapter number (may be repeated later, like a page header)
//   推動北部都會區發展引擎                  title lines, up to the first blank line
//   深化大灣區合作
//   背景 / Background + paragraphs        background: prose, never commitments
//   推進「北部都會區」建設                  headings: short lines without sentence punctuation
//   - 在2024年年底前…。(發展局)             bullets "- " or "•", bureaux in the trailing parentheses
//
// Headings: only the short lines right before a bullet count (so "背景" and prose above them are
// skipped). Two or more in a row form a new hierarchy (parent first); a single one replaces the
// deepest level of the current hierarchy (a sibling).
// Continuations: a non-bullet line continues the open bullet until the bullet has its trailing
// bureau parentheses. Across a blank line or page number it continues only if the bullet does not
// yet end with sentence punctuation, so a heading after a bullet without bureaux is still a heading.

import { createHash } from 'node:crypto';
import { parseCalendarDate } from '../domain/calendarDate.ts';
import { CHINESE_DIGIT_CHARS, parseChineseNumber } from '../domain/chineseNumerals.ts';
import { DeadlineError } from '../domain/DeadlineError.ts';
import { findBureau } from '../domain/bureaus.ts';
import { parseDeadlines } from '../domain/parseDeadlines.ts';
import { reviewDeadlines, type DateNote } from '../domain/reviewDeadlines.ts';
import type {
  DocumentLanguage,
  ExtractedCommitment,
  ExtractedDocument,
  ExtractionWarning,
  ReviewNote,
} from '../domain/types.ts';
import { DocumentError } from './DocumentError.ts';
import { isBureauList, isBureauListOf, splitBureauList, type BureauList } from './splitBureauList.ts';

export interface ParseDocumentOptions {
  published?: string | null;
  language?: DocumentLanguage;
  fileName?: string;
  /** Also list what needs a human eye (`extract --review`): see reviewExtraction. */
  review?: boolean;
}

interface SourceLine {
  text: string;
  line: number;
}

interface OpenItem {
  parts: SourceLine[];
  /** A blank line or page number was seen since the last part. */
  gap: boolean;
  /** "1." items of the indicator lists; null for "- " and "•" bullets. */
  label: string | null;
}

/** Where a commitment came from, for warnings and the review. */
interface Built {
  commitment: ExtractedCommitment;
  firstLine: number;
  lastLine: number;
  /** The "no responsible bureau" warning, withdrawn when the group's bureau applies. */
  missing: ExtractionWarning | null;
  dateNotes: DateNote[];
  /** Source line of each dateNotes entry. */
  dateLines: number[];
  /** It had bracketed bureaux of its own (even if none was recognised). */
  hasOwnList: boolean;
}

// "- ", "– ", "－", and the bullet signs of government PDFs ("‧" is the one of Chinese editions).
const BULLET = /^(?:[-–]\s+|[－•●▪・‧･■◆►▶➢]\s*)/;
// "1. …", "1．…", "1、…", "(1) …", "１. …": the numbered items of the indicator lists (2022 onwards).
// Not "1.5 公頃" (a decimal) and not a lone page number.
const NUMBERED = /^(?:([0-9０-９]{1,3})\s*[.．、](?![0-9０-９])|[(（]([0-9０-９]{1,3})[)）]|([0-9０-９]{1,3})[)）])\s*/;
// "12", "- 12 -", "Page 12", "7-3": page furniture, not text.
const PAGE_NUMBER = /^(?:(?:page\s*)?\d{1,3}(?:\s*[-–/]\s*\d{1,3})?|[-–－]\s*\d{1,3}\s*[-–－])$/i;
const CHAPTER = new RegExp(`^(?:(?:chapter\\s+)?(\\d{1,2})|第\\s*([\\d${CHINESE_DIGIT_CHARS}十]{1,3})\\s*章)$`, 'i');
const SENTENCE_END = /[。．.！!？?；;：:]$/;
const COLON_END = /[：:]$/;
// The task forces that head the indicator lists: "地區事項統籌工作組", "District Matters Co-ordination
// Task Force". Such a line is a heading even right after a bullet still waiting for its bureau.
const TASK_FORCE =
  /(?:行動小組|工作小組|工作組|統籌組|專責小組|督導委員會|督導組|委員會)$|^(?:the\s+)?(?:task\s+force|working\s+group|steering\s+committee)\b|\b(?:task\s+force|working\s+group|co-?ordination\s+group|steering\s+committee|committee)$/i;
const MAX_HEADING_LENGTH = 120;
const HEADER_LINES = 500;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

// The title of the indicator lists published with the Policy Address since 2022 ("指標", "Indicators").
const INDICATOR_TITLE = /指標|\bindicators?\b|\bKPIs?\b/i;

/** Extracts a chapter's commitments. Pure: the caller reads the file (see readDocumentFile). */
export function parseDocument(text: string, options: ParseDocumentOptions = {}): ExtractedDocument {
  const file = options.fileName ?? null;
  const published = options.published ?? null;
  if (text.trim() === '') throw new DocumentError({ file, problem: 'the document is empty' });
  if (published !== null && parseCalendarDate(published) === null) {
    throw new DocumentError({ file, problem: `published date "${published}" is not a valid YYYY-MM-DD date` });
  }
  const language = options.language ?? detectLanguage(text);
  let source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.includes('\r')) source = source.replace(/\r\n?/g, '\n');
  // The header is near the top; the body is walked with a cursor rather than split into an array
  // (a 32,000-commitment document has 100,000 lines).
  const header = readHeader(source.split('\n', HEADER_LINES));
  const title = header.titleLines.join(' ') || (file === null ? '' : baseName(file));
  const noise = buildNoise(header);
  const context: BuildContext = { published, language, file, review: options.review === true };

  const built: Built[] = [];
  const warnings: ExtractionWarning[] = [];
  // Headings from unnumbered lines (chapter sections, task forces), then the numbered heading
  // ("4. 確保土地如期到位：") the current bullets sit under, if any.
  let headings: string[] = Object.freeze([]) as unknown as string[];
  let numbered = null as { text: string; label: string; bureaus: BureauList | null; count: number } | null;
  let path: string[] = headings;
  let pending: SourceLine[] = [];
  let item = null as OpenItem | null;
  // The bullets since the last heading or numbered item: a bureau written once after the last of
  // them applies to those without their own.
  let group: Built[] = [];

  const closeGroup = (written: BureauList | null): void => {
    if (group.length > 0) applyGroupBureau(group, written ?? numbered?.bureaus ?? null);
    group = [];
  };
  const setPath = (): void => {
    path = numbered === null ? headings : (Object.freeze([...headings, numbered.text]) as string[]);
  };
  /** Ends the open item; `nextIsBullet`: the line that ends it is a "- " bullet. */
  const finish = (nextIsBullet: boolean): void => {
    if (item === null) return;
    const open = item;
    item = null;
    if (open.label !== null) {
      closeGroup(null);
      const heading = readNumberedHeading(open, nextIsBullet);
      if (heading !== null) {
        numbered = { ...heading, label: open.label, count: 0 };
        setPath();
        return;
      }
      if (numbered !== null) {
        numbered = null;
        setPath();
      }
    }
    // Bullets under "4. …：" are numbered 4.1, 4.2, … after it.
    const label = open.label ?? (numbered === null ? null : `${numbered.label}.${++numbered.count}`);
    const result = buildCommitment(open, path, label, context, warnings);
    built.push(result);
    if (open.label === null) group.push(result);
  };
  const startItem = (first: SourceLine, label: string | null): void => {
    const isBullet = label === null;
    finish(isBullet);
    if (pending.length > 0) {
      const next = applyHeadings(headings, pending);
      pending = [];
      if (next !== headings) {
        closeGroup(null);
        headings = next;
        numbered = null;
        setPath();
      }
    }
    item = { parts: [first], gap: false, label };
  };

  let line = 0;
  for (let pos = 0; pos <= source.length; ) {
    let end = source.indexOf('\n', pos);
    if (end < 0) end = source.length;
    const from = pos;
    pos = end + 1;
    line++;
    if (line <= header.bodyStart) continue;
    const textLine = end === from ? '' : source.slice(from, end).trim();
    if (textLine === '' || PAGE_NUMBER.test(textLine) || noise.matches(textLine)) {
      if (item !== null) item.gap = true;
      continue;
    }
    const marker = BULLET.exec(textLine);
    if (marker !== null) {
      startItem({ text: textLine.slice(marker[0].length).trim(), line }, null);
      continue;
    }
    const number = NUMBERED.exec(textLine);
    if (number !== null) {
      const label = (number[1] ?? number[2] ?? number[3]!).normalize('NFKC');
      startItem({ text: textLine.slice(number[0].length).trim(), line }, label);
      continue;
    }
    // "(發展局)" on a line of its own: the bureau of the open item, or of the group it ends.
    const bureauLine = readBureauLine(textLine);
    if (bureauLine !== null) {
      if (item !== null && !endsWithBureauList(lastText(item))) {
        item.parts.push({ text: textLine, line });
        item.gap = false;
        continue;
      }
      if (item !== null || (pending.length === 0 && group.length > 0)) {
        finish(false);
        closeGroup(bureauLine);
        continue;
      }
    }
    if (item !== null && continuesItem(item, textLine)) {
      item.parts.push({ text: textLine, line });
      item.gap = false;
      continue;
    }
    finish(false);
    pending.push({ text: textLine, line });
  }
  finish(false);
  closeGroup(null);

  if (built.length === 0) throw new DocumentError({ file, problem: 'no bullets found' });

  // Refs are numbered in document order, so re-extracting the same text gives the same refs.
  const commitments = built.map((b) => b.commitment);
  const width = Math.max(2, String(commitments.length).length);
  const year = published === null ? '' : published.slice(0, 4);
  // Refs are unique per document: a chapter's number, or KPI for the indicator lists that have none, keeps
  // the chapters of one year apart (PA2024-7-03, PA2022-KPI-14).
  const section = header.chapter ?? (INDICATOR_TITLE.test(title) ? 'KPI' : null);
  const prefix = `PA${year}-${section === null ? '' : `${section}-`}`;
  commitments.forEach((c, index) => {
    c.ref = `${prefix}${String(index + 1).padStart(width, '0')}`;
  });
  const withdrawn = new Set<ExtractionWarning>();
  for (const b of built) if (b.missing !== null && (b.commitment.bureaus.length > 0 || b.commitment.withRelevantBureaux)) withdrawn.add(b.missing);
  const result: ExtractedDocument = {
    document: {
      title,
      chapter: header.chapter,
      language,
      published,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    },
    commitments,
    warnings: withdrawn.size === 0 ? warnings : warnings.filter((w) => !withdrawn.has(w)),
  };
  if (context.review) result.review = collectReview(built);
  return result;
}

// ---------------------------------------------------------------------------------------------

interface Header {
  chapter: string | null;
  titleLines: string[];
  /** Index of the first line after the title block. */
  bodyStart: number;
}

/** The chapter number and the title block (the non-blank lines after it, up to a blank line). */
function readHeader(lines: string[]): Header {
  let i = skipBlank(lines, 0);
  let chapter: string | null = null;
  const chapterMatch = CHAPTER.exec(lines[i]?.trim() ?? '');
  if (chapterMatch !== null) {
    const value = chapterMatch[1] ?? chapterMatch[2]!;
    chapter = String(parseChineseNumber(value) ?? value);
    i = skipBlank(lines, i + 1);
  }
  const block: string[] = [];
  let j = i;
  while (j < lines.length) {
    const t = lines[j]!.trim();
    if (t === '' || isItemStart(t) || PAGE_NUMBER.test(t) || !isHeadingLike(t)) break;
    block.push(t);
    j++;
  }
  // A block that leads straight into a bullet is a heading run, not a title.
  const next = lines[skipBlank(lines, j)]?.trim() ?? '';
  if (block.length === 0 || isItemStart(next)) return { chapter, titleLines: [], bodyStart: i };
  return { chapter, titleLines: block, bodyStart: j };
}

function isItemStart(line: string): boolean {
  return BULLET.test(line) || NUMBERED.test(line);
}

function skipBlank(lines: string[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  return i;
}

function isHeadingLike(text: string): boolean {
  return text.length <= MAX_HEADING_LENGTH && !SENTENCE_END.test(text) && !text.includes('。') && !/[.!?;]\s/.test(text);
}

/**
 * The heading path for the next bullet, from the lines seen since the previous one. Paths are
 * frozen and shared by the commitments under them (32,000 commitments need not carry 32,000 copies).
 */
function applyHeadings(current: string[], pending: SourceLine[]): string[] {
  let first = pending.length;
  while (first > 0 && isHeadingLike(pending[first - 1]!.text)) first--;
  const run = pending.slice(first).map((p) => p.text);
  if (run.length === 0) return current;
  const path = run.length >= 2 || current.length === 0 ? run : [...current.slice(0, -1), run[0]!];
  return Object.freeze(path) as string[];
}

// ---------------------------------------------------------------------------------------------

interface TrailingParens {
  /** Offset of the opening parenthesis. */
  open: number;
  content: string;
}

/**
 * The parenthesised group that ends the text, "(發展局)" or "（發展局）", nested ones included, also
 * when a full stop follows it ("…(DEVB)."): `open` is where the brackets start, and what follows
 * them is dropped with them.
 */
function findTrailingParens(text: string): TrailingParens | null {
  let last = text.length - 1;
  while (last > 0 && TRAILING_STOP.test(text[last]!)) last--;
  if (text[last] !== ')' && text[last] !== '）') return null;
  let depth = 0;
  for (let i = last; i >= 0; i--) {
    const c = text[i];
    if (c === ')' || c === '）') depth++;
    else if (c === '(' || c === '（') {
      depth--;
      if (depth === 0) return { open: i, content: text.slice(i + 1, last) };
    }
  }
  return null;
}

const TRAILING_STOP = /[\s。．.;；]/;

function endsWithBureauList(text: string): boolean {
  const parens = findTrailingParens(text);
  return parens !== null && isBureauList(parens.content);
}

function lastText(item: OpenItem): string {
  return item.parts[item.parts.length - 1]!.text;
}

/** Whether a line that is not a bullet or numbered item continues the open item (a wrapped line). */
function continuesItem(item: OpenItem, textLine: string): boolean {
  const lastPart = lastText(item);
  const parens = findTrailingParens(lastPart);
  if (parens !== null) {
    // Ended by its bureaux, unless a directly following line shows "(GBA)" was just wrapped text.
    if (item.gap) return false;
    const list = splitBureauList(parens.content);
    return list.bureaus.length === list.unknown.length && !list.withRelevantBureaux;
  }
  // A complete sentence waiting for its group's bureau is not continued by a task force's name.
  if (SENTENCE_END.test(lastPart) && isHeadingLike(textLine) && TASK_FORCE.test(textLine)) return false;
  return !item.gap || !SENTENCE_END.test(lastPart);
}

/** "(發展局)" / "（DEVB, ITIB）" alone on a line: a bureau list, or null. */
function readBureauLine(textLine: string): BureauList | null {
  const parens = findTrailingParens(textLine);
  if (parens === null || parens.open !== 0 || !isBureauList(parens.content)) return null;
  return splitBureauList(parens.content);
}

/**
 * A numbered item that heads bullets rather than being a commitment: it ends with a colon
 * ("4. 確保土地如期到位：", bureau brackets after the colon allowed), or it has no bureau of its own
 * and bullets follow it directly. Returns its heading text and bureaux, or null.
 */
function readNumberedHeading(item: OpenItem, nextIsBullet: boolean): { text: string; bureaus: BureauList | null } | null {
  const whole = joinParts(item.parts).text.trimEnd();
  const parens = findTrailingParens(whole);
  const ownBureaus = parens !== null && isBureauList(parens.content) ? splitBureauList(parens.content) : null;
  const body = ownBureaus === null ? whole : whole.slice(0, parens!.open).trimEnd();
  if (COLON_END.test(body)) return { text: body.slice(0, -1).trimEnd(), bureaus: ownBureaus };
  if (nextIsBullet && ownBureaus === null && isHeadingLike(body)) return { text: body, bureaus: null };
  return null;
}

/**
 * The indicator lists write a group's bureau once, after its last bullet: every bullet of the group
 * without bureaux of its own takes those of the last bullet (or of a bureau line, or of the
 * numbered heading above the group).
 */
function applyGroupBureau(group: Built[], written: BureauList | null): void {
  let source: { bureaus: string[]; withRelevantBureaux: boolean } | null = written;
  if (source === null) {
    const last = group[group.length - 1]!.commitment;
    if (last.bureaus.length > 0 || last.withRelevantBureaux) source = last;
  }
  if (source === null) return;
  for (const member of group) {
    const c = member.commitment;
    if (c.bureaus.length > 0 || c.withRelevantBureaux || member.hasOwnList) continue;
    c.bureaus = [...source.bureaus];
    c.withRelevantBureaux = source.withRelevantBureaux;
  }
}

/** Joins wrapped lines: no space between CJK characters or after a hyphen, one space otherwise. */
function joinParts(parts: SourceLine[]): { text: string; offsets: number[] } {
  // One line: keep the line itself (a slice of the input) rather than a copy.
  if (parts.length === 1) return { text: parts[0]!.text, offsets: [0] };
  const offsets: number[] = [];
  const pieces: string[] = [];
  let length = 0;
  let previous = '';
  for (const part of parts) {
    // No glue after an empty start ("1." alone on its line, its text on the next).
    if (length > 0) {
      const before = previous[previous.length - 1] ?? '';
      const after = part.text[0] ?? '';
      const glue = CJK.test(before) || CJK.test(after) || (before === '-' && /[A-Za-z0-9]/.test(after)) ? '' : ' ';
      pieces.push(glue);
      length += glue.length;
    }
    offsets.push(length);
    pieces.push(part.text);
    length += part.text.length;
    previous = part.text;
  }
  return { text: pieces.join(''), offsets };
}

interface BuildContext {
  published: string | null;
  language: DocumentLanguage;
  file: string | null;
  review: boolean;
}

function buildCommitment(
  item: OpenItem,
  headings: string[],
  label: string | null,
  context: BuildContext,
  warnings: ExtractionWarning[],
): Built {
  const parts = item.parts;
  const joined = joinParts(parts);
  const whole = joined.text.trimEnd();
  let parens = findTrailingParens(whole);
  let list = parens === null ? null : splitBureauList(parens.content);
  // "(當中超過 90% 位於「北部都會區」)" at the end is text, not a list of bureaux.
  if (list !== null && !isBureauListOf(list)) {
    parens = null;
    list = null;
  }
  const firstLine = parts[0]!.line;
  const lastLine = parts[parts.length - 1]!.line;
  let body = whole;
  let bureaus: string[] = [];
  let withRelevantBureaux = false;
  let missing: ExtractionWarning | null = null;
  if (parens === null || list === null) {
    missing = { line: firstLine, message: 'no responsible bureau: the bullet has no trailing parentheses' };
    warnings.push(missing);
  } else {
    body = whole.slice(0, parens.open).trimEnd();
    bureaus = list.bureaus;
    withRelevantBureaux = list.withRelevantBureaux;
    for (const name of list.unknown) warnings.push({ line: lastLine, message: `unknown bureau "${name}"` });
    if (list.bureaus.length === 0 && !list.withRelevantBureaux) {
      warnings.push({ line: lastLine, message: 'no responsible bureau in the trailing parentheses' });
    }
  }

  let milestones;
  let dateNotes: DateNote[] = NO_NOTES;
  try {
    const options = { published: context.published, language: context.language };
    milestones = parseDeadlines(body, options);
    if (context.review) dateNotes = reviewDeadlines(body, options);
  } catch (error) {
    if (!(error instanceof DeadlineError)) throw error;
    throw new DocumentError({
      file: context.file,
      line: lineAt(parts, joined.offsets, error.index),
      problem: `"${error.phrase}" counts from the publication date; give the publication date (--published YYYY-MM-DD, or "published" in the seeds manifest)`,
    });
  }
  const commitment: ExtractedCommitment = { ref: '', headings, text: body, bureaus, withRelevantBureaux, milestones };
  if (label !== null) commitment.label = label;
  return {
    commitment,
    firstLine,
    lastLine,
    missing,
    hasOwnList: parens !== null,
    dateNotes,
    dateLines: dateNotes === NO_NOTES ? NO_LINES : dateNotes.map((note) => lineAt(parts, joined.offsets, note.start)),
  };
}

// Shared empty lists: most commitments have no review notes.
const NO_NOTES: DateNote[] = Object.freeze([]) as unknown as DateNote[];
const NO_LINES: number[] = Object.freeze([]) as unknown as number[];

/** The source line of an offset into joined parts. */
function lineAt(parts: SourceLine[], offsets: number[], index: number): number {
  let line = parts[0]!.line;
  for (let k = 0; k < parts.length; k++) if (offsets[k]! <= index) line = parts[k]!.line;
  return line;
}

/** What needs a human eye, in document order (see ReviewNote). */
function collectReview(built: Built[]): ReviewNote[] {
  const notes: ReviewNote[] = [];
  for (const b of built) {
    const c = b.commitment;
    const excerpt = c.text.length > 60 ? `${c.text.slice(0, 59)}…` : c.text;
    if (c.bureaus.length === 0 && !c.withRelevantBureaux) {
      notes.push({ kind: 'no-bureau', line: b.firstLine, ref: c.ref, words: excerpt, message: 'no responsible bureau, in its brackets or its group\'s' });
    }
    for (const name of c.bureaus) {
      if (findBureau(name)?.code === name) continue;
      notes.push({ kind: 'unknown-bureau', line: b.lastLine, ref: c.ref, words: name, message: 'not in the bureau registry; kept as written' });
    }
    b.dateNotes.forEach((note, k) => {
      notes.push({ kind: note.kind, line: b.dateLines[k]!, ref: c.ref, words: note.words, message: note.message });
    });
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------

/** zh-Hant when CJK characters outnumber Latin letters (sampled: a chapter is one language). */
function detectLanguage(text: string): DocumentLanguage {
  let cjk = 0;
  let latin = 0;
  const end = Math.min(text.length, 20_000);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x4e00 && code <= 0x9fff) cjk++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
  }
  return cjk > latin ? 'zh-Hant' : 'en';
}

function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** The repeated chapter number and title lines that PDF page headers leave in the text. */
function buildNoise(header: Header): { matches(line: string): boolean } {
  const keys = new Set<string>();
  const title = header.titleLines;
  for (const key of [...title, title.join('')]) if (key !== '') keys.add(compact(key));
  if (header.chapter !== null && title.length > 0) keys.add(compact(`${header.chapter}${title.join('')}`));
  let shortest = Infinity;
  let longest = 0;
  for (const key of keys) {
    shortest = Math.min(shortest, key.length);
    longest = Math.max(longest, key.length);
  }
  // Only lines of a possible length are compacted and compared: most lines are bullets.
  return {
    matches: (line) => line.length >= shortest && line.length <= longest * 2 && keys.has(compact(line)),
  };
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.[^.]*$/, '');
}
