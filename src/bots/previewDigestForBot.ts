// /digest preview in both bots: the weekly digest a subscription would get at this instant, and the line
// above it that says it is a preview and whether it would actually be sent. Each bot renders the digest in
// its own markup.
import type { Pool } from '../services/database.ts';
import type { ReaderLanguage } from '../domain/alertLabels.ts';
import type { WeeklyDigest } from '../domain/weeklyDigest.ts';
import type { Config } from '../config.ts';
import { digestSettingsOf } from '../schedule/digestSettingsOf.ts';
import { previewDigest } from '../services/previewDigest.ts';
import type { SharedBotTexts } from './buildBotTexts.ts';

export interface BotDigestPreview {
  heading: string;
  digest: WeeklyDigest;
}

export async function previewDigestForBot(
  deps: { pool: Pool; config: Config },
  texts: SharedBotTexts,
  request: { subscription: number; language: ReaderLanguage; at: Date },
): Promise<BotDigestPreview> {
  const preview = await previewDigest(deps.pool, {
    at: request.at,
    settings: digestSettingsOf(deps.config),
    subscription: request.subscription,
    language: request.language,
  });
  const heading = [texts.digestPreviewHeading];
  if (!preview.digestOn) heading.push(texts.digestPreviewOff);
  else if (preview.wouldSkip) heading.push(texts.digestPreviewWouldSkip);
  return { heading: heading.join('\n'), digest: preview.digest };
}
