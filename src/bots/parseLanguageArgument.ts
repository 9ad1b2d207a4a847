// The argument of /lang: which of the two reader languages is meant.
import type { ReaderLanguage } from '../domain/alertLabels.ts';

const ZH = new Set(['zh', 'zh-hk', 'zh-hant', 'zh-tw', 'chinese', 'cantonese', '中', '中文', '繁', '繁體', '繁體中文', '廣東話', '粵語']);
const EN = new Set(['en', 'en-gb', 'en-us', 'english', '英', '英文', '英語']);

export function parseLanguageArgument(text: string): ReaderLanguage | null {
  const word = text.normalize('NFKC').trim().toLowerCase().replace(/_/g, '-');
  if (ZH.has(word)) return 'zh-HK';
  if (EN.has(word)) return 'en';
  return null;
}
