// The two languages of the site: paths start with /zh or /en; the bare root follows Accept-Language.
import type { TrackerStatus } from '../domain/trackerStatus.ts';

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

export const STATUS_LABELS: Record<Lang, Record<TrackerStatus, string>> = {
  zh: { met: '已完成', claimed: '聲稱完成', on_track: '按計劃', due_soon: '即將到期', overdue: '逾期', ongoing: '持續推行', rescheduled: '已改期', dropped: '已放棄' },
  en: { met: 'Met', claimed: 'Claimed', on_track: 'On track', due_soon: 'Due soon', overdue: 'Overdue', ongoing: 'Ongoing', rescheduled: 'Rescheduled', dropped: 'Dropped' },
};

export const STORED_STATUS_LABELS: Record<Lang, Record<string, string>> = {
  zh: { pending: '待完成', met: '已完成', claimed: '聲稱完成', rescheduled: '已改期', dropped: '已放棄' },
  en: { pending: 'Pending', met: 'Met', claimed: 'Claimed', rescheduled: 'Rescheduled', dropped: 'Dropped' },
};

const TEXTS = {
  zh: {
    siteName: '施政報告承諾追蹤',
    overview: '總覽',
    bureaux: '政策局',
    documents: '文件',
    overdue: '逾期',
    upcoming: '未來90日到期',
    changed: '最近更新',
    search: '搜尋',
    searchPlaceholder: '搜尋承諾內容或編號',
    totals: '按狀態統計',
    nextDeadlines: '即將到期',
    mostOverdue: '逾期最久',
    recentChanges: '最近狀態變更',
    chartTitle: '每月到期的里程碑（按狀態）',
    ref: '編號',
    commitment: '承諾',
    due: '到期日',
    status: '狀態',
    bureau: '政策局',
    document: '文件',
    changedAt: '變更時間',
    change: '變更',
    none: '沒有項目。',
    all: '全部',
    sort: '排序',
    filter: '篩選',
    apply: '套用',
    previous: '上一頁',
    next: '下一頁',
    page: '頁',
    of: '共',
    results: '項結果',
    milestones: '里程碑',
    history: '狀態記錄',
    source: '來源',
    evidence: '證據',
    note: '備註',
    carryOvers: '延續承諾',
    calendar: '日曆（iCalendar）',
    feeds: 'Atom 訂閱',
    feedChanges: '狀態變更',
    feedNew: '新承諾',
    feedMissed: '逾期',
    missedEntry: '已逾期',
    badge: '徽章',
    exports: '匯出資料',
    chapter: '章節',
    editions: '版本',
    published: '發布日期',
    sourceLink: '原文',
    language: '語言',
    commitments: '承諾',
    headings: '標題',
    withRelevant: '及相關政策局',
    withdrawn: '此承諾已於新版本中刪除',
    notFound: '找不到此頁。',
    otherLanguageOnly: '此承諾只有中文版本。',
    daysOverdue: (n: number) => `逾期${n}日`,
    daysLeft: (n: number) => `尚餘${n}日`,
    dueToday: '今日到期',
    sortDue: '到期日（最早）',
    sortDueDesc: '到期日（最遲）',
    sortRef: '編號',
    sortRecent: '最新',
    sortOldest: '最舊',
    api: 'API',
    today: '今日',
    skip: '跳至內容',
    switchLanguage: 'English',
    loaded: '載入時間',
  },
  en: {
    siteName: 'Policy Address Promise Tracker',
    overview: 'Overview',
    bureaux: 'Bureaux',
    documents: 'Documents',
    overdue: 'Overdue',
    upcoming: 'Due in the next 90 days',
    changed: 'Recently changed',
    search: 'Search',
    searchPlaceholder: 'Search commitment texts or refs',
    totals: 'Totals by status',
    nextDeadlines: 'Next deadlines',
    mostOverdue: 'Most overdue',
    recentChanges: 'Recent status changes',
    chartTitle: 'Milestones due per month, by status',
    ref: 'Ref',
    commitment: 'Commitment',
    due: 'Due',
    status: 'Status',
    bureau: 'Bureau',
    document: 'Document',
    changedAt: 'Changed',
    change: 'Change',
    none: 'Nothing here.',
    all: 'All',
    sort: 'Sort',
    filter: 'Filter',
    apply: 'Apply',
    previous: 'Previous',
    next: 'Next',
    page: 'Page',
    of: 'of',
    results: 'results',
    milestones: 'Milestones',
    history: 'Status history',
    source: 'Source',
    evidence: 'Evidence',
    note: 'Note',
    carryOvers: 'Carried over',
    calendar: 'Calendar (iCalendar)',
    feeds: 'Atom feeds',
    feedChanges: 'Status changes',
    feedNew: 'New commitments',
    feedMissed: 'Missed deadlines',
    missedEntry: 'deadline missed',
    badge: 'Badge',
    exports: 'Data exports',
    chapter: 'Chapter',
    editions: 'Versions',
    published: 'Published',
    sourceLink: 'Source document',
    language: 'Language',
    commitments: 'Commitments',
    headings: 'Headings',
    withRelevant: 'and relevant bureaux',
    withdrawn: 'This commitment was removed in a later version of the document',
    notFound: 'Page not found.',
    otherLanguageOnly: 'This commitment exists only in Chinese; it is shown as published.',
    daysOverdue: (n: number) => `${n} day${n === 1 ? '' : 's'} overdue`,
    daysLeft: (n: number) => `${n} day${n === 1 ? '' : 's'} left`,
    dueToday: 'due today',
    sortDue: 'Due date (earliest)',
    sortDueDesc: 'Due date (latest)',
    sortRef: 'Ref',
    sortRecent: 'Most recent',
    sortOldest: 'Oldest',
    api: 'API',
    today: 'Today',
    skip: 'Skip to content',
    switchLanguage: '中文',
    loaded: 'Loaded',
  },
} as const;

export type Texts = (typeof TEXTS)['en'];

export function textsOf(lang: Lang): Texts {
  return TEXTS[lang] as unknown as Texts;
}

export function bureauName(lang: Lang, bureau: { nameZh: string; nameEn: string }): string {
  return lang === 'zh' ? bureau.nameZh : bureau.nameEn;
}

/** The language attribute of a commitment text, from its document's language. */
export function textLang(documentLanguage: string): string {
  return documentLanguage === 'en' ? 'en' : 'zh-Hant';
}
