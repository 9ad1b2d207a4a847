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
import { parseDeadlines } from '../domain/parseDeadlines.ts';
import type {
  DocumentLanguage,
  ExtractedCommitment,
  ExtractedDocument,
  ExtractionWarning,
} from '../domain/types.ts';
import { DocumentError } from './DocumentError.ts';
import { splitBureauList } from './splitBureauList.ts';

export interface ParseDocumentOptions {
  published?: string | null;
  language?: DocumentLanguage;
  fileName?: string;
}

interface SourceLine {
  text: string;
  line: number;
}

interface OpenBullet {
  parts: SourceLine[];
  /** A blank line or page number was seen since the last part. */
  gap: boolean;
}

const BULLET = /^(?:[-–]\s+|[•●▪・]\s*)/;
// "12", "- 12 -", "Page 12", "7-3": page furniture, not text.
const PAGE_NUMBER = /^(?:(?:page\s*)?\d{1,3}(?:\s*[-–/]\s*\d{1,3})?|[-–]\s*\d{1,3}\s*[-–])$/i;
const CHAPTER = new RegExp(`^(?:(?:chapter\\s+)?(\\d{1,2})|第\\s*([\\d${CHINESE_DIGIT_CHARS}十]{1,3})\\s*章)$`, 'i');
const SENTENCE_END = /[。．.！!？?；;：:]$/;
const MAX_HEADING_LENGTH = 120;
const HEADER_LINES = 500;
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

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

  const commitments: ExtractedCommitment[] = [];
  const warnings: ExtractionWarning[] = [];
  let headings: string[] = Object.freeze([]) as unknown as string[];
  let pending: SourceLine[] = [];
  let bullet: OpenBullet | null = null;

  const finish = (): void => {
    if (bullet === null) return;
    commitments.push(buildCommitment(bullet.parts, headings, { published, language, file }, warnings));
    bullet = null;
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
      if (bullet !== null) bullet.gap = true;
      continue;
    }
    const marker = BULLET.exec(textLine);
    if (marker !== null) {
      finish();
      headings = applyHeadings(headings, pending);
      pending = [];
      bullet = { parts: [{ text: textLine.slice(marker[0].length).trim(), line }], gap: false };
      continue;
    }
    if (bullet !== null && continuesBullet(bullet)) {
      bullet.parts.push({ text: textLine, line });
      bullet.gap = false;
      continue;
    }
    finish();
    pending.push({ text: textLine, line });
  }
  finish();

  if (commitments.length === 0) throw new DocumentError({ file, problem: 'no bullets found' });

  // Refs are numbered in document order, so re-extracting the same text gives the same refs.
  const width = Math.max(2, String(commitments.length).length);
  const year = published === null ? '' : published.slice(0, 4);
  const prefix = `PA${year}-${header.chapter === null ? '' : `${header.chapter}-`}`;
  commitments.forEach((c, index) => {
    c.ref = `${prefix}${String(index + 1).padStart(width, '0')}`;
  });
  return {
    document: {
      title,
      chapter: header.chapter,
      language,
      published,
      sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
    },
    commitments,
    warnings,
  };
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
    if (t === '' || BULLET.test(t) || PAGE_NUMBER.test(t) || !isHeadingLike(t)) break;
    block.push(t);
    j++;
  }
  // A block that leads straight into a bullet is a heading run, not a title.
  const next = lines[skipBlank(lines, j)]?.trim() ?? '';
  if (block.length === 0 || BULLET.test(next)) return { chapter, titleLines: [], bodyStart: i };
  return { chapter, titleLines: block, bodyStart: j };
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

/** The parenthesised group that ends the text, "(發展局)" or "（發展局）", nested ones included. */
function findTrailingParens(text: string): TrailingParens | null {
  const last = text.length - 1;
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

function continuesBullet(bullet: OpenBullet): boolean {
  const lastPart = bullet.parts[bullet.parts.length - 1]!.text;
  const parens = findTrailingParens(lastPart);
  if (parens !== null) {
    // Ended by its bureaux, unless a directly following line shows "(GBA)" was just wrapped text.
    if (bullet.gap) return false;
    const list = splitBureauList(parens.content);
    return list.bureaus.length === list.unknown.length && !list.withRelevantBureaux;
  }
  return !bullet.gap || !SENTENCE_END.test(lastPart);
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
    if (pieces.length > 0) {
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

function buildCommitment(
  parts: SourceLine[],
  headings: string[],
  context: { published: string | null; language: DocumentLanguage; file: string | null },
  warnings: ExtractionWarning[],
): ExtractedCommitment {
  const joined = joinParts(parts);
  const whole = joined.text.trimEnd();
  const parens = findTrailingParens(whole);
  const firstLine = parts[0]!.line;
  const lastLine = parts[parts.length - 1]!.line;
  let body = whole;
  let bureaus: string[] = [];
  let withRelevantBureaux = false;
  if (parens === null) {
    warnings.push({ line: firstLine, message: 'no responsible bureau: the bullet has no trailing parentheses' });
  } else {
    body = whole.slice(0, parens.open).trimEnd();
    const list = splitBureauList(parens.content);
    bureaus = list.bureaus;
    withRelevantBureaux = list.withRelevantBureaux;
    for (const name of list.unknown) warnings.push({ line: lastLine, message: `unknown bureau "${name}"` });
    if (list.bureaus.length === 0 && !list.withRelevantBureaux) {
      warnings.push({ line: lastLine, message: 'no responsible bureau in the trailing parentheses' });
    }
  }

  let milestones;
  try {
    milestones = parseDeadlines(body, { published: context.published, language: context.language });
  } catch (error) {
    if (!(error instanceof DeadlineError)) throw error;
    let line = firstLine;
    for (let k = 0; k < parts.length; k++) if (joined.offsets[k]! <= error.index) line = parts[k]!.line;
    throw new DocumentError({
      file: context.file,
      line,
      problem: `"${error.phrase}" counts from the publication date; give the publication date (--published YYYY-MM-DD, or "published" in the seeds manifest)`,
    });
  }
  return { ref: '', headings, text: body, bureaus, withRelevantBureaux, milestones };
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
