// The subscription service: every change a front-end (CLI, Telegram, Discord, web) makes to a target's
// subscription — subscribe, unsubscribe, the deadlines/watchdog/digest switches, language, mute, the digest
// schedule — and the reads they show. Front-ends parse input and render the outcome; the decisions (what
// "unsubscribe from a bureau I do not follow" means, which settings a switch implies) live here, once.
import type { Pool } from '../db/createPool.ts';
import * as store from '../db/subscriptions.ts';
import type { SubscribeInput, SubscriptionLanguage, SubscriptionRow } from '../db/subscriptions.ts';

export type { SubscribeInput, SubscriptionLanguage, SubscriptionRow };

export type SubscriptionSettings = Partial<
  Pick<SubscriptionRow, 'language' | 'mutedUntil' | 'watchdog' | 'digest' | 'deadlines' | 'digestDay' | 'digestTime' | 'timezone' | 'digestSkipEmpty'>
>;

/** A subscription that exists and is not disabled. */
export function isActiveSubscription(row: SubscriptionRow | null | undefined): row is SubscriptionRow {
  return Boolean(row && !row.disabledAt);
}

/** An active subscription to everything (no bureau or ref list). */
export function isEverythingSubscription(row: SubscriptionRow | null | undefined): boolean {
  return isActiveSubscription(row) && row.bureaus === null && row.refs === null;
}

export function findSubscription(pool: Pool, target: string): Promise<SubscriptionRow | null> {
  return store.findSubscription(pool, target);
}

export function listSubscriptions(pool: Pool, options: { includeDisabled?: boolean } = {}): Promise<SubscriptionRow[]> {
  return store.listSubscriptions(pool, options);
}

/** Creates the subscription or widens it (a disabled one starts again from now). */
export function subscribe(pool: Pool, input: SubscribeInput, now: Date): Promise<SubscriptionRow> {
  return store.subscribe(pool, input, now);
}

/** Removes bureaus or refs (or everything, which disables the subscription and keeps its ledger). */
export function unsubscribe(
  pool: Pool,
  target: string,
  input: { bureaus?: readonly string[]; refs?: readonly string[]; all?: boolean },
  now: Date,
): Promise<SubscriptionRow | null> {
  return store.unsubscribe(pool, target, input, now);
}

export type BureauRemoval =
  /** Everything ended; row is the disabled subscription. */
  | { kind: 'all'; row: SubscriptionRow | null }
  /** The subscription follows everything: single bureaux cannot be taken out of "all". */
  | { kind: 'followingAll' }
  /** None of the bureaux named is followed: nothing changed. */
  | { kind: 'notFollowed'; notFollowed: string[] }
  /** The followed ones were removed; row is null or disabled when nothing was left. */
  | { kind: 'removed'; removed: string[]; notFollowed: string[]; row: SubscriptionRow | null };

/** A bot's /unsubscribe of bureaux (or all) on an active subscription. */
export async function unsubscribeBureaus(
  pool: Pool,
  subscription: SubscriptionRow,
  request: { all: boolean; codes: readonly string[] },
  now: Date,
): Promise<BureauRemoval> {
  if (request.all) return { kind: 'all', row: await store.unsubscribe(pool, subscription.target, { all: true }, now) };
  if (isEverythingSubscription(subscription)) return { kind: 'followingAll' };
  const removed = request.codes.filter((code) => subscription.bureaus?.includes(code));
  const notFollowed = request.codes.filter((code) => !removed.includes(code));
  if (!removed.length) return { kind: 'notFollowed', notFollowed };
  const row = await store.unsubscribe(pool, subscription.target, { bureaus: removed }, now);
  return { kind: 'removed', removed, notFollowed, row };
}

/** Switches, language, mute and digest schedule; returns the subscription as it now stands (null: none). */
export function changeSubscriptionSettings(pool: Pool, target: string, settings: SubscriptionSettings, now: Date): Promise<SubscriptionRow | null> {
  return store.updateSubscriptionSettings(pool, target, settings, now);
}

/** Mutes a target for whole days from now, or ends the mute (days null). */
export function muteSubscription(pool: Pool, target: string, days: number | null, now: Date): Promise<SubscriptionRow | null> {
  return store.updateSubscriptionSettings(pool, target, { mutedUntil: days === null ? null : new Date(now.getTime() + days * 86_400_000) }, now);
}

/** Ends a target's subscription because the platform says it is gone (bot removed, chat deleted). */
export function disableSubscription(pool: Pool, target: string, reason: string, now: Date): Promise<SubscriptionRow | null> {
  return store.disableSubscription(pool, target, reason, now);
}

/** A chat that moved (Telegram group upgraded to a supergroup): its subscription and queued alerts follow. */
export function moveSubscriptionTarget(pool: Pool, from: string, to: string, now: Date): Promise<boolean> {
  return store.moveTarget(pool, from, to, now);
}
