import { describe, expect, it } from 'vitest';
import type { AlertItem, OutgoingMessage } from '../../../../src/notify/ChannelAdapter.ts';
import { isQuietMessage, renderAlertsHtml } from '../../../../src/notify/telegram/renderAlertsHtml.ts';
import { buildAlertItem } from '../../../support/buildAlertMessage.ts';
import { findHtmlProblem } from './checkTelegramHtml.ts';

function item(overrides: Partial<AlertItem> = {}): AlertItem {
  return buildAlertItem({
    dedupeKey: 'k',
    text: '在2024年年底前公布牛潭尾、新界北新市鎮及馬草壟一帶的初步發展大綱圖。',
    documentKey: 'policy-address-2024-ch7',
    documentTitle: '2024年施政報告附篇 第七章',
    documentUrl: 'https://www.policyaddress.gov.hk/2024/tc/',
    ...overrides,
  });
}

function message(items: AlertItem[], language: OutgoingMessage['language'] = 'zh-HK'): OutgoingMessage {
  return { target: 'telegram:501', language, items, groupKey: items.map((i) => i.notificationId).join(',') };
}

describe('renderAlertsHtml', () => {
  it('shows text, bureau, due date, days left, status, ref and document in Chinese', () => {
    const [part, ...rest] = renderAlertsHtml(message([item()]));
    expect(rest).toEqual([]);
    expect(part!.notificationIds).toEqual([1]);
    expect(part!.text).toBe(
      [
        '<b>施政承諾提示（1項）</b>',
        '',
        '⏳ <b>即將到期</b> · 尚餘7日',
        '在2024年年底前公布牛潭尾、新界北新市鎮及馬草壟一帶的初步發展大綱圖。',
        '負責政策局：發展局',
        '期限：2024-12-31 · 狀態：未完成',
        '編號：<code>PA2024-7-03</code>',
        '文件：<a href="https://www.policyaddress.gov.hk/2024/tc/">2024年施政報告附篇 第七章</a>',
      ].join('\n'),
    );
  });

  it('uses English names and labels for an English subscription, with overdue days and evidence', () => {
    const [part] = renderAlertsHtml(
      message([item({ kind: 'overdue', daysLeft: -8, seq: 2, status: 'rescheduled', withRelevantBureaux: true, evidenceUrl: 'https://gov.hk/e?a=1&b=2' })], 'en'),
    );
    expect(part!.text).toContain('🚨 <b>Still overdue</b> · 8 days overdue');
    expect(part!.text).toContain('Bureau: Development Bureau and relevant bureaux');
    expect(part!.text).toContain('Due: 2024-12-31 · Status: rescheduled');
    expect(part!.text).toContain('Ref: <code>PA2024-7-03/2</code>');
    expect(part!.text).toContain('Evidence: <a href="https://gov.hk/e?a=1&amp;b=2">https://gov.hk/e?a=1&amp;b=2</a>');
  });

  it('escapes every dynamic value', () => {
    const [part] = renderAlertsHtml(
      message([item({ text: '<script>&', subject: 'A<b>', documentTitle: 'T&C <i>', documentUrl: 'https://x.hk/"><b>', ref: 'PA<1>' })]),
    );
    expect(part!.text).toContain('<b>A&lt;b&gt;</b>：&lt;script&gt;&amp;');
    expect(part!.text).toContain('<a href="https://x.hk/&quot;&gt;&lt;b&gt;">T&amp;C &lt;i&gt;</a>');
    expect(part!.text).toContain('<code>PA&lt;1&gt;</code>');
    expect(findHtmlProblem(part!.text)).toBeNull();
  });

  it('groups alerts into one message and splits beyond 4096 characters on item boundaries', () => {
    const items = Array.from({ length: 40 }, (_, i) => item({ notificationId: i + 1, text: `${'很長的承諾'.repeat(30)}<&>${i}` }));
    const parts = renderAlertsHtml(message(items));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.flatMap((part) => part.notificationIds)).toEqual(items.map((i) => i.notificationId));
    parts.forEach((part, index) => {
      expect(part.text.length).toBeLessThanOrEqual(4096);
      expect(part.text.startsWith(`<b>施政承諾提示（40項）</b> (${index + 1}/${parts.length})`)).toBe(true);
      expect(findHtmlProblem(part.text)).toBeNull();
    });
    expect(renderAlertsHtml(message(items.slice(0, 3)))).toHaveLength(1);
  });

  it('shortens an alert that alone exceeds the limit but keeps its facts', () => {
    const [part, ...rest] = renderAlertsHtml(message([item({ text: '&<>'.repeat(3000) })]));
    expect(rest).toEqual([]);
    expect(part!.text.length).toBeLessThanOrEqual(4096);
    expect(part!.text).toContain('…\n負責政策局：發展局');
    expect(part!.text).toContain('<code>PA2024-7-03</code>');
    expect(findHtmlProblem(part!.text)).toBeNull();
  });
});

describe('isQuietMessage', () => {
  it('is quiet only when every alert is approaching and more than a week away', () => {
    expect(isQuietMessage(message([item({ daysLeft: 30 }), item({ daysLeft: 8 })]))).toBe(true);
    expect(isQuietMessage(message([item({ daysLeft: 30 }), item({ daysLeft: 7 })]))).toBe(false);
    expect(isQuietMessage(message([item({ daysLeft: 30 }), item({ kind: 'missed', daysLeft: -1 })]))).toBe(false);
  });
});
