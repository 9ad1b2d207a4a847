// Which language a chapter's text is written in, from its letters: Chinese characters against Latin
// letters over the first stretch of text. Used to refuse a `--lang` that does not match the text before
// anything is stored (a Chinese text loaded as English would pair nothing and show the wrong texts).
import type { DocumentLanguage } from '../domain/types.ts';

const SAMPLE = 50_000;

export function detectTextLanguage(text: string): DocumentLanguage {
  let han = 0;
  let latin = 0;
  const end = Math.min(text.length, SAMPLE);
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) han++;
    else if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) latin++;
  }
  // A Chinese character carries about as much as a 3-letter English word fragment; English text
  // quoting a few Chinese names stays English.
  return han * 3 > latin ? 'zh-Hant' : 'en';
}

export const LANGUAGE_NAMES: Record<DocumentLanguage, string> = { 'zh-Hant': 'Chinese (zh-Hant)', en: 'English (en)' };
