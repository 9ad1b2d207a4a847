// A reader's language (a subscription's zh-HK or en, a CLI's zh or en) -> the edition to show.
import type { DocumentLanguage } from './types.ts';

export function editionLanguageOf(language: string | null | undefined): DocumentLanguage {
  return language === 'en' ? 'en' : 'zh-Hant';
}
