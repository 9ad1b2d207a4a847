// Calendars: open dated milestones overall, per bureau, or for a subscription behind a secret URL that its
// owner can rotate (CLI and both bots).
import { randomBytes } from 'node:crypto';
import { findCalendarToken, findSubscriptionByCalendarToken, saveCalendarToken, type CalendarSubscriptionRow } from '../../db/calendarTokens.ts';
import type { Pool } from '../../db/createPool.ts';
import { findSubscription } from '../../db/subscriptions.ts';
import { listTrackerMilestones, type TrackerMilestoneRow } from '../../db/trackerQueries.ts';
import { dueSoonDays, todayOf, type TrackerDeps } from './TrackerDeps.ts';

export class CalendarTargetError extends Error {
  constructor(readonly target: string) {
    super(`no subscription for ${target}; subscribe it first`);
    this.name = 'CalendarTargetError';
  }
}

export interface CalendarSelection {
  bureau?: string | null;
  selection?: { bureaus: readonly string[] | null; refs: readonly string[] | null } | null;
}

export async function listCalendarMilestones(deps: TrackerDeps, selection: CalendarSelection): Promise<TrackerMilestoneRow[]> {
  const { rows } = await listTrackerMilestones(deps.pool, {
    today: todayOf(deps),
    dueSoonDays,
    edition: deps.edition ?? null,
    bureau: selection.bureau ?? null,
    selection: selection.selection ?? null,
    openOnly: true,
    sort: 'due',
    limit: 100_000,
    offset: 0,
  });
  return rows;
}

/** 32 random bytes, URL-safe: unguessable, so the URL is the only credential. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The subscription's calendar token, created on first use. */
export async function getCalendarToken(pool: Pool, target: string, now: Date): Promise<string> {
  const subscription = await findSubscription(pool, target);
  if (!subscription || subscription.disabledAt) throw new CalendarTargetError(target);
  const existing = await findCalendarToken(pool, subscription.id);
  if (existing) return existing;
  const token = newToken();
  await saveCalendarToken(pool, subscription.id, token, now);
  return token;
}

/** Replaces the token: the old URL stops working at once. */
export async function rotateCalendarToken(pool: Pool, target: string, now: Date): Promise<string> {
  const subscription = await findSubscription(pool, target);
  if (!subscription || subscription.disabledAt) throw new CalendarTargetError(target);
  const token = newToken();
  await saveCalendarToken(pool, subscription.id, token, now);
  return token;
}

export async function openPrivateCalendar(pool: Pool, token: string): Promise<CalendarSubscriptionRow | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  return findSubscriptionByCalendarToken(pool, token);
}

export function calendarUrlOf(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/calendar/${token}.ics`;
}
