// A group of alerts as the Discord messages that carry it: the embeds of every alert, paginated, each message
// headed "Policy commitment alerts (30) (2/3)" so a reader sees where a long group continues.
import { labelsFor } from '../../domain/alertLabels.ts';
import type { OutgoingMessage } from '../ChannelAdapter.ts';
import { paginateEmbeds, type EmbedPage } from './paginateEmbeds.ts';
import { renderAlertEmbeds, type AlertRenderOptions } from './renderAlertEmbeds.ts';

export function renderAlertPages(message: OutgoingMessage, options: AlertRenderOptions): EmbedPage[] {
  const heading = `**${labelsFor(message.language).alertsHeading(message.items.length)}**`;
  return paginateEmbeds(renderAlertEmbeds(message, options), {
    content: (index, count) => (count > 1 ? `${heading} (${index + 1}/${count})` : heading),
  });
}
