// Words shown to readers, in the two languages a subscription can choose. Every renderer (console,
// Telegram, Discord) takes its labels from here so the channels say the same thing.
import type { AlertKind } from './alertPolicy.ts';
import type { MilestoneStatus } from './milestoneStatus.ts';

export type ReaderLanguage = 'zh-HK' | 'en';

interface Labels {
  kind: Record<AlertKind, string>;
  status: Record<MilestoneStatus, string>;
  due: string;
  starts: string;
  bureau: string;
  andRelevant: string;
  document: string;
  evidence: string;
  ref: string;
  statusTitle: string;
  /** The words of the document a date was read from. */
  source: string;
  alertsHeading: (count: number) => string;
  daysLeft: (days: number) => string;
}

export const LABELS: Record<ReaderLanguage, Labels> = {
  'zh-HK': {
    kind: { approaching: '即將到期', due: '今日到期', missed: '已逾期', overdue: '仍然逾期' },
    status: { pending: '未完成', met: '已完成', claimed: '政府稱已完成', rescheduled: '已改期', dropped: '已撤回' },
    due: '期限',
    starts: '開始',
    bureau: '負責政策局',
    andRelevant: '及相關政策局',
    document: '文件',
    evidence: '證據',
    ref: '編號',
    statusTitle: '狀態',
    source: '原文',
    alertsHeading: (count) => `施政承諾提示（${count}項）`,
    daysLeft: (days) => (days > 0 ? `尚餘${days}日` : days === 0 ? '今日到期' : `已逾期${-days}日`),
  },
  en: {
    kind: { approaching: 'Approaching', due: 'Due today', missed: 'Missed', overdue: 'Still overdue' },
    status: { pending: 'pending', met: 'met', claimed: 'claimed by government', rescheduled: 'rescheduled', dropped: 'dropped' },
    due: 'Due',
    starts: 'Starts',
    bureau: 'Bureau',
    andRelevant: 'and relevant bureaux',
    document: 'Document',
    evidence: 'Evidence',
    ref: 'Ref',
    statusTitle: 'Status',
    source: 'Source words',
    alertsHeading: (count) => `Policy commitment alerts (${count})`,
    daysLeft: (days) => (days > 1 ? `${days} days left` : days === 1 ? '1 day left' : days === 0 ? 'due today' : days === -1 ? '1 day overdue' : `${-days} days overdue`),
  },
};

export function labelsFor(language: ReaderLanguage): Labels {
  return LABELS[language];
}
