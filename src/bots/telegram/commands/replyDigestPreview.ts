// /digest preview: the weekly digest this chat (or topic) would get at this instant, as Telegram HTML parts,
// after a line that says it is a preview and whether it would actually be sent.
import { renderDigestHtml } from '../../../notify/digest/renderDigestHtml.ts';
import { previewDigestForBot } from '../../previewDigestForBot.ts';
import { isActive, type ChatRequest } from '../ChatRequest.ts';

export async function replyDigestPreview(request: ChatRequest): Promise<void> {
  const { deps, texts, subscription } = request;
  if (!isActive(subscription)) return void (await request.reply(texts.digestPreviewNoSubscription));
  const { heading, digest } = await previewDigestForBot(deps, texts, { subscription: subscription.id, language: request.language, at: request.now });
  // Each part is already within the message limit; the reply keeps them apart, as delivery would.
  await request.reply([heading, ...renderDigestHtml(digest)]);
}
