// What a person types after /subscribe or /unsubscribe: bureau codes, Chinese or English names, in any
// case, separated by spaces, commas or 、, or run together in Chinese ("發展局及教育局"), or "all".
// Pure and platform-neutral, shared by the Telegram and Discord bots.
import { findBureau, listBureauKeys, normaliseBureauName, type Bureau } from '../domain/bureaus.ts';

export interface BureauList {
  all: boolean;
  /** Recognised bureaux, each once, in the order given. */
  bureaus: Bureau[];
  /** Words that name no bureau, as typed. */
  unknown: string[];
}

const ALL_WORDS = new Set(['all', 'everything', '*', '全部', '所有', '全部政策局', '所有政策局']);
// Joining words between names; ignored when they are not part of a name ("Labour and Welfare Bureau").
const CONNECTORS = new Set(['and', '&', '及', '和', '與', '与', '同']);
const CJK_CONNECTORS = ['及', '和', '與', '与', '同'];
const CJK = /[\u3400-\u9fff]/;

/** Splits Chinese names written without spaces by the longest known name at each point. */
function segmentChinese(word: string): Bureau[] | null {
  const keys = listBureauKeys();
  const found: Bureau[] = [];
  let rest = normaliseBureauName(word);
  while (rest) {
    const connector = found.length ? CJK_CONNECTORS.find((c) => rest.startsWith(c)) : undefined;
    if (connector) {
      rest = rest.slice(connector.length);
      continue;
    }
    let end = rest.length;
    while (end > 0 && !keys.has(rest.slice(0, end))) end--;
    if (end === 0) return null;
    found.push(keys.get(rest.slice(0, end))!);
    rest = rest.slice(end);
  }
  return found;
}

export function parseBureauList(text: string): BureauList {
  const result: BureauList = { all: false, bureaus: [], unknown: [] };
  const add = (bureau: Bureau): void => {
    if (!result.bureaus.includes(bureau)) result.bureaus.push(bureau);
  };
  const chunks = text.normalize('NFKC').split(/[,;、，；\n]+/).map((chunk) => chunk.trim()).filter(Boolean);
  for (const chunk of chunks) {
    const words = chunk.split(/\s+/);
    let start = 0;
    while (start < words.length) {
      const word = words[start]!;
      if (ALL_WORDS.has(word.toLowerCase())) {
        result.all = true;
        start++;
        continue;
      }
      // The longest run of words from here that names a bureau ("the Development Bureau").
      let end = words.length;
      let bureau: Bureau | undefined;
      for (; end > start; end--) {
        bureau = findBureau(words.slice(start, end).join(' '));
        if (bureau) break;
      }
      if (bureau) {
        add(bureau);
        start = end;
        continue;
      }
      const segmented = CJK.test(word) ? segmentChinese(word) : null;
      if (segmented?.length) segmented.forEach(add);
      else if (!CONNECTORS.has(word.toLowerCase())) result.unknown.push(word);
      start++;
    }
  }
  return result;
}
