// What one outgoing message becomes on Discord: a weekly digest's own pages, or the alerts' pages.
import type { OutgoingMessage } from '../ChannelAdapter.ts';
import { renderDigestEmbeds } from '../digest/renderDigestEmbeds.ts';
import type { EmbedPage } from './paginateEmbeds.ts';
import { renderAlertPages } from './renderAlertPages.ts';
import type { AlertRenderOptions } from './renderAlertEmbeds.ts';

export function renderMessagePages(message: OutgoingMessage, options: AlertRenderOptions): EmbedPage[] {
  if (message.digest) return renderDigestEmbeds(message.digest).map((embeds) => ({ content: null, embeds, notificationIds: [] }));
  return renderAlertPages(message, options);
}
