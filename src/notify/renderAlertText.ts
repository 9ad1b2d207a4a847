// Plain-text rendering of a group of alerts, for the console channel and logs.
import { labelsFor } from '../domain/alertLabels.ts';
import type { OutgoingMessage } from './ChannelAdapter.ts';

export function renderAlertText(message: OutgoingMessage): string {
  const labels = labelsFor(message.language);
  const zh = message.language === 'zh-HK';
  const lines = [`== ${labels.alertsHeading(message.items.length)} → ${message.target}`];
  for (const item of message.items) {
    const bureaus = item.bureaus.map((b) => (zh ? b.zh : b.en)).join(zh ? '、' : ', ') + (item.withRelevantBureaux ? ` ${labels.andRelevant}` : '');
    const when = item.milestoneKind === 'start' ? labels.starts : labels.due;
    lines.push(
      `[${labels.kind[item.kind]}] ${item.ref} · ${when} ${item.due} (${labels.daysLeft(item.daysLeft)}) · ${labels.status[item.status]}`,
      `  ${labels.bureau}: ${bureaus}`,
      `  ${item.subject ? `${item.subject}: ` : ''}${item.text}`,
      `  ${labels.document}: ${item.documentTitle}${item.documentUrl ? ` <${item.documentUrl}>` : ''}`,
    );
  }
  return lines.join('\n');
}
