// The delivery worker: claims due alerts of whole targets under a lease, re-checks each against the milestone
// as it stands when the claim is made (read by the claim's own statement, and again before the first send of a
// claim that waited: an alert for a promise met since it was queued, or one a later alert of the same milestone
// has replaced, is superseded, never sent), groups them per target into one message, calls the channel
// adapter, and records the outcome. The next claim is made while this one's sends run; a claim made ahead and
// not started when the worker stops goes back at once.
//
// What holds under faults:
// - Only the platform call decides whether a send failed. Recording the outcome is a separate write, retried
//   on its own, so a database error after a send never re-sends the message and never ends it dead. The
//   successful sends of a claim share their writes (group commit); each group waits for the one covering it.
// - The lease is renewed while the claim is in flight (heartbeat). When it cannot be renewed in time, the
//   claim's remaining sends are cancelled (the adapter gets an aborted signal) rather than risk a second worker
//   sending the same rows after the lease ran out. The cancel comes early enough for a send already started to
//   be answered before the lease ends: twice the channel's slowest recent send (trackSendTimes). Outcomes are
//   fenced by owner and claim token.
// - If the process dies between a send and its record, the lease expiry is the only source of a repeat: at
//   most the groups that were in flight are sent again.
// Transient failures retry with exponential backoff and jitter, never sooner than a platform's retry-after;
// missing permissions pause the target; known-permanent refusals end the row dead and disable the target.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Pool } from '../db/createPool.ts';
import {
  claimNotifications,
  killQueuedForSubscription,
  loadNotificationDetails,
  markFinished,
  markSent,
  releaseClaim,
  releaseExpiredLeases,
  renewLease,
  scheduleRetry,
  type Lease,
  type NotificationDetails,
} from '../db/notifications.ts';
import { disableSubscription, moveTarget, noteAdminsTold, pauseTarget } from '../db/subscriptions.ts';
import { findBureau } from '../domain/bureaus.ts';
import { DigestPayloadError, readWeeklyDigest, type WeeklyDigest } from '../domain/weeklyDigest.ts';
import { OPEN_STATUSES } from '../domain/milestoneStatus.ts';
import { daysBetween, formatLocalTime, toLocalDate } from '../domain/zonedTime.ts';
import type { Logger } from '../logger.ts';
import { channelOf, DeliveryError, type AlertItem, type ChannelAdapter, type OutgoingMessage } from './ChannelAdapter.ts';
import { computeLeaseMargin, trackSendTimes, type SendTimes } from './trackSendTimes.ts';
import { createWriteBatcher, type WriteBatcher } from './createWriteBatcher.ts';

export interface DeliveryOptions {
  pool: Pool;
  adapters: readonly ChannelAdapter[];
  clock: Clock;
  logger: Logger;
  timezone: string;
  leaseMs: number;
  maxAttempts: number;
  /** Most targets claimed at once (fewer when the platform could not send that many within the lease). */
  batchSize?: number;
  /** Groups sent at the same time; the adapters pace each platform themselves. */
  concurrency?: number;
  owner?: string;
  random?: () => number;
  /** Stop claiming new work when set (shutdown); in-flight sends still finish. */
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
// A paused target (missing permissions) is tried again after this long, so a fixed permission resumes it.
const PAUSE_MS = 30 * 60_000;
// The admins of a target that stays paused are reminded this often at most.
const ADMINS_TOLD_EVERY_MS = 7 * 24 * 3600_000;
// Recording an outcome: quick retries first, then every few seconds until the database answers.
const RECORD_RETRY_FIRST_MS = 50;
const RECORD_RETRY_CAP_MS = 5_000;
// After a stop is requested, an unrecorded outcome gets this many more tries before the lease is left to expire.
const RECORD_TRIES_WHEN_STOPPING = 5;
// A claim made ahead that waited longer than this for the previous one reads its re-check data again before
// its first send, so what a send is checked against is never much older than without claiming ahead.
const RECHECK_AFTER_MS = 1_000;

export function computeBackoff(attempts: number, random: () => number): number {
  const exponential = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

/** Why a claimed alert should no longer be sent, or null when it should. */
export function findStaleReason(row: NotificationDetails, now: Date, today: string): { state: 'superseded' | 'dead'; reason: string } | null {
  if (row.subscriptionDisabledAt) return { state: 'dead', reason: `target disabled: ${row.subscriptionDisabledReason ?? 'unknown reason'}` };
  if (row.mutedUntil && row.mutedUntil > now) return { state: 'superseded', reason: `muted until ${row.mutedUntil.toISOString()}` };
  // A digest is a summary composed at its slot: no milestone of its own to re-check.
  if (row.kind === 'digest') {
    // Checked against the payload schema here, so sendGroup renders only digests this code can read.
    const digest = readWeeklyDigest(row.payload);
    return digest instanceof DigestPayloadError ? { state: 'dead', reason: digest.message } : null;
  }
  if (!row.milestone || !row.commitment) return { state: 'superseded', reason: 'milestone no longer exists' };
  if (row.milestone.withdrawn || row.commitment.withdrawn) return { state: 'superseded', reason: 'withdrawn from the document' };
  if (!OPEN_STATUSES.includes(row.milestone.status)) return { state: 'superseded', reason: `milestone is ${row.milestone.status}` };
  if (row.milestone.due !== row.due) return { state: 'superseded', reason: `due date changed to ${row.milestone.due}` };
  // After downtime an old "approaching" row may still be queued next to the "missed" one that replaced it.
  if (row.laterSlot) return { state: 'superseded', reason: 'a later alert for the same milestone was due' };
  // The same, before the catch-up tick has queued that later alert: a countdown is wrong once its day came.
  if (row.kind === 'approaching' && today >= row.milestone.due) return { state: 'superseded', reason: 'the deadline came; a later alert replaces this one' };
  if (row.kind === 'due' && today > row.milestone.due) return { state: 'superseded', reason: 'the deadline passed; a later alert replaces this one' };
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

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Targets of one channel that fit in a lease: half the lease at the platform's rate, so renewals have slack. */
export function claimLimitOf(adapter: ChannelAdapter, leaseMs: number, batchSize: number): number {
  const rate = adapter.messagesPerSecond;
  if (!rate || !Number.isFinite(rate)) return batchSize;
  return Math.max(1, Math.min(batchSize, Math.floor((rate * leaseMs) / 2000)));
}

/**
 * A claim in flight: renews its lease every fifth of the lease and aborts its signal when a renewal has not
 * succeeded in time (or found rows taken), so nothing more is sent under a lease that may have run out. "In
 * time" leaves a margin for the sends already started (computeLeaseMargin), measured from before the claim or
 * renewal query was sent, so the database's lease always ends later than this process believes.
 */
function holdLease(options: {
  pool: Pool;
  lease: Lease;
  /** The claim's rows (the heartbeat renews those still in flight). */
  ids: readonly number[];
  leaseMs: number;
  logger: Logger;
  held: () => number;
  /** When the claim query was sent: its lease runs from some instant after this. */
  claimedFrom: number;
  /** The slowest recent send of the claim's channels. */
  slowestSend: () => number;
}): {
  signal: AbortSignal;
  /** Re-arms the deadline after a send was timed: a slower platform stops new sends earlier. */
  sendTimed(): void;
  release(): void;
} {
  const { pool, lease, leaseMs, logger } = options;
  const lost = new AbortController();
  let leaseFrom = options.claimedFrom;
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const expire = (): void => {
    logger.warn({ lease: lease.token, held: options.held() }, 'delivery lease not renewed in time; the rest of this claim is left to another worker');
    lost.abort(new Error('lease not renewed in time'));
  };
  const arm = (): void => {
    if (lost.signal.aborted) return;
    clearTimeout(deadline);
    const slowest = options.slowestSend();
    if (2 * slowest > leaseMs / 2 && !warnedSlowSends) {
      warnedSlowSends = true;
      logger.warn({ slowestSendMs: slowest, leaseMs }, 'sends take too long for the delivery lease; raise POLICYWATCH_LEASE_SECONDS or a stalled renewal may let another worker send these alerts again');
    }
    const left = leaseFrom + leaseMs - computeLeaseMargin(leaseMs, slowest) - Date.now();
    if (left <= 0) expire();
    else {
      deadline = setTimeout(expire, left);
      deadline.unref?.();
    }
  };
  arm();
  let renewing = false;
  const beat = setInterval(() => {
    if (renewing || lost.signal.aborted) return;
    renewing = true;
    const started = Date.now();
    renewLease(pool, options.ids, lease, leaseMs)
      .then((renewed) => {
        if (lost.signal.aborted) return;
        // Compared after the renewal: rows leave `held` before their outcome is written, so one recorded while
        // the renewal ran is not mistaken for a row another worker took.
        const expected = options.held();
        if (renewed < expected) {
          logger.warn({ lease: lease.token, expected, renewed }, 'lease lost to another worker; cancelling the rest of this claim');
          lost.abort(new Error('lease taken over'));
          return;
        }
        leaseFrom = started;
        arm();
      })
      .catch((error: unknown) => logger.warn({ err: error, lease: lease.token }, 'could not renew the delivery lease; will try again'))
      .finally(() => {
        renewing = false;
      });
  }, Math.max(50, Math.floor(leaseMs / 5)));
  beat.unref();
  return {
    signal: lost.signal,
    sendTimed: arm,
    release() {
      clearInterval(beat);
      clearTimeout(deadline);
    },
  };
}

// Said once per process: it is about the configuration, not one claim.
let warnedSlowSends = false;

// Per adapter, so what one drain learnt about a platform's latency protects the first sends of the next.
const sendTimesOf = new WeakMap<ChannelAdapter, SendTimes>();

export async function deliverNotifications(options: DeliveryOptions): Promise<DeliveryReport> {
  const { pool, clock, logger } = options;
  const owner = options.owner ?? `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const random = options.random ?? Math.random;
  const adapters = new Map(options.adapters.map((adapter) => [adapter.channel, adapter]));
  const report: DeliveryReport = { delivered: 0, superseded: 0, dead: 0, retried: 0 };
  if (!adapters.size) return report;

  /**
   * Writes an outcome, retrying on its own until the database takes it. Counted into the report once written.
   * Nothing here can cause a resend: the platform call is already decided.
   */
  const record = async (what: string, key: keyof DeliveryReport | null, write: () => Promise<number>): Promise<number> => {
    let delay = RECORD_RETRY_FIRST_MS;
    for (let tries = 1; ; tries++) {
      try {
        const n = await write();
        if (tries > 1) logger.info({ what, tries }, 'delivery outcome recorded after the database came back');
        if (key) report[key] += n;
        return n;
      } catch (error) {
        if (tries === 1) logger.warn({ err: error, what }, 'could not record a delivery outcome; retrying that write alone');
        if (options.stop?.stopped && tries >= RECORD_TRIES_WHEN_STOPPING) {
          logger.error({ err: error, what }, 'stopping with an outcome unrecorded; its lease will expire and it may be sent again');
          return 0;
        }
        await sleep(delay);
        delay = Math.min(RECORD_RETRY_CAP_MS, delay * 2);
      }
    }
  };

  interface Claim {
    now: Date;
    /** When the claim (and its re-check data) came back, by this process's clock. */
    readAt: number;
    lease: Lease;
    rows: NotificationDetails[];
    /** Rows of the claim not yet sent or ended (what the heartbeat expects to renew). */
    held: number;
    hold: ReturnType<typeof holdLease>;
  }

  const claimNext = async (): Promise<Claim | null> => {
    const now = clock.now();
    await releaseExpiredLeases(pool, now);
    const lease: Lease = { owner, token: randomUUID() };
    const claimedFrom = Date.now();
    const rows: NotificationDetails[] = [];
    for (const adapter of adapters.values()) {
      const limit = claimLimitOf(adapter, options.leaseMs, options.batchSize ?? 500);
      rows.push(...(await claimNotifications(pool, { lease, now, leaseMs: options.leaseMs, limit, channels: [adapter.channel] })));
    }
    if (!rows.length) return null;
    const channels = [...new Set(rows.map((row) => channelOf(row.target)))];
    const slowestSend = (): number => Math.max(...channels.map((channel) => timesOf(channel).slowest()));
    const ids = rows.map((row) => row.id);
    const claim: Claim = {
      now, readAt: Date.now(), lease, rows, held: rows.length,
      hold: holdLease({ pool, lease, ids, leaseMs: options.leaseMs, logger, held: () => claim.held, claimedFrom, slowestSend }),
    };
    return claim;
  };

  // The next claim is made while this one's sends run, so the database claims one batch while it records the
  // outcomes of the other. A claim made before the previous one finished may miss rows that one put back (a
  // retry due at once), so the drain ends only on an empty claim made after everything before it finished; one
  // that failed (the database went away meanwhile) is made again then, as it would have been without it.
  let prefetched: Promise<Claim | null> | null = null;
  try {
    for (;;) {
      if (options.stop?.stopped) break;
      const early = prefetched
        ? await prefetched.catch((error: unknown) => {
            logger.warn({ err: error }, 'the claim made ahead failed; claiming again now');
            return null;
          })
        : null;
      prefetched = null;
      const claim = early ?? (await claimNext());
      if (!claim) break;
      if (!options.stop?.stopped) {
        prefetched = claimNext();
        prefetched.catch(() => undefined); // handled when awaited: on the next turn or in the finally below
      }
      try {
        await deliverClaim(claim);
      } finally {
        claim.hold.release();
      }
    }
  } finally {
    // Stopping (or failing) with a claim made ahead and not started: its rows go back to the queue at once
    // rather than waiting out the lease. Nothing of it was sent.
    const unstarted = await prefetched?.catch(() => null);
    if (unstarted) {
      unstarted.hold.release();
      await record('return an unstarted claim', null, () => releaseClaim(pool, unstarted.rows.map((row) => row.id), unstarted.lease, clock.now()));
    }
  }
  return report;

  async function deliverClaim(claim: Claim): Promise<void> {
    if (Date.now() - claim.readAt > RECHECK_AFTER_MS) {
      claim.now = clock.now();
      claim.rows = await loadNotificationDetails(pool, claim.rows.map((row) => row.id));
    }
    const { now, lease, hold } = claim;
    // The claim's successful sends are recorded together (one fenced UPDATE for whatever finished meanwhile).
    const sentMarks = createWriteBatcher((ids) => record('sent', 'delivered', () => markSent(pool, ids, lease, clock.now())));
    const groups = new Map<string, NotificationDetails[]>();
    const today = toLocalDate(now, options.timezone);
    for (const row of claim.rows) {
      const stale = findStaleReason(row, now, today);
      if (stale) {
        claim.held -= 1;
        await record('stale alert', stale.state === 'dead' ? 'dead' : 'superseded', () => markFinished(pool, [row.id], lease, stale.state, stale.reason, now));
        continue;
      }
      // Alerts for one target go out together; each digest is a message of its own.
      const key = row.kind === 'digest' ? `digest:${row.id}` : row.target;
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    await runLimited([...groups.values()], options.concurrency ?? 16, async (rows) => {
      if (hold.signal.aborted) return; // left to expire: another worker (or this one, later) takes them
      const sendStarted = Date.now();
      const outcome = await sendGroup(rows, hold.signal);
      if (outcome === 'cancelled') return;
      timesOf(channelOf(rows[0]!.target)).observe(Date.now() - sendStarted);
      hold.sendTimed();
      claim.held -= rows.length;
      await recordOutcome(rows, lease, outcome, sentMarks);
    });
  }

  function timesOf(channel: string): SendTimes {
    const adapter = adapters.get(channel)!;
    let times = sendTimesOf.get(adapter);
    if (!times) sendTimesOf.set(adapter, (times = trackSendTimes()));
    return times;
  }

  async function sendGroup(rows: NotificationDetails[], signal: AbortSignal): Promise<'sent' | 'cancelled' | DeliveryError> {
    const target = rows[0]!.target;
    const adapter = adapters.get(channelOf(target))!;
    const today = toLocalDate(clock.now(), options.timezone);
    const first = rows[0]!;
    const message: OutgoingMessage =
      first.kind === 'digest'
        ? { target, language: first.language, items: [], digest: { ...(first.payload as WeeklyDigest), language: first.language }, groupKey: groupKeyOf(rows), signal }
        : { target, language: first.language, items: rows.map((row) => toAlertItem(row, today)), groupKey: groupKeyOf(rows), signal };
    try {
      await adapter.send(message);
      return 'sent';
    } catch (error) {
      if (signal.aborted) {
        // Parts sent before the cancel are still recorded, so they are not sent twice.
        const delivered = error instanceof DeliveryError ? error.options.deliveredIds ?? [] : [];
        return delivered.length ? new DeliveryError('transient', 'claim cancelled part-way', { deliveredIds: delivered }) : 'cancelled';
      }
      return error instanceof DeliveryError ? error : new DeliveryError('transient', (error as Error).message ?? String(error), { cause: error });
    }
  }

  async function recordOutcome(rows: NotificationDetails[], lease: Lease, outcome: 'sent' | DeliveryError, sentMarks: WriteBatcher): Promise<void> {
    const target = rows[0]!.target;
    if (outcome === 'sent') {
      await sentMarks.add(rows.map((row) => row.id));
      return;
    }
    const failure = outcome;
    const at = clock.now();
    const delivered = new Set(failure.options.deliveredIds ?? []);
    if (delivered.size) await record('sent (part)', 'delivered', () => markSent(pool, [...delivered], lease, at));
    const rest = rows.filter((row) => !delivered.has(row.id));
    const restIds = rest.map((row) => row.id);
    if (!rest.length) return;
    if (failure.options.movedTo) {
      const movedTo = failure.options.movedTo;
      const moved = await record('target moved', null, async () => ((await moveTarget(pool, target, movedTo, at)) ? 1 : 0));
      if (!moved) {
        // The new chat already has its own subscription, which gets its own alerts: this one ends here.
        await endTarget(rest, lease, `moved to ${movedTo}, which has its own subscription`, at);
        return;
      }
      logger.info({ from: target, to: movedTo }, 'target moved; its subscription follows');
      await record('retry at the new target', 'retried', () => scheduleRetry(pool, restIds, lease, failure.reason, at, at));
      return;
    }
    if (failure.kind === 'permanent') {
      await endTarget(rest, lease, failure.reason, at);
      logger.warn({ target, reason: failure.reason }, 'target disabled after a permanent delivery error');
      return;
    }
    const retryAfter = failure.options.retryAfterMs ?? 0;
    const pauseFor = failure.kind === 'paused' ? Math.max(retryAfter, PAUSE_MS) : retryAfter;
    if (pauseFor > 0) {
      const reason = failure.kind === 'paused' ? failure.reason : `rate limited: ${failure.reason}`;
      await record('pause target', null, async () => {
        await pauseTarget(pool, target, new Date(at.getTime() + pauseFor), reason);
        return 1;
      });
      if (failure.kind === 'paused') {
        logger.warn({ target, reason: failure.reason, pausedForMs: pauseFor }, 'target paused: the bot may not post there; its subscription stays');
        await tellAdmins(rows[0]!, failure.reason, new Date(at.getTime() + pauseFor), at);
      }
    }
    const exhausted = rest.filter((row) => row.attempts >= options.maxAttempts);
    const again = rest.filter((row) => row.attempts < options.maxAttempts);
    if (exhausted.length) {
      const reason = `gave up after ${options.maxAttempts} attempts: ${failure.reason}`;
      await record('gave up', 'dead', () => markFinished(pool, exhausted.map((r) => r.id), lease, 'dead', reason, at));
      logger.error({ target, reason: failure.reason, alerts: exhausted.length, attempts: options.maxAttempts }, `gave up after ${options.maxAttempts} attempts`);
    }
    if (again.length) {
      const attempts = Math.max(1, ...again.map((row) => row.attempts));
      const delay = Math.max(pauseFor, computeBackoff(attempts, random));
      await record('schedule retry', 'retried', () => scheduleRetry(pool, again.map((r) => r.id), lease, failure.reason, new Date(at.getTime() + delay), at));
      logger.warn({ target, reason: failure.reason, retryInMs: delay, attempts }, 'delivery failed; will retry');
    }
  }

  /** Tells a paused target's admins, once a week at most, where the platform lets the bot reach them. */
  async function tellAdmins(row: NotificationDetails, reason: string, retryAt: Date, at: Date): Promise<void> {
    const adapter = adapters.get(channelOf(row.target));
    if (!adapter?.tellAdmins) return;
    const due = await record('note the admins told', null, async () => ((await noteAdminsTold(pool, row.target, at, ADMINS_TOLD_EVERY_MS)) ? 1 : 0));
    if (!due) return;
    const notice = {
      target: row.target,
      language: row.language,
      reason,
      retryAt: `${formatLocalTime(retryAt, options.timezone)} (${options.timezone})`,
      retryEveryMinutes: PAUSE_MS / 60_000,
    };
    try {
      const told = await adapter.tellAdmins(notice);
      logger.info({ target: row.target, told }, told ? 'told the admins of a paused target' : 'no admin of the paused target could be reached');
    } catch (error) {
      logger.warn({ err: error, target: row.target }, 'could not tell the admins of a paused target');
    }
  }

  async function endTarget(rows: NotificationDetails[], lease: Lease, reason: string, at: Date): Promise<void> {
    const target = rows[0]!.target;
    const subscriptionId = rows[0]!.subscriptionId;
    await record('dead (target gone)', 'dead', () => markFinished(pool, rows.map((r) => r.id), lease, 'dead', reason, at));
    await record('disable target', null, async () => {
      await disableSubscription(pool, target, reason, at);
      return 1;
    });
    await record('end queued alerts of the target', 'dead', () => killQueuedForSubscription(pool, subscriptionId, `target disabled: ${reason}`, at));
  }
}
