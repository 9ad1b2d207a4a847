import { describe, expect, it } from 'vitest';
import type { AlertKind } from '../../../../src/domain/alertPolicy.ts';
import { measureEmbed } from '../../../../src/notify/discord/measureEmbed.ts';
import { ALERT_COLOURS, renderAlertEmbeds } from '../../../../src/notify/discord/renderAlertEmbeds.ts';
import { renderAlertPages } from '../../../../src/notify/discord/renderAlertPages.ts';
import { buildAlertItem, buildAlertMessage } from '../../../support/buildAlertMessage.ts';

const HK = { timezone: 'Asia/Hong_Kong', sendAt: '09:00' };
// 2024-12-31 09:00 in Hong Kong is 2024-12-31T01:00:00Z.
const DUE_UNIX = 1735606800;

describe('renderAlertEmbeds', () => {
  it('renders an alert as an embed: ref and text, Discord timestamps for the due date, status, document', () => {
    const [block] = renderAlertEmbeds(buildAlertMessage(1), HK);
    expect(block!.notificationIds).toEqual([1]);
    expect(block!.embeds).toHaveLength(1);
    const embed = block!.embeds[0]!;
    expect(embed.title).toBe('PA2024-7-01 · 第1項承諾：在2024年年底前完成工作。');
    expect(embed.description).toBe('**即將到期** · 尚餘7日\n\n第1項承諾：在2024年年底前完成工作。');
    expect(embed.color).toBe(ALERT_COLOURS.approaching);
    expect(embed.url).toBe('https://www.policyaddress.gov.hk/2024/public/pdf/supplement/supplement-7.pdf');
    expect(embed.fields).toEqual([
      { name: '負責政策局', value: '發展局', inline: true },
      { name: '期限', value: `<t:${DUE_UNIX}:D> (<t:${DUE_UNIX}:R>)`, inline: true },
      { name: '狀態', value: '未完成', inline: true },
      { name: '文件', value: '[推動北部都會區發展引擎 深化大灣區合作](https://www.policyaddress.gov.hk/2024/public/pdf/supplement/supplement-7.pdf)' },
    ]);
    expect(embed.footer).toEqual({ text: '原文：「在2024年年底前」' });
  });

  it('speaks English to an English subscription, with the evidence, a start date and several bureaux', () => {
    const item = buildAlertItem({
      kind: 'missed',
      daysLeft: -1,
      milestoneKind: 'start',
      status: 'rescheduled',
      subject: 'Phase 1',
      text: 'Start the *pilot* scheme',
      evidenceUrl: 'https://www.info.gov.hk/gia/general/202412/31/P1.htm',
      bureaus: [
        { code: 'DEVB', zh: '發展局', en: 'Development Bureau' },
        { code: 'ITIB', zh: '創新科技及工業局', en: 'Innovation, Technology and Industry Bureau' },
      ],
      withRelevantBureaux: true,
      seq: 2,
      documentUrl: null,
    });
    const [block] = renderAlertEmbeds({ target: 'discord:1', language: 'en', items: [item], groupKey: '1' }, HK);
    const embed = block!.embeds[0]!;
    expect(embed.title).toBe('PA2024-7-03/2 · Phase 1');
    expect(embed.description).toBe('**Missed** · 1 day overdue\n\nPhase 1: Start the \\*pilot\\* scheme');
    expect(embed).not.toHaveProperty('url');
    expect(embed.color).toBe(ALERT_COLOURS.missed);
    expect(embed.fields).toEqual([
      { name: 'Bureau', value: 'Development Bureau, Innovation, Technology and Industry Bureau and relevant bureaux', inline: true },
      { name: 'Starts', value: `<t:${DUE_UNIX}:D> (<t:${DUE_UNIX}:R>)`, inline: true },
      { name: 'Status', value: 'rescheduled', inline: true },
      { name: 'Evidence', value: 'https://www.info.gov.hk/gia/general/202412/31/P1.htm' },
      { name: 'Document', value: '推動北部都會區發展引擎 深化大灣區合作' },
    ]);
    expect(embed.footer).toEqual({ text: 'Source words: “在2024年年底前”' });
  });

  it('gives each alert kind its own colour', () => {
    const kinds: AlertKind[] = ['approaching', 'due', 'missed', 'overdue'];
    const colours = kinds.map((kind) => renderAlertEmbeds({ target: 'discord:1', language: 'zh-HK', items: [buildAlertItem({ kind })], groupKey: '1' }, HK)[0]!.embeds[0]!.color);
    expect(new Set(colours).size).toBe(4);
  });

  it('takes the due instant from the configured zone and send time', () => {
    const [block] = renderAlertEmbeds(buildAlertMessage(1), { timezone: 'Europe/London', sendAt: '18:30' });
    const unix = Date.parse('2024-12-31T18:30:00Z') / 1000;
    expect(block!.embeds[0]!.fields![1]!.value).toBe(`<t:${unix}:D> (<t:${unix}:R>)`);
  });

  it('continues a 5000-character text in a second embed of the same alert instead of cutting it', () => {
    const message = buildAlertMessage(1, { textLength: 5000 });
    const [block] = renderAlertEmbeds(message, HK);
    expect(block!.embeds).toHaveLength(2);
    expect(block!.embeds[1]!.title).toBe('PA2024-7-01 (2/2)');
    const text = block!.embeds.map((embed) => embed.description).join('');
    expect(text.replace(/\s/g, '')).toBe(`**即將到期**·尚餘7日${message.items[0]!.text}`.replace(/\s/g, ''));
    for (const embed of block!.embeds) expect(measureEmbed(embed)).toBeLessThanOrEqual(6000);
    expect(block!.embeds[0]!.title!.length).toBeLessThanOrEqual(100);
  });
});

describe('renderAlertPages', () => {
  it('paginates 30 alerts into messages within the limits, every alert once and in order', () => {
    const pages = renderAlertPages(buildAlertMessage(30, { textLength: 300 }), HK);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect(page.embeds.length).toBeLessThanOrEqual(10);
      expect(page.embeds.reduce((sum, embed) => sum + measureEmbed(embed), 0)).toBeLessThanOrEqual(6000);
    }
    expect(pages.flatMap((page) => page.notificationIds)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    expect(pages.map((page) => page.content)).toEqual(pages.map((_, index) => `**施政承諾提示（30項）** (${index + 1}/${pages.length})`));
  });

  it('pages by size as well: long texts fill a message before ten embeds do', () => {
    const pages = renderAlertPages(buildAlertMessage(10, { textLength: 1500 }), HK);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((page) => page.embeds.length < 10)).toBe(true);
  });

  it('heads a single message without page numbers', () => {
    const pages = renderAlertPages(buildAlertMessage(4, { language: 'en' }), HK);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.content).toBe('**Policy commitment alerts (4)**');
    expect(pages[0]!.notificationIds).toEqual([1, 2, 3, 4]);
  });
});
