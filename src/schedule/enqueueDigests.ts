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
import type { Pool, PoolClient } from '../db/createPool.ts';
import type { SubscriptionLanguage } from '../db/subscriptions.ts';
import { composeDigest, type WeeklyDigest } from '../domain/composeDigest.ts';
import { latestDigestSlot, type DigestSlot } from '../domain/latestDigestSlot.ts';
import { resolveDigestSchedule, type DigestSchedule } from '../domain/resolveDigestSchedule.ts';
import { loadDigestData } from '../services/loadDigestData.ts';
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
const SUPERSEDED = 'a later weekly digest was due';
const SKIPPED = 'nothing to report this week (empty digests are skipped)';
const INSERT_CHUNK = 250;

interface Candidate {
  id: number;
  target: string;
  bureaus: string[] | null;
  refs: string[] | null;
  language: SubscriptionLanguage;
  activeSince: Date;
  skipEmpty: boolean | null;
  scheduleIndex: number;
}

interface DigestRow {
  candidate: Candidate;
  slot: DigestSlot;
  digest: WeeklyDigest;
  /** Empty, and the subscription skips empty weeks. */
  skip: boolean;
}

interface DueSchedule {
  raw: { day: string; time: string; zone: string };
  schedule: DigestSchedule;
  slot: DigestSlot;
  /** Stored settings that were unusable and replaced by the default. */
  invalid: string[];
}

export async function enqueueDigests(pool: Pool, now: Date, settings: DigestSettings): Promise<DigestEnqueueResult> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Passes of several processes take turns; each then sees what the previous one covered.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('policywatch:digest'))");
    const from = await findCoveredUntil(client, now);
    const result: DigestEnqueueResult = { enqueued: 0, skipped: 0, superseded: 0, invalidSchedules: [], coveredFrom: from, coveredUntil: from };
    if (now <= from) {
      // The clock moved back (or a concurrent pass already covered this instant): nothing is owed.
      await client.query('COMMIT');
      return result;
    }

    // Stored values as written ('' for "use the default"), so equal choices share one slot computation.
    const { rows: choices } = await client.query<{ day: string; time: string; zone: string }>(
      `SELECT DISTINCT coalesce(digest_day, '') AS day, coalesce(digest_time, '') AS time, coalesce(timezone, '') AS zone
       FROM subscriptions WHERE digest AND disabled_at IS NULL`,
    );
    const due: DueSchedule[] = [];
    for (const raw of choices) {
      const { schedule, invalid } = resolveDigestSchedule({ digestDay: raw.day || null, digestTime: raw.time || null, timezone: raw.zone || null }, settings.schedule);
      const slot = latestDigestSlot(now, schedule);
      if (slot.at.getTime() > from.getTime()) due.push({ raw, schedule, slot, invalid });
    }

    const candidates = due.length ? await listCandidates(client, due) : [];
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
      const source = await loadDigestData(client, {
        all: everything,
        bureaus: everything ? null : [...new Set(candidates.flatMap((c) => c.bureaus ?? []))],
        refs: everything ? null : [...new Set(candidates.flatMap((c) => c.refs ?? []))],
        changesAfter: new Date(candidates.reduce((min, c) => Math.min(min, sinceOf(c).getTime()), Infinity)),
        changesUntil: new Date(due.reduce((max, d) => Math.max(max, d.slot.at.getTime()), -Infinity)),
      });
      // In chunks, so memory stays bounded whatever the number of subscriptions.
      for (let start = 0; start < candidates.length; start += INSERT_CHUNK) {
        const chunk: DigestRow[] = candidates.slice(start, start + INSERT_CHUNK).map((candidate) => {
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
        // A digest still queued from an earlier week is stale once a newer one is queued (not when the newer
        // one is skipped as empty: the older one is then still the latest news).
        const queued = chunk.filter((row) => !row.skip);
        const superseded = await client.query(
          `UPDATE notifications n SET state = 'superseded', last_error = '${SUPERSEDED}', updated_at = $3
           FROM unnest($1::bigint[], $2::timestamptz[]) AS q(subscription_id, slot_at)
           WHERE n.subscription_id = q.subscription_id AND n.milestone_id IS NULL AND n.slot_at < q.slot_at
             AND n.kind = 'digest' AND n.state = 'pending'`,
          [queued.map((row) => row.candidate.id), queued.map((row) => row.slot.at), now],
        );
        result.superseded += superseded.rowCount ?? 0;
        // Payloads travel as one JSON array, paired with the other columns by position.
        const { rows: counts } = await client.query<{ enqueued: number; skipped: number }>(
          `WITH inserted AS (
             INSERT INTO notifications (dedupe_key, kind, subscription_id, slot_at, target, payload, state, available_at, last_error, created_at, updated_at)
             SELECT r.dedupe_key, 'digest', r.subscription_id, r.slot_at, r.target, p.payload, r.state, $8, r.last_error, $8, $8
             FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY
                    AS r(dedupe_key, subscription_id, slot_at, target, state, last_error, position)
             JOIN jsonb_array_elements($7::jsonb) WITH ORDINALITY AS p(payload, position) USING (position)
             ON CONFLICT (dedupe_key) DO NOTHING
             RETURNING state
           )
           SELECT count(*) FILTER (WHERE state = 'pending')::int AS enqueued, count(*) FILTER (WHERE state = 'superseded')::int AS skipped FROM inserted`,
          [
            chunk.map((row) => digestDedupeKey(row.candidate.id, row.slot.week)),
            chunk.map((row) => row.candidate.id),
            chunk.map((row) => row.slot.at),
            chunk.map((row) => row.candidate.target),
            chunk.map((row) => (row.skip ? 'superseded' : 'pending')),
            chunk.map((row) => (row.skip ? SKIPPED : null)),
            `[${chunk.map((row) => JSON.stringify(row.digest)).join(',')}]`,
            now,
          ],
        );
        result.enqueued += counts[0]?.enqueued ?? 0;
        result.skipped += counts[0]?.skipped ?? 0;
      }
    }
    await client.query(
      `INSERT INTO scheduler_state (name, covered_until, updated_at) VALUES ($1, $2, $2)
       ON CONFLICT (name) DO UPDATE SET covered_until = GREATEST(scheduler_state.covered_until, EXCLUDED.covered_until), updated_at = EXCLUDED.updated_at`,
      [JOB, now],
    );
    await client.query('COMMIT');
    result.coveredUntil = now;
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The ledger key of a subscription's digest for an ISO week: at most one row, ever. */
export function digestDedupeKey(subscriptionId: number, week: string): string {
  return `digest:${subscriptionId}:${week}`;
}

async function findCoveredUntil(client: PoolClient, now: Date): Promise<Date> {
  const state = await client.query<{ coveredUntil: Date }>('SELECT covered_until AS "coveredUntil" FROM scheduler_state WHERE name = $1', [JOB]);
  const covered = state.rows[0]?.coveredUntil;
  if (covered) return covered;
  // First pass ever: nothing before the oldest active subscription can be owed to anyone.
  const oldest = await client.query<{ since: Date | null }>('SELECT min(active_since) AS since FROM subscriptions WHERE disabled_at IS NULL');
  const since = oldest.rows[0]?.since ?? now;
  return since > now ? now : since;
}

/** Subscriptions whose slot fell in the window and that have no digest for that week yet. */
async function listCandidates(client: PoolClient, due: readonly DueSchedule[]): Promise<Candidate[]> {
  const { rows } = await client.query<Candidate>(
    `WITH d AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::int[]) AS d(day, time, zone, slot_at, week, schedule_index)
     )
     SELECT s.id, s.target, s.bureaus, s.refs, s.language, s.active_since AS "activeSince", s.digest_skip_empty AS "skipEmpty",
            d.schedule_index AS "scheduleIndex"
     FROM subscriptions s
     JOIN d ON coalesce(s.digest_day, '') = d.day AND coalesce(s.digest_time, '') = d.time AND coalesce(s.timezone, '') = d.zone
     WHERE s.digest AND s.disabled_at IS NULL
       AND s.active_since <= d.slot_at
       AND (s.muted_until IS NULL OR d.slot_at >= s.muted_until)
       AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.dedupe_key = 'digest:' || s.id || ':' || d.week)
     ORDER BY s.id`,
    [
      due.map((d) => d.raw.day),
      due.map((d) => d.raw.time),
      due.map((d) => d.raw.zone),
      due.map((d) => d.slot.at),
      due.map((d) => d.slot.week),
      due.map((_, i) => i),
    ],
  );
  return rows;
}
