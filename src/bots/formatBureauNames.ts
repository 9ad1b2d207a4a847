// Bureau codes as a reader sees them: their names in the reader's language, joined the way that language
// joins a list. Unknown codes are shown as they are.
import type { ReaderLanguage } from '../domain/alertLabels.ts';
import { labelsFor } from '../domain/alertLabels.ts';
import { findBureau } from '../domain/bureaus.ts';

export function formatBureauName(code: string, language: ReaderLanguage): string {
  const bureau = findBureau(code);
  if (!bureau) return code;
  return language === 'zh-HK' ? bureau.zh : bureau.en;
}

export function formatBureauNames(codes: readonly string[], language: ReaderLanguage, withRelevantBureaux = false): string {
  const names = codes.map((code) => formatBureauName(code, language)).join(language === 'zh-HK' ? '、' : ', ');
  if (!withRelevantBureaux) return names;
  const relevant = labelsFor(language).andRelevant;
  return names ? `${names} ${relevant}` : relevant;
}
