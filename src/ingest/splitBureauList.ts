// Splits the contents of a bullet's trailing parentheses into bureaux: "發展局、創新科技及工業局",
// "DEVB, ITIB", "Innovation, Technology and Industry Bureau and relevant bureaux". English names
// contain commas and "and" themselves, so registry names are matched greedily (longest first)
// before anything is split; only what no registry name covers is cut at separators.

import { listBureauKeys, normaliseBureauName } from '../domain/bureaus.ts';

export interface BureauList {
  /** Registry codes for known bureaux, the words as written for unknown ones, in order. */
  bureaus: string[];
  /** The names that are not in the registry (also present in `bureaus`). */
  unknown: string[];
  /** "相關政策局" / "relevant bureaux": other bureaux share the work; not a bureau itself. */
  withRelevantBureaux: boolean;
}

const RELEVANT = [
  '相關政策局', '其他相關政策局', '各相關政策局', '相關決策局', '相關政策局及部門', '相關政策局和部門',
  'relevant bureaux', 'relevant bureaus', 'other relevant bureaux', 'other relevant bureaus',
  'relevant policy bureaux', 'relevant policy bureaus', 'relevant bureaux and departments',
  'relevant bureaus and departments',
];

/** Every known name as a comparison key, longest first, with its code (null: "relevant bureaux"). */
const NAMES: ReadonlyArray<{ key: string; code: string | null }> = (() => {
  const names: Array<{ key: string; code: string | null }> = [];
  for (const [key, bureau] of listBureauKeys()) names.push({ key, code: bureau.code });
  for (const phrase of RELEVANT) names.push({ key: normaliseBureauName(phrase), code: null });
  return names.sort((a, b) => b.key.length - a.key.length);
})();

// Names ending in one of these are complete, so a comma after them separates two names; a comma
// after anything else may be inside an unknown English name ("Agriculture, Fisheries and …").
const HEAD_NOUN =
  /(?:bureaux?|office|departments?|commission|authority|council|unit|team|force|services?|agency|board|局|署|處|辦公室|委員會|部門|司)$/i;
const LATIN = /[a-z0-9]/;

interface Key {
  /** normaliseBureauName-style text, one key character per kept source character. */
  text: string;
  /** Source index of each key character. */
  source: number[];
  /** Key positions of spaces that stand for a comma. */
  commas: Set<number>;
}

// Documents repeat the same few lists ("發展局", "DEVB and relevant bureaux") hundreds of times.
const memo = new Map<string, BureauList>();
const MEMO_LIMIT = 500;

export function splitBureauList(content: string): BureauList {
  let list = memo.get(content);
  if (list === undefined) {
    list = splitUncached(content);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(content, list);
  }
  // Copies, so a caller may change its lists without touching the memo.
  return { bureaus: [...list.bureaus], unknown: [...list.unknown], withRelevantBureaux: list.withRelevantBureaux };
}

function splitUncached(content: string): BureauList {
  const result: BureauList = { bureaus: [], unknown: [], withRelevantBureaux: false };
  const key = buildKey(content);
  const s = key.text;
  let pos = 0;
  while (pos < s.length) {
    const skipped = skipSeparators(s, pos);
    if (skipped > pos) {
      pos = skipped;
      continue;
    }
    const known = matchName(s, pos);
    if (known !== null) {
      if (known.code === null) result.withRelevantBureaux = true;
      else if (!result.bureaus.includes(known.code)) result.bureaus.push(known.code);
      pos = known.end;
      continue;
    }
    const end = findUnknownEnd(key, pos);
    const name = content
      .slice(key.source[pos]!, key.source[end - 1]! + 1)
      .replace(/^[\s,，、]+|[\s,，、;；]+$/g, '')
      .replace(/\s+(?:and|及|和)$/i, '');
    if (name !== '' && !result.bureaus.includes(name)) {
      result.bureaus.push(name);
      result.unknown.push(name);
    }
    pos = Math.max(end, pos + 1);
  }
  return result;
}

function buildKey(content: string): Key {
  const chars: string[] = [];
  const source: number[] = [];
  const commas = new Set<number>();
  for (let i = 0; i < content.length; i++) {
    // Per character, so every key character still points at its source character.
    const raw = content[i]!;
    const isComma = raw === ',' || raw === '，';
    let c = keyCharOf(raw);
    if (c === '') c = ' '; // whitespace, commas and full stops become one space
    for (const ch of c) {
      if (ch === ' ') {
        if (chars.length === 0) continue;
        if (chars[chars.length - 1] === ' ') {
          if (isComma) commas.add(chars.length - 1);
          continue;
        }
        if (isComma) commas.add(chars.length);
      }
      chars.push(ch);
      source.push(i);
    }
  }
  while (chars[chars.length - 1] === ' ') {
    chars.pop();
    source.pop();
  }
  return { text: chars.join(''), source, commas };
}

const SEPARATOR = /^(?:\s+|[、;；\/]|以及|及|和|與|(?:and|with)(?=\s|$))/;

const keyChars = new Map<string, string>();

/** normaliseBureauName of one character, remembered: lists use few distinct characters. */
function keyCharOf(raw: string): string {
  let c = keyChars.get(raw);
  if (c === undefined) {
    c = normaliseBureauName(raw);
    if (keyChars.size < 10_000) keyChars.set(raw, c);
  }
  return c;
}

function skipSeparators(s: string, pos: number): number {
  let at = pos;
  for (;;) {
    const match = SEPARATOR.exec(s.slice(at, at + 6));
    if (!match) return at;
    at += match[0].length;
  }
}

function matchName(s: string, at: number): { end: number; code: string | null } | null {
  // "the Development Bureau": the article is not part of any key.
  const pos = s.startsWith('the ', at) ? at + 4 : at;
  for (const name of NAMES) {
    if (!s.startsWith(name.key, pos)) continue;
    const end = pos + name.key.length;
    // A Latin name must end at a word boundary ("sb" is not the start of "sbx").
    if (LATIN.test(name.key.slice(-1)) && end < s.length && LATIN.test(s[end]!)) continue;
    return { end, code: name.code };
  }
  return null;
}

/** Where an unknown name ends: at a hard separator, or where a registry name begins after "and"/a comma. */
function findUnknownEnd(key: Key, pos: number): number {
  const s = key.text;
  for (let i = pos + 1; i < s.length; i++) {
    const c = s[i]!;
    if (c === '、' || c === ';' || c === '；' || c === '/') return i;
    if (c === '及' || c === '和' || c === '與') {
      if (matchName(s, i + 1) !== null) return i;
      continue;
    }
    if (c !== ' ') continue;
    const next = skipSeparators(s, i);
    if (key.commas.has(i)) {
      if (HEAD_NOUN.test(s.slice(pos, i)) || matchName(s, next) !== null) return i;
    } else if (next > i + 1 && matchName(s, next) !== null) {
      return i; // "Foo Department and DEVB"
    }
  }
  return s.length;
}

// What the name of a bureau, department or other body ends with, in Chinese or English.
const ORGANISATION_END =
  /(?:局|署|處|辦公室|辦事處|委員會|會|司|組|部|部門|中心|公司|院|廳|隊|bureaux?|bureaus|office|departments?|commission|authority|council|unit|team|force|group|agency|board|corporation|centre|center|secretariat|committee|institute)$/i;

/**
 * Whether the words between a bullet's trailing brackets are a list of responsible bureaux, not text
 * ("(當中超過 90% 位於「北部都會區」)", "(2023-24 至 2032-33 年度)"): a list names a known bureau or
 * "相關政策局", or else every name in it reads like a body's name ("漁農自然護理署", "Lands
 * Department", "HKMA"), which is then kept and reported as unknown.
 */
export function isBureauList(content: string): boolean {
  return isBureauListOf(splitBureauList(content));
}

/** isBureauList of what splitBureauList returned. */
export function isBureauListOf(list: BureauList): boolean {
  if (list.bureaus.length > list.unknown.length || list.withRelevantBureaux) return true;
  return list.unknown.length > 0 && list.unknown.every(looksLikeOrganisation);
}

function looksLikeOrganisation(name: string): boolean {
  const n = name.normalize('NFKC').trim();
  if (n.length === 0 || /[\d%「」『』《》〈〉“”"，。；：:!?！？]/.test(n)) return false;
  // "GBA", "HKMA", "LCSD": an acronym of two or more capitals.
  if (/^[A-Z][A-Za-z&]{1,9}$/.test(n) && /[A-Z].*[A-Z]/.test(n)) return true;
  return n.length <= (CJK_NAME.test(n) ? 30 : 100) && ORGANISATION_END.test(n);
}

const CJK_NAME = /[\u4e00-\u9fff]/;
