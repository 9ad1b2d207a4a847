// The weekly digest part of the tick. Level-triggered like the alerts: it covers every digest slot between
// the instant the previous pass covered (scheduler_state 'digest') and now. Subscriptions share a handful of
// schedules (day, time, zone), so the slot arithmetic runs once per schedule; the subscriptions whose slot
// fell in the window are read in pages, each page's digests composed from the data its scope needs (loaded
// once per reader language and pass while it fits) and written to the outbox in bulk. The dedupe key digest:<subscription>:<ISO week> allows one digest per
// subscription and week, whatever the number of processes, restarts or changes of schedule.
//
// After downtime only the latest slot of each subscription is in play: earlier weeks are never created.
// A digest still queued from an earlier week when a newer one is created is superseded. An empty week of a
// subscription that skips empty digests is recorded as superseded with the reason, so the ledger shows it.
import type { Pool, PoolClient } from '../db/createPool.ts';
import { insertDigestRows, listDigestCandidates, listDigestChoices, supersedeOlderDigests, type DigestCandidate, type StoredDigestChoice } from '../db/digestNotifications.ts';
import { loadDigestData } from '../db/loadDigestData.ts';
import { wakeDeliveryLoops } from '../db/notifications.ts';
import { findCoveredUntil, lockSchedulerJob, recordCoveredUntil } from '../db/schedulerState.ts';
import { withTransaction } from '../db/withClient.ts';
import { composeDigest } from '../domain/composeDigest.ts';
import { latestDigestSlot, type DigestSlot } from '../domain/latestDigestSlot.ts';
import { resolveDigestSchedule, type DigestSchedule } from '../domain/resolveDigestSchedule.ts';
import type { WeeklyDigest } from '../domain/weeklyDigest.ts';
import type { DigestSource } from '../domain/composeDigest.ts';
import { editionLanguageOf } from '../domain/editionLanguage.ts';
import type { DocumentLanguage } from '../domain/types.ts';
import type { DigestSettings } from './digestSettingsOf.ts';

export interface DigestEnqueueResult {
  /** Digests queued for delivery. */
  enqueued: number;
  /** Empty digests not sent because the subscription skips empty weeks (recorded as superseded). */
  skipped: number;
  /** Digests of an earlier week still queued, superseded by a newer one. */
  superseded: number;
  /** Subscriptions given a digest this pass whose stored day, time or zone was unusable; the default was used. */
  invalidSchedules: { subscriptionId: number; settings: string[] }[];
  coveredFrom: Date;
  coveredUntil: Date;
}

const JOB = 'digest';
/** Subscriptions read and composed at a time. */
const PAGE_SIZE = 5000;
/** Digests composed and written per statement. */
const CHUNK_SIZE = 250;

type Candidate = DigestCandidate;

interface DigestRow {
  candidate: Candidate;
  slot: DigestSlot;
  digest: WeeklyDigest;
  /** Empty, and the subscription skips empty weeks. */
  skip: boolean;
}

/** The data loaded for one reader language, kept for the rest of the pass while later pages fit in it. */
interface LoadedSource {
  all: boolean;
  bureaus: Set<string>;
  refs: Set<string>;
  changesAfter: number;
  source: DigestSource;
}

/** What the digests of one page need from the database. */
interface Scope {
  all: boolean;
  bureaus: Set<string>;
  refs: Set<string>;
  changesAfter: number;
}

interface DueSchedule {
  raw: StoredDigestChoice;
  schedule: DigestSchedule;
  slot: DigestSlot;
  /** Stored settings that were unusable and replaced by the default. */
  invalid: string[];
}

export interface DigestPassOptions {
  /** Subscriptions per page (tests use small pages to cross page boundaries). */
  pageSize?: number;
}

export async function enqueueDigests(pool: Pool, now: Date, settings: DigestSettings, options: DigestPassOptions = {}): Promise<DigestEnqueueResult> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  return withTransaction(pool, 'queueing weekly digests', async (client) => {
    // Passes of several processes take turns; each then sees what the previous one covered.
    await lockSchedulerJob(client, 'digest');
    const from = await findCoveredUntil(client, JOB, now);
    const result: DigestEnqueueResult = { enqueued: 0, skipped: 0, superseded: 0, invalidSchedules: [], coveredFrom: from, coveredUntil: from };
    if (now <= from) {
      // The clock moved back (or a concurrent pass already covered this instant): nothing is owed.
      return result;
    }

    // Stored values as written ('' for "use the default"), so equal choices share one slot computation.
    const choices = await listDigestChoices(client);
    const due: DueSchedule[] = [];
    for (const raw of choices) {
      const { schedule, invalid } = resolveDigestSchedule({ digestDay: raw.day || null, digestTime: raw.time || null, timezone: raw.zone || null }, settings.schedule);
      const slot = latestDigestSlot(now, schedule);
      if (slot.at.getTime() > from.getTime()) due.push({ raw, schedule, slot, invalid });
    }

    // Streamed in pages of subscriptions (keyset on id): each page loads the data its scope needs, composes,
    // writes and lets go of it, so memory stays bounded whatever the number of subscriptions.
    // The data is held per reader language across pages (it grows to the union of the scopes seen, at most
    // everything): memory is bounded by the data, not by the number of subscriptions, and a page whose scope
    // fits reads nothing again.
    const slotChoices = due.map((d) => ({ ...d.raw, slotAt: d.slot.at, week: d.slot.week }));
    const sources = new Map<DocumentLanguage, LoadedSource>();
    const queued: QueuedDigest[] = [];
    let page: Candidate[] = [];
    do {
      const afterId = page.length ? page[page.length - 1]!.id : 0;
      page = slotChoices.length ? await listDigestCandidates(client, slotChoices, { afterId, limit: pageSize }) : [];
      if (page.length) await enqueueDigestPage(client, page, due, now, settings, sources, queued, result);
    } while (page.length === pageSize);
    // A digest still queued from an earlier week is stale once a newer one is queued (not when the newer one
    // is skipped as empty: the older one is then still the latest news). One statement for the pass.
    result.superseded = await supersedeOlderDigests(client, queued, now);
    await recordCoveredUntil(client, JOB, now);
    if (result.enqueued) await wakeDeliveryLoops(client);
    result.coveredUntil = now;
    return result;
  });
}

interface QueuedDigest {
  subscriptionId: number;
  slotAt: Date;
}

/** Composes and writes the digests of one page of candidates, one reader language at a time. */
async function enqueueDigestPage(
  client: PoolClient,
  page: readonly Candidate[],
  due: readonly DueSchedule[],
  now: Date,
  settings: DigestSettings,
  sources: Map<DocumentLanguage, LoadedSource>,
  queued: QueuedDigest[],
  result: DigestEnqueueResult,
): Promise<void> {
  // Reported once per digest (not every minute), so an operator sees it without a flood.
  for (const c of page) {
    const { invalid } = due[c.scheduleIndex]!;
    if (invalid.length) result.invalidSchedules.push({ subscriptionId: c.id, settings: invalid });
  }
  const sinceOf = (c: Candidate): Date => {
    const previous = due[c.scheduleIndex]!.slot.previousAt;
    return c.activeSince > previous ? c.activeSince : previous;
  };
  const byLanguage = new Map<DocumentLanguage, Candidate[]>();
  for (const c of page) {
    const language = editionLanguageOf(c.language);
    let group = byLanguage.get(language);
    if (!group) byLanguage.set(language, (group = []));
    group.push(c);
  }
  // One source per reader language (each shows that edition's texts).
  const changesUntil = new Date(due.reduce((max, d) => Math.max(max, d.slot.at.getTime()), -Infinity));
  for (const [language, candidates] of byLanguage) {
    const source = await sourceFor(client, sources, language, scopeOf(candidates, sinceOf), changesUntil);
    for (let start = 0; start < candidates.length; start += CHUNK_SIZE) {
      const chunk: DigestRow[] = candidates.slice(start, start + CHUNK_SIZE).map((candidate) => {
        const { schedule, slot } = due[candidate.scheduleIndex]!;
        const digest = composeDigest(source, {
          subscriptionId: candidate.id,
          language: candidate.language,
          timezone: schedule.timezone,
          bureaus: candidate.bureaus,
          refs: candidate.refs,
          at: slot.at,
          since: sinceOf(candidate),
        });
        return { candidate, slot, digest, skip: digest.empty && (candidate.skipEmpty ?? settings.skipEmpty) };
      });
      for (const row of chunk) if (!row.skip) queued.push({ subscriptionId: row.candidate.id, slotAt: row.slot.at });
      const counts = await insertDigestRows(
        client,
        chunk.map((row) => ({
          dedupeKey: digestDedupeKey(row.candidate.id, row.slot.week),
          subscriptionId: row.candidate.id,
          slotAt: row.slot.at,
          target: row.candidate.target,
          skip: row.skip,
          payload: row.digest,
        })),
        now,
      );
      result.enqueued += counts.enqueued;
      result.skipped += counts.skipped;
    }
  }
}

/** The union of the scopes of these candidates, and the earliest change they report. */
function scopeOf(candidates: readonly Candidate[], sinceOf: (c: Candidate) => Date): Scope {
  const scope: Scope = { all: false, bureaus: new Set(), refs: new Set(), changesAfter: Infinity };
  for (const c of candidates) {
    if (c.bureaus === null && c.refs === null) scope.all = true;
    for (const code of c.bureaus ?? []) scope.bureaus.add(code);
    for (const ref of c.refs ?? []) scope.refs.add(ref);
    scope.changesAfter = Math.min(scope.changesAfter, sinceOf(c).getTime());
  }
  return scope;
}

function covers(loaded: LoadedSource, scope: Scope): boolean {
  if (loaded.changesAfter > scope.changesAfter) return false;
  if (loaded.all) return true;
  if (scope.all) return false;
  for (const code of scope.bureaus) if (!loaded.bureaus.has(code)) return false;
  for (const ref of scope.refs) if (!loaded.refs.has(ref)) return false;
  return true;
}

/** The language's loaded data when it covers the scope; otherwise the union of both, loaded anew. */
async function sourceFor(client: PoolClient, sources: Map<DocumentLanguage, LoadedSource>, language: DocumentLanguage, scope: Scope, changesUntil: Date): Promise<DigestSource> {
  const loaded = sources.get(language);
  if (loaded && covers(loaded, scope)) return loaded.source;
  const union: Scope = loaded
    ? {
        all: loaded.all || scope.all,
        bureaus: new Set([...loaded.bureaus, ...scope.bureaus]),
        refs: new Set([...loaded.refs, ...scope.refs]),
        changesAfter: Math.min(loaded.changesAfter, scope.changesAfter),
      }
    : scope;
  sources.delete(language); // let the old data go before the larger load arrives
  const source = await loadDigestData(client, {
    all: union.all,
    bureaus: union.all ? null : [...union.bureaus],
    refs: union.all ? null : [...union.refs],
    changesAfter: new Date(union.changesAfter),
    changesUntil,
    language,
  });
  sources.set(language, { ...union, source });
  return source;
}

/** The ledger key of a subscription's digest for an ISO week: at most one row, ever. */
export function digestDedupeKey(subscriptionId: number, week: string): string {
  return `digest:${subscriptionId}:${week}`;
}
