// The HKSAR policy bureaux and offices that Policy Address commitments name as responsible: the 15
// bureaux of the 2022 structure, the Department of Justice, the Digital Policy Office and the three
// secretaries' offices (CSO, DSO, FSO) that the indicator lists name.
// Pure data plus a forgiving lookup: the same table serves the extractor and the chat bots,
// where people type "devb", "Development Bureau", "the development bureau" or "發展局".

export interface Bureau {
  code: string;
  zh: string;
  en: string;
  aliases: string[];
}

export const BUREAUS: readonly Bureau[] = Object.freeze([
  { code: 'CMAB', zh: '政制及內地事務局', en: 'Constitutional and Mainland Affairs Bureau', aliases: [] },
  { code: 'CSTB', zh: '文化體育及旅遊局', en: 'Culture, Sports and Tourism Bureau', aliases: [] },
  { code: 'CEDB', zh: '商務及經濟發展局', en: 'Commerce and Economic Development Bureau', aliases: [] },
  { code: 'CSB', zh: '公務員事務局', en: 'Civil Service Bureau', aliases: [] },
  { code: 'DEVB', zh: '發展局', en: 'Development Bureau', aliases: [] },
  { code: 'EDB', zh: '教育局', en: 'Education Bureau', aliases: [] },
  { code: 'EEB', zh: '環境及生態局', en: 'Environment and Ecology Bureau', aliases: [] },
  {
    code: 'FSTB',
    zh: '財經事務及庫務局',
    en: 'Financial Services and the Treasury Bureau',
    aliases: ['Financial Services and Treasury Bureau'],
  },
  { code: 'HHB', zh: '醫務衞生局', en: 'Health Bureau', aliases: ['醫務衛生局'] },
  { code: 'HYAB', zh: '民政及青年事務局', en: 'Home and Youth Affairs Bureau', aliases: [] },
  { code: 'HB', zh: '房屋局', en: 'Housing Bureau', aliases: [] },
  { code: 'ITIB', zh: '創新科技及工業局', en: 'Innovation, Technology and Industry Bureau', aliases: [] },
  { code: 'LWB', zh: '勞工及福利局', en: 'Labour and Welfare Bureau', aliases: ['Labor and Welfare Bureau'] },
  { code: 'SB', zh: '保安局', en: 'Security Bureau', aliases: [] },
  { code: 'TLB', zh: '運輸及物流局', en: 'Transport and Logistics Bureau', aliases: [] },
  { code: 'DoJ', zh: '律政司', en: 'Department of Justice', aliases: [] },
  {
    code: 'CSO',
    zh: '政務司司長辦公室',
    en: "Chief Secretary for Administration's Office",
    aliases: ['Office of the Chief Secretary for Administration'],
  },
  {
    code: 'DSO',
    zh: '政務司副司長辦公室',
    en: "Deputy Chief Secretary for Administration's Office",
    aliases: ['Office of the Deputy Chief Secretary for Administration'],
  },
  {
    code: 'FSO',
    zh: '財政司司長辦公室',
    en: "Financial Secretary's Office",
    aliases: ['Office of the Financial Secretary'],
  },
  { code: 'DPO', zh: '數字政策辦公室', en: 'Digital Policy Office', aliases: [] },
].map((b) => Object.freeze({ ...b, aliases: Object.freeze([...b.aliases]) as string[] })));

// Character variants that appear in official texts for the same name (衞/衛 in 醫務衞生局,
// the Japanese/simplified 内 for 內). Folded before comparison.
const VARIANTS: Readonly<Record<string, string>> = { 衞: '衛', 内: '內', 爲: '為', 啓: '啟' };
const VARIANT_RE = /[衞内爲啓]/g;

/**
 * The comparison key of a bureau name: NFKC (full-width letters and brackets become half-width),
 * variant characters folded, lower case, curly apostrophes straightened, commas and full stops
 * dropped, whitespace collapsed and a leading "the" removed.
 */
export function normaliseBureauName(name: string): string {
  let key = name.normalize('NFKC').replace(VARIANT_RE, (c) => VARIANTS[c] ?? c).toLowerCase();
  key = key.replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[.,]/g, ' ').replace(/&/g, ' and ');
  key = key.replace(/\s+/g, ' ').trim();
  if (key.startsWith('the ')) key = key.slice(4);
  return key;
}

const INDEX: ReadonlyMap<string, Bureau> = (() => {
  const index = new Map<string, Bureau>();
  for (const bureau of BUREAUS) {
    for (const name of [bureau.code, bureau.zh, bureau.en, ...bureau.aliases]) {
      index.set(normaliseBureauName(name), bureau);
    }
  }
  return index;
})();

/** Every name the registry knows, as comparison keys, mapped to its bureau. */
export function listBureauKeys(): ReadonlyMap<string, Bureau> {
  return INDEX;
}

/** The bureau with this code, Chinese name or English name, however it is spaced or cased. */
export function findBureau(name: string): Bureau | undefined {
  return INDEX.get(normaliseBureauName(name));
}
