// The weekly digest a subscription (or an ad-hoc scope) would get at an instant: what the `digest --preview`
// command prints and what a bot can show on request. At a slot it is exactly what the tick composes; at
// any other instant it reports since the latest slot before it.
import type { Pool } from '../db/createPool.ts';
import { findSubscriptionByIdOrTarget, type SubscriptionRow } from '../db/subscriptions.ts';
import type { ReaderLanguage } from '../domain/alertLabels.ts';
import { composeDigest } from '../domain/composeDigest.ts';
import type { WeeklyDigest } from '../domain/weeklyDigest.ts';
import { previousDigestSlot } from '../domain/latestDigestSlot.ts';
import { resolveDigestSchedule } from '../domain/resolveDigestSchedule.ts';
import type { DigestSettings } from '../schedule/digestSettingsOf.ts';
import { loadDigestData } from '../db/loadDigestData.ts';
import { editionLanguageOf } from '../domain/editionLanguage.ts';

export class DigestPreviewError extends Error {
  constructor(
    readonly subscription: string,
    readonly problem: string,
  ) {
    super(`subscription ${subscription}: ${problem}`);
    this.name = 'DigestPreviewError';
  }
}

export interface DigestPreviewOptions {
  at: Date;
  settings: DigestSettings;
  /** A subscription id or target; without it, `bureaus` (or everything). */
  subscription?: number | string;
  bureaus?: readonly string[];
  language?: ReaderLanguage;
}

export interface DigestPreview {
  digest: WeeklyDigest;
  /** The subscription's digest switch is on. */
  digestOn: boolean;
  /** The subscription would skip this (empty) digest. */
  wouldSkip: boolean;
}

export async function previewDigest(pool: Pool, options: DigestPreviewOptions): Promise<DigestPreview> {
  let subscription: SubscriptionRow | null = null;
  if (options.subscription !== undefined) {
    const key = String(options.subscription);
    subscription = await findSubscriptionByIdOrTarget(pool, key);
    if (!subscription) throw new DigestPreviewError(key, 'no such subscription');
    if (subscription.disabledAt) throw new DigestPreviewError(key, 'this subscription is disabled');
  }
  const { schedule } = subscription ? resolveDigestSchedule(subscription, options.settings.schedule) : { schedule: options.settings.schedule };
  const previous = previousDigestSlot(options.at, schedule).at;
  const since = subscription && subscription.activeSince > previous ? subscription.activeSince : previous;
  const bureaus = subscription ? subscription.bureaus : options.bureaus?.length ? [...options.bureaus] : null;
  const refs = subscription ? subscription.refs : null;
  const language = options.language ?? subscription?.language ?? 'zh-HK';
  const source = await loadDigestData(pool, { bureaus, refs, changesAfter: since, changesUntil: options.at, language: editionLanguageOf(language) });
  const digest = composeDigest(source, {
    subscriptionId: subscription?.id ?? null,
    language,
    timezone: schedule.timezone,
    bureaus,
    refs,
    at: options.at,
    since,
  });
  return {
    digest,
    digestOn: subscription?.digest ?? true,
    wouldSkip: digest.empty && (subscription?.digestSkipEmpty ?? options.settings.skipEmpty),
  };
}
