// Words shown to readers, in the two languages a subscription can choose. Every renderer (console,
// Telegram, Discord) takes its labels from here so the channels say the same thing.
import type { AlertKind } from './alertPolicy.ts';
import type { SlotVerdict } from './explainAlertSlots.ts';
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
  /** /why: each verdict on an alert slot, and a milestone without slots yet. */
  verdict: Record<SlotVerdict, string>;
  noSlots: string;
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
    verdict: {
      sent: '已發送',
      pending: '排隊中',
      sending: '發送中',
      'will-send': '下次排程發送',
      superseded: '被較新的提示取代',
      dead: '無法送達',
      withdrawn: '承諾已從文件中刪除',
      closed: '期限已不再開放（已完成、已撤回等）',
      unsubscribed: '訂閱已停用',
      'not-subscribed': '沒有訂閱此政策局或編號',
      switches: '相關開關（期限提示／逾期監察）已關閉',
      'before-active': '訂閱開始之前',
      muted: '靜音期間',
      missing: '符合規則但沒有紀錄',
    },
    noSlots: '本週期內仍未有提示時段。',
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
    verdict: {
      sent: 'sent',
      pending: 'queued',
      sending: 'being sent',
      'will-send': 'the next tick sends it',
      superseded: 'superseded by a later alert',
      dead: 'could not be delivered',
      withdrawn: 'withdrawn from the document',
      closed: 'the deadline is no longer open (met, dropped…)',
      unsubscribed: 'the subscription is disabled',
      'not-subscribed': 'follows neither its bureau nor its ref',
      switches: 'its switch (deadlines or watchdog) is off',
      'before-active': 'before the subscription started',
      muted: 'muted',
      missing: 'passes every rule but has no outbox row',
    },
    noSlots: 'No alert slots yet in its current cycle.',
  },
};

export function labelsFor(language: ReaderLanguage): Labels {
  return LABELS[language];
}
