// /digest preview: the weekly digest this channel would get at this instant, only for the one who asked. The
// digest is in the channel's language (it is what the channel would receive); the line above it, in the
// reader's. Pages beyond the first come as follow-ups.
import type { EmbedPage } from '../../../notify/discord/paginateEmbeds.ts';
import { renderDigestEmbeds } from '../../../notify/digest/renderDigestEmbeds.ts';
import { previewDigestForBot } from '../../previewDigestForBot.ts';
import { isActive, type DiscordRequest } from '../DiscordCommand.ts';

export async function replyDigestPreview(request: DiscordRequest): Promise<void> {
  const { deps, texts, subscription } = request;
  if (!isActive(subscription)) return request.reply.send({ content: texts.digestPreviewNoSubscription, ephemeral: true });
  const { heading, digest } = await previewDigestForBot(deps, texts, { subscription: subscription.id, language: subscription.language, at: request.now });
  const pages: EmbedPage[] = renderDigestEmbeds(digest).map((embeds, index) => ({
    content: index === 0 ? heading : null,
    embeds,
    notificationIds: [],
  }));
  await request.reply.send({ pages, ephemeral: true });
}
