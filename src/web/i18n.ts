// The two languages of the site: paths start with /zh or /en; the bare root follows Accept-Language.
import type { ReaderLanguage } from '../domain/alertLabels.ts';
import { MILESTONE_STATUSES } from '../domain/milestoneStatus.ts';
import { TRACKER_STATUSES, type TrackerStatus } from '../domain/trackerStatus.ts';
import { formatMessage } from '../texts/formatMessage.ts';
import { PLAIN_TEXT } from '../texts/markups.ts';
import { recordOf } from '../texts/recordOf.ts';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/** The first of zh/en in the Accept-Language list by weight; Chinese when neither is named. */
export function pickLanguage(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'zh';
}

export const HTML_LANG: Record<Lang, string> = { zh: 'zh-HK', en: 'en' };

/** The catalog's language of each site language. */
const READER_LANGUAGE: Record<Lang, ReaderLanguage> = { zh: 'zh-HK', en: 'en' };

function labelsOf<K extends string>(prefix: string, keys: readonly K[]): Record<Lang, Record<K, string>> {
  const of = (lang: Lang) => recordOf(keys, (key) => PLAIN_TEXT.render(formatMessage(READER_LANGUAGE[lang], `${prefix}${key}`)));
  return { zh: of('zh'), en: of('en') };
}

export const STATUS_LABELS: Record<Lang, Record<TrackerStatus, string>> = labelsOf('web-status-', TRACKER_STATUSES);

export const STORED_STATUS_LABELS: Record<Lang, Record<string, string>> = labelsOf('web-stored-', MILESTONE_STATUSES);

// The site's words, from the message catalog (src/texts/*.ftl, keys web-*). The web templates escape every
// value they place, so these are plain text.
const WEB_STRINGS = [
  'siteName', 'overview', 'bureaux', 'documents', 'overdue', 'upcoming', 'changed', 'search',
  'searchPlaceholder', 'totals', 'nextDeadlines', 'mostOverdue', 'recentChanges', 'chartTitle', 'ref',
  'commitment', 'due', 'status', 'bureau', 'document', 'changedAt', 'change', 'none', 'all', 'sort', 'filter',
  'apply', 'previous', 'next', 'page', 'of', 'results', 'milestones', 'history', 'source', 'evidence', 'note',
  'carryOvers', 'calendar', 'feeds', 'feedChanges', 'feedNew', 'feedMissed', 'missedEntry', 'badge', 'exports',
  'chapter', 'editions', 'published', 'sourceLink', 'language', 'commitments', 'headings', 'withRelevant',
  'withdrawn', 'notFound', 'otherLanguageOnly', 'dueToday', 'sortDue', 'sortDueDesc', 'sortRef', 'sortRecent',
  'sortOldest', 'api', 'today', 'skip', 'switchLanguage', 'loaded',
] as const;

export type Texts = Readonly<Record<(typeof WEB_STRINGS)[number], string>> & {
  daysOverdue(n: number): string;
  daysLeft(n: number): string;
};

function buildTexts(lang: Lang): Texts {
  const language = READER_LANGUAGE[lang];
  return {
    ...labelsOf('web-', WEB_STRINGS)[lang],
    daysOverdue: (n) => formatMessage(language, 'web-daysOverdue', { n }),
    daysLeft: (n) => formatMessage(language, 'web-daysLeft', { n }),
  };
}

const TEXTS: Record<Lang, Texts> = { zh: buildTexts('zh'), en: buildTexts('en') };

export function textsOf(lang: Lang): Texts {
  return TEXTS[lang];
}

export function bureauName(lang: Lang, bureau: { nameZh: string; nameEn: string }): string {
  return lang === 'zh' ? bureau.nameZh : bureau.nameEn;
}

/** The language attribute of a commitment text, from its document's language. */
export function textLang(documentLanguage: string): string {
  return documentLanguage === 'en' ? 'en' : 'zh-Hant';
}
