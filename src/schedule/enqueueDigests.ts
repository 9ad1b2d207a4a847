// The weekly digest part of the tick. Level-triggered like the alerts: it covers every digest slot between
// the instant the previous pass covered (scheduler_state 'digest') and now. Subscriptions share a handful of
// schedules (day, time, zone), so the slot arithmetic runs once per schedule; the subscriptions whose slot
// fell in the window are read in pages, one edition (reader language) at a time, composed from that
// edition's data (loaded once while later pages fit in it) and written to the outbox in bulk. The dedupe key
// digest:<subscription>:<ISO week> allows one digest per subscription and week, whatever the number of
// processes, restarts or changes of schedule.
//
// After downtime only the latest slot of each subscription is in play: earlier weeks are never created.
// A digest still queued from an earlier week when a newer one is created is superseded. An empty week of a
// subscription that skips empty digests is recorded as superseded with the reason, so the ledger shows it.
import type { Pool, PoolClient } from '../db/createPool.ts';
import { SUBSCRIPTION_LANGUAGES, type SubscriptionLanguage } from '../db/subscriptions.ts';
import { insertDigestRows, listDigestCandidates, listDigestChoices, supersedeOlderDigests, type DigestCandidate, type DigestRowInput, type StoredDigestChoice } from '../db/digestNotifications.ts';
import { loadDigestData } from '../db/loadDigestData.ts';
import { wakeDeliveryLoops } from '../db/notifications.ts';
import { findCoveredUntil, lockSchedulerJob, recordCoveredUntil } from '../db/schedulerState.ts';
import { withTransaction } from '../db/withClient.ts';
import { composeDigest } from '../domain/composeDigest.ts';
import { latestDigestSlot, type DigestSlot } from '../domain/latestDigestSlot.ts';
import { resolveDigestSchedule, type DigestSchedule } from '../domain/resolveDigestSchedule.ts';
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

/** What the digests of one page need from the database. */
interface Scope {
  all: boolean;
  bureaus: Set<string>;
  refs: Set<string>;
  changesAfter: number;
}

/** The data loaded for one edition and the scope it covers, kept for later pages while they fit in it. */
interface LoadedSource extends Scope {
  source: DigestSource;
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

    // Streamed in pages of subscriptions (keyset on id), one edition (reader language) after the other: the
    // data of an edition is loaded on its first page and kept while later pages fit in it (it grows to the
    // union of the scopes seen, at most everything), then let go before the next edition. Memory is bounded
    // by the data of one edition and a page, whatever the number of subscriptions.
    const slotChoices = due.map((d) => ({ ...d.raw, slotAt: d.slot.at, week: d.slot.week }));
    const changesUntil = new Date(due.reduce((max, d) => Math.max(max, d.slot.at.getTime()), -Infinity));
    for (const [edition, readers] of readersByEdition()) {
      let loaded: LoadedSource | null = null;
      let page: Candidate[] = [];
      do {
        const afterId = page.length ? page[page.length - 1]!.id : 0;
        page = slotChoices.length ? await listDigestCandidates(client, slotChoices, { afterId, limit: pageSize, languages: readers }) : [];
        if (page.length) loaded = await enqueueDigestPage(client, { page, edition, loaded, due, changesUntil, now, settings, result });
      } while (page.length === pageSize);
    }
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

interface DigestPage {
  /** Candidates whose reader language shows this edition. */
  page: readonly Candidate[];
  edition: DocumentLanguage;
  /** The edition's data loaded for earlier pages, if any. */
  loaded: LoadedSource | null;
  due: readonly DueSchedule[];
  /** The latest slot of the pass: status changes up to it are reported. */
  changesUntil: Date;
  now: Date;
  settings: DigestSettings;
  result: DigestEnqueueResult;
}

/** Composes and writes the digests of one page of candidates; returns the data it used, for the next page. */
async function enqueueDigestPage(client: PoolClient, { page, edition, loaded, due, changesUntil, now, settings, result }: DigestPage): Promise<LoadedSource> {
  // Reported once per digest (not every minute), so an operator sees it without a flood.
  for (const c of page) {
    const { invalid } = due[c.scheduleIndex]!;
    if (invalid.length) result.invalidSchedules.push({ subscriptionId: c.id, settings: invalid });
  }
  const sinceOf = (c: Candidate): Date => {
    const previous = due[c.scheduleIndex]!.slot.previousAt;
    return c.activeSince > previous ? c.activeSince : previous;
  };
  const data = await loadCovering(client, loaded, edition, scopeOf(page, sinceOf), changesUntil);
  const queued: QueuedDigest[] = [];
  function* composeRows(candidates: readonly Candidate[]): Generator<DigestRowInput> {
    for (const candidate of candidates) {
      const { schedule, slot } = due[candidate.scheduleIndex]!;
      const digest = composeDigest(data.source, {
        subscriptionId: candidate.id,
        language: candidate.language,
        timezone: schedule.timezone,
        bureaus: candidate.bureaus,
        refs: candidate.refs,
        at: slot.at,
        since: sinceOf(candidate),
      });
      const skip = digest.empty && (candidate.skipEmpty ?? settings.skipEmpty);
      // A newer digest supersedes an older queued one, unless it is skipped as empty (the older one is then
      // still the latest news).
      if (!skip) queued.push({ subscriptionId: candidate.id, slotAt: slot.at });
      yield { dedupeKey: digestDedupeKey(candidate.id, slot.week), subscriptionId: candidate.id, slotAt: slot.at, target: candidate.target, skip, payload: digest };
    }
  }
  for (let start = 0; start < page.length; start += CHUNK_SIZE) {
    // Composed lazily as the insert reads them: one digest's objects alive at a time.
    const counts = await insertDigestRows(client, composeRows(page.slice(start, start + CHUNK_SIZE)), now);
    result.enqueued += counts.enqueued;
    result.skipped += counts.skipped;
  }
  // One statement per page: a digest still queued from an earlier week is stale once a newer one is queued.
  result.superseded += await supersedeOlderDigests(client, queued, now);
  return data;
}

/** The reader languages of subscriptions, grouped by the edition each one shows. */
function readersByEdition(): Map<DocumentLanguage, SubscriptionLanguage[]> {
  const editions = new Map<DocumentLanguage, SubscriptionLanguage[]>();
  for (const reader of SUBSCRIPTION_LANGUAGES) {
    const edition = editionLanguageOf(reader);
    editions.set(edition, [...(editions.get(edition) ?? []), reader]);
  }
  return editions;
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

/** The data loaded so far when it covers the scope; otherwise the union of both, loaded anew. */
async function loadCovering(client: PoolClient, loaded: LoadedSource | null, language: DocumentLanguage, scope: Scope, changesUntil: Date): Promise<LoadedSource> {
  if (loaded && covers(loaded, scope)) return loaded;
  const union: Scope = loaded
    ? {
        all: loaded.all || scope.all,
        bureaus: new Set([...loaded.bureaus, ...scope.bureaus]),
        refs: new Set([...loaded.refs, ...scope.refs]),
        changesAfter: Math.min(loaded.changesAfter, scope.changesAfter),
      }
    : scope;
  const source = await loadDigestData(client, {
    all: union.all,
    bureaus: union.all ? null : [...union.bureaus],
    refs: union.all ? null : [...union.refs],
    changesAfter: new Date(union.changesAfter),
    changesUntil,
    language,
  });
  return { ...union, source };
}

/** The ledger key of a subscription's digest for an ISO week: at most one row, ever. */
export function digestDedupeKey(subscriptionId: number, week: string): string {
  return `digest:${subscriptionId}:${week}`;
}
