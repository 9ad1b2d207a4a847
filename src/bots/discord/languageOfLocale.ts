// A Discord locale (zh-TW, zh-CN, en-US, en-GB, ja, …) as a reader language, or null when it is neither
// Chinese nor English and the channel's language should be used instead.
import type { ReaderLanguage } from '../../domain/alertLabels.ts';

export function languageOfLocale(locale: string | null | undefined): ReaderLanguage | null {
  if (!locale) return null;
  if (/^zh(-|$)/i.test(locale)) return 'zh-HK';
  if (/^en(-|$)/i.test(locale)) return 'en';
  return null;
}
