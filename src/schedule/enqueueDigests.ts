// The weekly digest part of the tick. Level-triggered like the alerts: it covers every digest slot between
// the instant the previous pass covered (scheduler_state 'digest') and now. Subscriptions share a handful of
// schedules (day, time, zone), so the slot arithmetic runs once per schedule; the subscriptions whose slot
// fell in the window are read in one statement, their digests composed from one load of the data and
// written to the outbox in bulk. The dedupe key digest:<subscription>:<ISO week> allows one digest per
// subscription and week, whatever the number of processes, restarts or changes of schedule.
//
// After downtime only the latest slot of each subscription is in play: earlier weeks are never created.
// A digest still queued from an earlier week when a newer one is created is superseded. An empty week of a
// subscription that skips empty digests is recorded as superseded with the reason, so the ledger shows it.
import type { Pool } from '../db/createPool.ts';
import { insertDigestRows, listDigestCandidates, listDigestChoices, supersedeOlderDigests, type DigestCandidate, type StoredDigestChoice } from '../db/digestNotifications.ts';
import { loadDigestData } from '../db/loadDigestData.ts';
import { wakeDeliveryLoops } from '../db/notifications.ts';
import { findCoveredUntil, lockSchedulerJob, recordCoveredUntil } from '../db/schedulerState.ts';
import { withTransaction } from '../db/withClient.ts';
import { composeDigest } from '../domain/composeDigest.ts';
import { latestDigestSlot, type DigestSlot } from '../domain/latestDigestSlot.ts';
import { resolveDigestSchedule, type DigestSchedule } from '../domain/resolveDigestSchedule.ts';
import type { WeeklyDigest } from '../domain/weeklyDigest.ts';
import { editionLanguageOf } from '../domain/editionLanguage.ts';
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
const CHUNK_SIZE = 250;

type Candidate = DigestCandidate;

interface DigestRow {
  candidate: Candidate;
  slot: DigestSlot;
  digest: WeeklyDigest;
  /** Empty, and the subscription skips empty weeks. */
  skip: boolean;
}

interface DueSchedule {
  raw: StoredDigestChoice;
  schedule: DigestSchedule;
  slot: DigestSlot;
  /** Stored settings that were unusable and replaced by the default. */
  invalid: string[];
}

export async function enqueueDigests(pool: Pool, now: Date, settings: DigestSettings): Promise<DigestEnqueueResult> {
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

    const candidates = due.length ? await listDigestCandidates(client, due.map((d) => ({ ...d.raw, slotAt: d.slot.at, week: d.slot.week }))) : [];
    // Reported once per digest (not every minute), so an operator sees it without a flood.
    result.invalidSchedules = candidates
      .filter((c) => due[c.scheduleIndex]!.invalid.length)
      .map((c) => ({ subscriptionId: c.id, settings: due[c.scheduleIndex]!.invalid }));
    if (candidates.length) {
      const everything = candidates.some((c) => c.bureaus === null && c.refs === null);
      const sinceOf = (c: Candidate): Date => {
        const previous = due[c.scheduleIndex]!.slot.previousAt;
        return c.activeSince > previous ? c.activeSince : previous;
      };
      // One source per reader language in the batch (each shows that edition's texts).
      const sources = new Map<string, Awaited<ReturnType<typeof loadDigestData>>>();
      for (const language of new Set(candidates.map((c) => editionLanguageOf(c.language)))) {
        sources.set(language, await loadDigestData(client, {
          all: everything,
          bureaus: everything ? null : [...new Set(candidates.flatMap((c) => c.bureaus ?? []))],
          refs: everything ? null : [...new Set(candidates.flatMap((c) => c.refs ?? []))],
          changesAfter: new Date(candidates.reduce((min, c) => Math.min(min, sinceOf(c).getTime()), Infinity)),
          changesUntil: new Date(due.reduce((max, d) => Math.max(max, d.slot.at.getTime()), -Infinity)),
          language,
        }));
      }
      // In chunks, so memory stays bounded whatever the number of subscriptions.
      for (let start = 0; start < candidates.length; start += CHUNK_SIZE) {
        const chunk: DigestRow[] = candidates.slice(start, start + CHUNK_SIZE).map((candidate) => {
          const { schedule, slot } = due[candidate.scheduleIndex]!;
          const digest = composeDigest(sources.get(editionLanguageOf(candidate.language))!, {
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
        // A digest still queued from an earlier week is stale once a newer one is queued (not when the newer
        // one is skipped as empty: the older one is then still the latest news).
        const queued = chunk.filter((row) => !row.skip);
        result.superseded += await supersedeOlderDigests(client, queued.map((row) => ({ subscriptionId: row.candidate.id, slotAt: row.slot.at })), now);
        const counts = await insertDigestRows(
          client,
          chunk.map((row) => ({
            dedupeKey: digestDedupeKey(row.candidate.id, row.slot.week),
            subscriptionId: row.candidate.id,
            slotAt: row.slot.at,
            target: row.candidate.target,
            skip: row.skip,
            payloadJson: JSON.stringify(row.digest),
          })),
          now,
        );
        result.enqueued += counts.enqueued;
        result.skipped += counts.skipped;
      }
    }
    await recordCoveredUntil(client, JOB, now);
    if (result.enqueued) await wakeDeliveryLoops(client);
    result.coveredUntil = now;
    return result;
  });
}

/** The ledger key of a subscription's digest for an ISO week: at most one row, ever. */
export function digestDedupeKey(subscriptionId: number, week: string): string {
  return `digest:${subscriptionId}:${week}`;
}
