// The delivery worker: claims due alerts under a lease, re-checks each against the milestone as it is now
// (an alert for a promise met since it was queued is superseded, never sent), groups them per target into
// one message, calls the channel adapter, and records the outcome while it still holds the lease.
// Transient failures retry with exponential backoff and jitter, never sooner than a platform's retry-after;
// permanent ones end the row dead and disable the target, with the reason.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Pool } from '../db/createPool.ts';
import {
  claimNotifications,
  killQueuedForSubscription,
  loadNotificationDetails,
  markFinished,
  markSent,
  releaseExpiredLeases,
  scheduleRetry,
  type NotificationDetails,
} from '../db/notifications.ts';
import { disableSubscription, moveTarget, pauseTarget } from '../db/subscriptions.ts';
import { findBureau } from '../domain/bureaus.ts';
import { isWeeklyDigest, type WeeklyDigest } from '../domain/composeDigest.ts';
import { OPEN_STATUSES } from '../domain/milestoneStatus.ts';
import { daysBetween, toLocalDate } from '../domain/zonedTime.ts';
import type { Logger } from '../logger.ts';
import { channelOf, DeliveryError, type AlertItem, type ChannelAdapter, type OutgoingMessage } from './ChannelAdapter.ts';

export interface DeliveryOptions {
  pool: Pool;
  adapters: readonly ChannelAdapter[];
  clock: Clock;
  logger: Logger;
  timezone: string;
  leaseMs: number;
  maxAttempts: number;
  batchSize?: number;
  /** Groups sent at the same time; the adapters pace each platform themselves. */
  concurrency?: number;
  owner?: string;
  random?: () => number;
  /** Stop claiming new work when this resolves (shutdown); in-flight sends still finish. */
  stop?: { stopped: boolean };
}

export interface DeliveryReport {
  delivered: number;
  superseded: number;
  dead: number;
  retried: number;
}

const BACKOFF_BASE_MS = 5_000;
const BACKOFF_CAP_MS = 60 * 60_000;

export function computeBackoff(attempts: number, random: () => number): number {
  const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

/** Why a claimed alert should no longer be sent, or null when it should. */
function findStaleReason(row: NotificationDetails, now: Date): { state: 'superseded' | 'dead'; reason: string } | null {
  if (row.subscriptionDisabledAt) return { state: 'dead', reason: `target disabled: ${row.subscriptionDisabledReason ?? 'unknown reason'}` };
  if (row.mutedUntil && row.mutedUntil > now) return { state: 'superseded', reason: `muted until ${row.mutedUntil.toISOString()}` };
  // A digest is a summary composed at its slot: no milestone of its own to re-check.
  if (row.kind === 'digest') return isWeeklyDigest(row.payload) ? null : { state: 'dead', reason: 'digest payload is not a readable weekly digest' };
  if (!row.milestone || !row.commitment) return { state: 'superseded', reason: 'milestone no longer exists' };
  if (row.milestone.withdrawn || row.commitment.withdrawn) return { state: 'superseded', reason: 'withdrawn from the document' };
  if (!OPEN_STATUSES.includes(row.milestone.status)) return { state: 'superseded', reason: `milestone is ${row.milestone.status}` };
  if (row.milestone.due !== row.due) return { state: 'superseded', reason: `due date changed to ${row.milestone.due}` };
  return null;
}

function toAlertItem(row: NotificationDetails, today: string): AlertItem {
  const milestone = row.milestone!;
  const commitment = row.commitment!;
  return {
    notificationId: row.id,
    dedupeKey: row.dedupeKey,
    kind: row.kind as AlertItem['kind'],
    ref: commitment.ref,
    seq: milestone.seq,
    text: commitment.text,
    subject: milestone.subject,
    phrase: milestone.phrase,
    milestoneKind: milestone.kind,
    bureaus: commitment.bureaus.map((code) => {
      const bureau = findBureau(code);
      return { code: bureau?.code ?? code, zh: bureau?.zh ?? code, en: bureau?.en ?? code };
    }),
    withRelevantBureaux: commitment.withRelevantBureaux,
    due: milestone.due,
    daysLeft: daysBetween(today, milestone.due),
    status: milestone.status,
    evidenceUrl: milestone.evidenceUrl,
    documentKey: row.document?.key ?? '',
    documentTitle: row.document?.title ?? '',
    documentUrl: row.document?.sourceUrl ?? null,
  };
}

function groupKeyOf(rows: readonly NotificationDetails[]): string {
  return rows.map((row) => row.id).sort((a, b) => a - b).join(',');
}

async function runLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(workers);
}

export async function deliverNotifications(options: DeliveryOptions): Promise<DeliveryReport> {
  const { pool, clock, logger } = options;
  const owner = options.owner ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const random = options.random ?? Math.random;
  const adapters = new Map(options.adapters.map((adapter) => [adapter.channel, adapter]));
  const channels = [...adapters.keys()];
  const report: DeliveryReport = { delivered: 0, superseded: 0, dead: 0, retried: 0 };
  if (!channels.length) return report;

  // Several groups finish at once: `report.x += await …` would read x before the await and lose counts.
  const count = async (key: keyof DeliveryReport, work: Promise<number>): Promise<void> => {
    const n = await work;
    report[key] += n;
  };

  const finishGroup = async (target: string, rows: NotificationDetails[]): Promise<void> => {
    const adapter = adapters.get(channelOf(target))!;
    const now = clock.now();
    const today = toLocalDate(now, options.timezone);
    const ids = rows.map((row) => row.id);
    const first = rows[0]!;
    const message: OutgoingMessage =
      first.kind === 'digest'
        ? { target, language: first.language, items: [], digest: { ...(first.payload as WeeklyDigest), language: first.language }, groupKey: groupKeyOf(rows) }
        : { target, language: first.language, items: rows.map((row) => toAlertItem(row, today)), groupKey: groupKeyOf(rows) };
    try {
      await adapter.send(message);
      await count('delivered', markSent(pool, ids, owner, clock.now()));
    } catch (error) {
      const failure = error instanceof DeliveryError ? error : new DeliveryError('transient', (error as Error).message ?? String(error), { cause: error });
      const at = clock.now();
      const delivered = new Set(failure.options.deliveredIds ?? []);
      if (delivered.size) await count('delivered', markSent(pool, [...delivered], owner, at));
      const rest = rows.filter((row) => !delivered.has(row.id));
      if (failure.options.movedTo) {
        if (!(await moveTarget(pool, target, failure.options.movedTo, at))) {
          // The new chat already has its own subscription, which gets its own alerts: this one ends here.
          const reason = `moved to ${failure.options.movedTo}, which has its own subscription`;
          await count('dead', markFinished(pool, rest.map((r) => r.id), owner, 'dead', reason, at));
          await disableSubscription(pool, target, reason, at);
          await count('dead', killQueuedForSubscription(pool, rows[0]!.subscriptionId, `target disabled: ${reason}`, at));
          return;
        }
        logger.info({ from: target, to: failure.options.movedTo }, 'target moved; its subscription follows');
        await count('retried', scheduleRetry(pool, rest.map((r) => r.id), owner, failure.reason, at, at));
        return;
      }
      if (failure.kind === 'permanent') {
        await count('dead', markFinished(pool, rest.map((r) => r.id), owner, 'dead', failure.reason, at));
        await disableSubscription(pool, target, failure.reason, at);
        await count('dead', killQueuedForSubscription(pool, rows[0]!.subscriptionId, `target disabled: ${failure.reason}`, at));
        logger.warn({ target, reason: failure.reason }, 'target disabled after a permanent delivery error');
        return;
      }
      const retryAfter = failure.options.retryAfterMs ?? 0;
      if (retryAfter > 0) await pauseTarget(pool, target, new Date(at.getTime() + retryAfter));
      const exhausted = rest.filter((row) => row.attempts >= options.maxAttempts);
      const again = rest.filter((row) => row.attempts < options.maxAttempts);
      await count('dead', markFinished(pool, exhausted.map((r) => r.id), owner, 'dead', `gave up after ${options.maxAttempts} attempts: ${failure.reason}`, at));
      const attempts = Math.max(1, ...again.map((row) => row.attempts));
      const delay = Math.max(retryAfter, computeBackoff(attempts, random));
      await count('retried', scheduleRetry(pool, again.map((r) => r.id), owner, failure.reason, new Date(at.getTime() + delay), at));
      logger.warn({ target, reason: failure.reason, retryInMs: delay, attempts }, 'delivery failed; will retry');
    }
  };

  for (;;) {
    if (options.stop?.stopped) break;
    const now = clock.now();
    await releaseExpiredLeases(pool, now);
    const claimed = await claimNotifications(pool, { owner, now, leaseMs: options.leaseMs, limit: options.batchSize ?? 500, channels });
    if (!claimed.length) break;
    const details = await loadNotificationDetails(pool, claimed.map((row) => row.id));
    const groups = new Map<string, NotificationDetails[]>();
    for (const row of details) {
      const stale = findStaleReason(row, now);
      if (stale) {
        const count = await markFinished(pool, [row.id], owner, stale.state, stale.reason, now);
        if (stale.state === 'dead') report.dead += count;
        else report.superseded += count;
        continue;
      }
      // Alerts for one target go out together; each digest is a message of its own.
      const key = row.kind === 'digest' ? `digest:${row.id}` : row.target;
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    await runLimited([...groups.values()], options.concurrency ?? 16, (rows) => finishGroup(rows[0]!.target, rows));
  }
  return report;
}
