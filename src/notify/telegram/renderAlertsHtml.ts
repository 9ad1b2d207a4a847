// A group of alerts for one Telegram chat as HTML messages: a heading, then one block per alert with the
// commitment, bureau, due date, days left or overdue, status, ref and document. Blocks are packed into as
// few messages as the 4096-character limit allows; each part knows which alerts it carries, so a failure
// half-way reports exactly what was delivered.
import { labelsFor } from '../../domain/alertLabels.ts';
import type { AlertItem, OutgoingMessage } from '../ChannelAdapter.ts';
import { shortenText } from '../../domain/shortenText.ts';
import { escapeHtml, formatHtmlLink } from './escapeHtml.ts';
import { splitHtmlMessage, TELEGRAM_MESSAGE_LIMIT } from './splitHtmlMessage.ts';

export interface AlertPart {
  text: string;
  notificationIds: number[];
}

const KIND_ICONS: Readonly<Record<string, string>> = { approaching: '⏳', due: '📅', missed: '❗', overdue: '🚨' };
const SEPARATOR = '\n\n';
// Room for the heading of every part, "(12/12)" included.
const HEADING_RESERVE = 80;

/** Approaching alerts more than a week away are not urgent: they arrive without a sound. */
export function isQuietMessage(message: OutgoingMessage): boolean {
  return message.items.length > 0 && message.items.every((item) => item.kind === 'approaching' && item.daysLeft > 7);
}

/** Escaped length: the text is shortened so that, once escaped, it fits. */
const escapedLength = (char: string): number => escapeHtml(char).length;

function renderItem(item: AlertItem, language: OutgoingMessage['language'], room: number): string {
  const labels = labelsFor(language);
  const zh = language === 'zh-HK';
  const colon = zh ? '：' : ': ';
  const ref = item.seq > 1 ? `${item.ref}/${item.seq}` : item.ref;
  const bureaus = item.bureaus.map((b) => (zh ? b.zh : b.en)).join(zh ? '、' : ', ');
  const relevant = item.withRelevantBureaux ? `${bureaus ? ' ' : ''}${labels.andRelevant}` : '';
  const build = (text: string): string =>
    [
      `${KIND_ICONS[item.kind] ?? '•'} <b>${escapeHtml(labels.kind[item.kind] ?? item.kind)}</b> · ${escapeHtml(labels.daysLeft(item.daysLeft))}`,
      `${item.subject ? `<b>${escapeHtml(item.subject)}</b>${colon}` : ''}${escapeHtml(text)}`,
      `${escapeHtml(labels.bureau)}${colon}${escapeHtml(bureaus + relevant || '—')}`,
      `${escapeHtml(item.milestoneKind === 'start' ? labels.starts : labels.due)}${colon}${item.due} · ${escapeHtml(labels.statusTitle)}${colon}${escapeHtml(labels.status[item.status] ?? item.status)}`,
      `${escapeHtml(labels.ref)}${colon}<code>${escapeHtml(ref)}</code>`,
      `${escapeHtml(labels.document)}${colon}${formatHtmlLink(item.documentTitle || item.documentKey || '—', item.documentUrl)}`,
      ...(item.evidenceUrl ? [`${escapeHtml(labels.evidence)}${colon}${formatHtmlLink(item.evidenceUrl, item.evidenceUrl)}`] : []),
    ].join('\n');
  const full = build(item.text);
  if (full.length <= room) return full;
  // Too long for one message on its own: shorten the commitment text, keep the facts.
  const overhead = full.length - escapeHtml(item.text).length;
  return build(shortenText(item.text, Math.max(20, room - overhead), { measure: escapedLength }));
}

export function renderAlertsHtml(message: OutgoingMessage, limit = TELEGRAM_MESSAGE_LIMIT): AlertPart[] {
  const labels = labelsFor(message.language);
  const room = limit - HEADING_RESERVE - SEPARATOR.length;
  const blocks = message.items.map((item) => renderItem(item, message.language, room));
  const parts = splitHtmlMessage(blocks, { limit, reserve: HEADING_RESERVE + SEPARATOR.length, separator: SEPARATOR });
  const heading = `<b>${escapeHtml(labels.alertsHeading(message.items.length))}</b>`;
  return parts.map((part, index) => ({
    text: `${heading}${parts.length > 1 ? ` (${index + 1}/${parts.length})` : ''}${SEPARATOR}${part.text}`,
    notificationIds: part.blocks.map((block) => message.items[block]!.notificationId),
  }));
}
