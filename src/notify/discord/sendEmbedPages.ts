// Posts pages of embeds to one Discord destination, in order: a channel through the bot (with a nonce per page
// and enforce_nonce, so a retried page is posted once) or a webhook (no bot token). When a page fails after
// earlier ones were posted, the DeliveryError names the notifications those pages completed, so the worker
// marks them sent and retries only the rest. Any renderer that produces EmbedPages (alerts, a digest) can use it.
import { Routes, type APIMessage, type REST, type RESTPostAPIChannelMessageJSONBody } from 'discord.js';
import { classifyDiscordError } from './classifyDiscordError.ts';
import { createNonce } from './createNonce.ts';
import type { EmbedPage } from './paginateEmbeds.ts';

export type PageDestination =
  | { kind: 'channel'; channelId: string }
  | { kind: 'webhook'; webhookId: string; webhookToken: string; threadId?: string | null };

export interface SendPagesOptions {
  /** Stable for the same content (the OutgoingMessage's groupKey): the nonces derive from it. */
  groupKey: string;
  /** Aborted when the sender lost its claim: no further page is posted. */
  signal?: AbortSignal;
  /** Waits for the bot-wide budget shared with other processes (bot channels only). */
  budget?: { take(): Promise<void> };
}

// Alert texts are quotes from documents; they must never ping anyone.
const NO_MENTIONS = { parse: [] };

// A started post is never aborted (its answer is the only way to know whether Discord took it); the signal only
// stops the pages not yet begun.
async function postPage(rest: REST, destination: PageDestination, page: EmbedPage, nonce: string): Promise<APIMessage> {
  const body: RESTPostAPIChannelMessageJSONBody = {
    ...(page.content ? { content: page.content } : {}),
    embeds: page.embeds,
    allowed_mentions: NO_MENTIONS,
  };
  if (destination.kind === 'channel') {
    return (await rest.post(Routes.channelMessages(destination.channelId), { body: { ...body, nonce, enforce_nonce: true } })) as APIMessage;
  }
  // wait=true: Discord answers once the message is stored, so a 2xx means it was posted.
  const query = new URLSearchParams({ wait: 'true' });
  if (destination.threadId) query.set('thread_id', destination.threadId);
  return (await rest.post(Routes.webhook(destination.webhookId, destination.webhookToken), { body, query, auth: false })) as APIMessage;
}

/** Posts every page; returns the ids of the messages created. Throws a DeliveryError. */
export async function sendEmbedPages(rest: REST, destination: PageDestination, pages: readonly EmbedPage[], options: SendPagesOptions): Promise<string[]> {
  const delivered: number[] = [];
  const messageIds: string[] = [];
  const nonceScope = destination.kind === 'channel' ? destination.channelId : destination.webhookId;
  for (const [index, page] of pages.entries()) {
    try {
      if (options.budget && destination.kind === 'channel') await options.budget.take();
      options.signal?.throwIfAborted();
      const message = await postPage(rest, destination, page, createNonce(nonceScope, options.groupKey, index));
      messageIds.push(message.id);
    } catch (error) {
      throw classifyDiscordError(error, { deliveredIds: delivered });
    }
    delivered.push(...page.notificationIds);
  }
  return messageIds;
}
