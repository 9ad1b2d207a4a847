// A group of alerts as embeds, one block per alert: title (ref and the start of the text), the alert kind and
// the full text, then bureau, due date (Discord timestamps), status, evidence and document, coloured by kind.
// Pure: the same message always renders the same embeds, so a retried page carries the same content.
import { escapeMarkdown, type APIEmbedField } from 'discord.js';
import { labelsFor } from '../../domain/alertLabels.ts';
import type { AlertKind } from '../../domain/alertPolicy.ts';
import type { AlertItem, OutgoingMessage } from '../ChannelAdapter.ts';
import { composeEmbeds } from './composeEmbeds.ts';
import { formatDueTimestamp, type DueTimeOptions } from './formatDueTimestamp.ts';
import type { EmbedBlock } from './paginateEmbeds.ts';
import { shortenText, utf16Units } from '../../domain/shortenText.ts';

export type AlertRenderOptions = DueTimeOptions;

export const ALERT_COLOURS: Readonly<Record<AlertKind, number>> = Object.freeze({
  approaching: 0xf1c40f,
  due: 0xe67e22,
  missed: 0xe74c3c,
  overdue: 0x992d22,
});

// The title only names the alert; the whole text is in the description.
const TITLE_CHARS = 100;

function formatDocumentLink(item: AlertItem): string {
  const title = item.documentTitle || item.documentKey;
  const url = item.documentUrl;
  if (url && /^https?:\/\/[^\s()<>]+$/.test(url)) {
    const link = `[${escapeMarkdown(title).replace(/[[\]]/g, '\\$&')}](${url})`;
    if (link.length <= 1024) return link;
  }
  return escapeMarkdown(title);
}

function renderAlert(item: AlertItem, message: OutgoingMessage, options: AlertRenderOptions): EmbedBlock {
  const labels = labelsFor(message.language);
  const zh = message.language === 'zh-HK';
  const colon = zh ? '：' : ': ';
  const ref = item.seq > 1 ? `${item.ref}/${item.seq}` : item.ref;
  const bureaus = item.bureaus.map((bureau) => (zh ? bureau.zh : bureau.en)).join(zh ? '、' : ', ');
  const fields: APIEmbedField[] = [
    { name: labels.bureau, value: [bureaus, item.withRelevantBureaux ? labels.andRelevant : ''].filter(Boolean).join(' '), inline: true },
    { name: item.milestoneKind === 'start' ? labels.starts : labels.due, value: formatDueTimestamp(item.due, options), inline: true },
    { name: labels.statusTitle, value: labels.status[item.status], inline: true },
  ];
  if (item.evidenceUrl) fields.push({ name: labels.evidence, value: item.evidenceUrl });
  fields.push({ name: labels.document, value: formatDocumentLink(item) });
  const text = item.subject ? `${item.subject}${colon}${item.text}` : item.text;
  const embeds = composeEmbeds({
    title: shortenText(`${ref} · ${item.subject ?? item.text}`, TITLE_CHARS, { measure: utf16Units }),
    url: item.documentUrl,
    color: ALERT_COLOURS[item.kind],
    text: `**${labels.kind[item.kind]}** · ${labels.daysLeft(item.daysLeft)}\n\n${escapeMarkdown(text)}`,
    fields,
    footer: item.phrase ? `${labels.source}${colon}${zh ? `「${item.phrase}」` : `“${item.phrase}”`}` : null,
    continuationTitle: ref,
  });
  return { embeds, notificationIds: [item.notificationId] };
}

export function renderAlertEmbeds(message: OutgoingMessage, options: AlertRenderOptions): EmbedBlock[] {
  return message.items.map((item) => renderAlert(item, message, options));
}
