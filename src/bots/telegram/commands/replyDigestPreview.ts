// /digest preview: the weekly digest this chat (or topic) would get at this instant, as Telegram HTML parts,
// after a line that says it is a preview and whether it would actually be sent.
import { renderDigestHtml } from '../../../notify/digest/renderDigestHtml.ts';
import { digestSettingsOf } from '../../../schedule/digestSettingsOf.ts';
import { previewDigest } from '../../../services/previewDigest.ts';
import { isActive, type ChatRequest } from '../ChatRequest.ts';

export async function replyDigestPreview(request: ChatRequest): Promise<void> {
  const { deps, texts, subscription } = request;
  if (!isActive(subscription)) return void (await request.reply(texts.digestPreviewNoSubscription));
  const preview = await previewDigest(deps.pool, {
    at: request.now,
    settings: digestSettingsOf(deps.config),
    subscription: subscription.id,
    language: request.language,
  });
  const heading = [texts.digestPreviewHeading];
  if (!preview.digestOn) heading.push(texts.digestPreviewOff);
  else if (preview.wouldSkip) heading.push(texts.digestPreviewWouldSkip);
  // Each part is already within the message limit; the reply keeps them apart, as delivery would.
  await request.reply([heading.join('\n'), ...renderDigestHtml(preview.digest)]);
}
