// AlertItems and OutgoingMessages for Discord renderer and adapter tests: shaped like the worker's, with the
// seed chapter's DEVB milestone (due 2024-12-31) as the default.
import type { AlertItem, OutgoingMessage } from '../../src/notify/ChannelAdapter.ts';

export function buildAlertItem(overrides: Partial<AlertItem> = {}): AlertItem {
  return {
    notificationId: 1,
    dedupeKey: 'approaching:7:1:2024-12-24',
    kind: 'approaching',
    ref: 'PA2024-7-03',
    seq: 1,
    text: '在2024年年底前公布北部都會區的發展詳情',
    subject: null,
    phrase: '在2024年年底前',
    milestoneKind: 'deadline',
    bureaus: [{ code: 'DEVB', zh: '發展局', en: 'Development Bureau' }],
    withRelevantBureaux: false,
    due: '2024-12-31',
    daysLeft: 7,
    status: 'pending',
    evidenceUrl: null,
    documentKey: 'pa2024-ch7',
    documentTitle: '推動北部都會區發展引擎 深化大灣區合作',
    documentUrl: 'https://www.policyaddress.gov.hk/2024/public/pdf/supplement/supplement-7.pdf',
    ...overrides,
  };
}

/** `count` alerts numbered from 1 (refs PA2024-7-01 …), each with a text of `textLength` characters. */
export function buildAlertMessage(count: number, options: { textLength?: number; language?: 'zh-HK' | 'en'; target?: string; firstId?: number } = {}): OutgoingMessage {
  const firstId = options.firstId ?? 1;
  const items = Array.from({ length: count }, (_, index) => {
    const id = firstId + index;
    const ref = `PA2024-7-${String(index + 1).padStart(2, '0')}`;
    const base = `第${index + 1}項承諾：在2024年年底前完成工作。`;
    const text = options.textLength ? base.repeat(Math.ceil(options.textLength / base.length)).slice(0, options.textLength) : base;
    return buildAlertItem({ notificationId: id, dedupeKey: `approaching:${id}`, ref, text });
  });
  return {
    target: options.target ?? 'discord:1300000000000000200',
    language: options.language ?? 'zh-HK',
    items,
    groupKey: items.map((item) => item.notificationId).join(','),
  };
}
