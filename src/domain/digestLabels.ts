// Words of the weekly digest, in the two languages a subscription can choose. The three renderers take
// their words from here (through describeDigest), so console, Telegram and Discord say the same thing.
import { labelsFor, type ReaderLanguage } from './alertLabels.ts';
import type { DigestChangeKind } from './weeklyDigest.ts';

export interface DigestLabels {
  title: (week: string, scope: string) => string;
  /** The digest's date and weekday, and since when it reports. */
  period: (today: string, weekday: number, sinceDate: string) => string;
  upcomingHeading: (count: number, weeks: number) => string;
  dateHeading: (date: string, daysLeft: number) => string;
  missedHeading: (count: number, sinceDate: string) => string;
  overdueLine: (count: number, oldestRef: string, oldestDue: string, daysOverdue: number) => string;
  changesHeading: (count: number, sinceDate: string) => string;
  change: (kind: DigestChangeKind, due: string, previousDue: string | null) => string;
  bureausHeading: string;
  counts: (c: { onTrack: number; overdue: number; met: number; claimed: number; dropped: number; ongoing: number }) => string;
  notListed: (later: number, ongoing: number) => string | null;
  nothing: (title: string, weeks: number, sinceDate: string) => string;
  stillOverdue: (count: number, oldestDue: string) => string;
  allBureaux: string;
  bureauCount: (count: number) => string;
  refCount: (count: number) => string;
  andJoin: (a: string, b: string) => string;
  listJoin: string;
  colon: string;
  starts: string;
  evidence: string;
  page: (index: number, total: number) => string;
  continued: string;
}

const ZH_WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ZH_NUMBERS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const zh = labelsFor('zh-HK');
const en = labelsFor('en');

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export const DIGEST_LABELS: Record<ReaderLanguage, DigestLabels> = {
  'zh-HK': {
    title: (week, scope) => `施政承諾每週摘要 ${week} · ${scope}`,
    period: (today, weekday, sinceDate) => `${today}（星期${ZH_WEEKDAYS[weekday - 1] ?? ''}）· 自 ${sinceDate} 起的變化`,
    upcomingHeading: (count, weeks) => `未來${ZH_NUMBERS[weeks] ?? weeks}星期到期（${count}項）`,
    dateHeading: (date, daysLeft) => `${date} · ${zh.daysLeft(daysLeft)}`,
    missedHeading: (count, sinceDate) => `自 ${sinceDate} 起逾期（${count}項）`,
    overdueLine: (count, ref, due, days) => `仍然逾期：共${count}項，最早一項 ${ref}（${due}，${zh.daysLeft(-days)}）`,
    changesHeading: (count, sinceDate) => `自 ${sinceDate} 起的狀態變更（${count}項）`,
    change: (kind, due, previousDue) => {
      switch (kind) {
        case 'met':
          return zh.status.met;
        case 'claimed':
          return zh.status.claimed;
        case 'dropped':
          return zh.status.dropped;
        case 'reopened':
          return '重新列為未完成';
        case 'rescheduled':
          return `改期至 ${due}${previousDue ? `（原定 ${previousDue}）` : ''}`;
        case 'redated':
          return `期限改為 ${due}${previousDue ? `（原定 ${previousDue}）` : ''}`;
      }
    },
    bureausHeading: '各政策局概況',
    counts: (c) =>
      [`進度正常 ${c.onTrack}`, `逾期 ${c.overdue}`, `已完成 ${c.met}`, `政府稱已完成 ${c.claimed}`, ...(c.dropped ? [`已撤回 ${c.dropped}`] : []), `持續推行 ${c.ongoing}`].join(' · '),
    notListed: (later, ongoing) => {
      const parts = [later ? `${later}個較遠的期限` : '', ongoing ? `${ongoing}項沒有期限的持續措施` : ''].filter(Boolean);
      return parts.length ? `另有${parts.join('及')}，未有逐一列出。` : null;
    },
    nothing: (title, weeks, sinceDate) => `${title}：未來${ZH_NUMBERS[weeks] ?? weeks}星期沒有到期項目，自 ${sinceDate} 起沒有新逾期或狀態變更。`,
    stillOverdue: (count, due) => `仍有${count}項逾期（最早 ${due}）。`,
    allBureaux: '所有政策局',
    bureauCount: (count) => `${count}個政策局`,
    refCount: (count) => `${count}項承諾`,
    andJoin: (a, b) => `${a}及${b}`,
    listJoin: '、',
    colon: '：',
    starts: zh.starts,
    evidence: zh.evidence,
    page: (index, total) => `第${index}/${total}頁`,
    continued: '（續）',
  },
  en: {
    title: (week, scope) => `Weekly digest ${week} · ${scope}`,
    period: (today, weekday, sinceDate) => `${EN_WEEKDAYS[weekday - 1] ?? ''} ${today} · changes since ${sinceDate}`,
    upcomingHeading: (count, weeks) => `Due in the next ${weeks} weeks (${count})`,
    dateHeading: (date, daysLeft) => `${date} · ${en.daysLeft(daysLeft)}`,
    missedHeading: (count, sinceDate) => `Missed since ${sinceDate} (${count})`,
    overdueLine: (count, ref, due, days) => `Still overdue: ${count} in all; the oldest is ${ref} (due ${due}, ${en.daysLeft(-days)})`,
    changesHeading: (count, sinceDate) => `Status changes since ${sinceDate} (${count})`,
    change: (kind, due, previousDue) => {
      switch (kind) {
        case 'met':
          return en.status.met;
        case 'claimed':
          return en.status.claimed;
        case 'dropped':
          return en.status.dropped;
        case 'reopened':
          return 'reopened';
        case 'rescheduled':
          return `rescheduled to ${due}${previousDue ? ` (was ${previousDue})` : ''}`;
        case 'redated':
          return `due date changed to ${due}${previousDue ? ` (was ${previousDue})` : ''}`;
      }
    },
    bureausHeading: 'By bureau',
    counts: (c) =>
      [`${c.onTrack} on track`, `${c.overdue} overdue`, `${c.met} met`, `${c.claimed} claimed`, ...(c.dropped ? [`${c.dropped} dropped`] : []), `${c.ongoing} ongoing`].join(' · '),
    notListed: (later, ongoing) => {
      const parts = [later ? plural(later, 'milestone') + ' due later' : '', ongoing ? plural(ongoing, 'ongoing commitment') + ' without a date' : ''].filter(Boolean);
      return parts.length ? `Not listed: ${parts.join(' and ')}.` : null;
    },
    nothing: (title, weeks, sinceDate) => `${title}: nothing due in the next ${weeks} weeks, nothing missed or changed since ${sinceDate}.`,
    stillOverdue: (count, due) => `${count} still overdue (oldest due ${due}).`,
    allBureaux: 'all bureaux',
    bureauCount: (count) => plural(count, 'bureau', 'bureaux'),
    refCount: (count) => plural(count, 'commitment'),
    andJoin: (a, b) => `${a} and ${b}`,
    listJoin: ', ',
    colon: ': ',
    starts: en.starts,
    evidence: en.evidence,
    page: (index, total) => `Page ${index}/${total}`,
    continued: ' (cont.)',
  },
};

export function digestLabelsFor(language: ReaderLanguage): DigestLabels {
  return DIGEST_LABELS[language];
}
