// The digest pass's SQL: which schedule choices subscriptions made, which subscriptions owe a digest for a
// slot, and writing composed digests to the outbox (a newer queued digest supersedes an older one).
import type { PoolClient } from './createPool.ts';
import type { SubscriptionLanguage } from './subscriptions.ts';

export const DIGEST_SUPERSEDED = 'a later weekly digest was due';
export const DIGEST_SKIPPED = 'nothing to report this week (empty digests are skipped)';

/** A digest schedule as stored: '' where the subscription uses the default. */
export interface StoredDigestChoice {
  day: string;
  time: string;
  zone: string;
}

export interface DigestSlotChoice extends StoredDigestChoice {
  slotAt: Date;
  week: string;
}

export interface DigestCandidate {
  id: number;
  target: string;
  bureaus: string[] | null;
  refs: string[] | null;
  language: SubscriptionLanguage;
  activeSince: Date;
  skipEmpty: boolean | null;
  /** Index of its choice in the list given to listDigestCandidates. */
  scheduleIndex: number;
}

export interface DigestRowInput {
  dedupeKey: string;
  subscriptionId: number;
  slotAt: Date;
  target: string;
  skip: boolean;
  /** The digest, JSON-ready. */
  payload: unknown;
}

/** Distinct stored schedule choices of active digest subscriptions, so equal choices share one slot computation. */
export async function listDigestChoices(client: PoolClient): Promise<StoredDigestChoice[]> {
  const { rows } = await client.query<StoredDigestChoice>(
    `SELECT DISTINCT coalesce(digest_day, '') AS day, coalesce(digest_time, '') AS time, coalesce(timezone, '') AS zone
     FROM subscriptions WHERE digest AND disabled_at IS NULL`,
  );
  return rows;
}

/** One page of candidates in id order: those after `afterId`, at most `limit`. */
export interface DigestCandidatePage {
  afterId: number;
  limit: number;
  /** Only subscriptions reading in these languages (all when absent). */
  languages?: readonly SubscriptionLanguage[];
}

/**
 * Subscriptions whose slot fell in the window and that have no digest for that week yet, in id order; with a
 * page, only that page (keyset pagination, so a pass can stream any number of subscriptions).
 */
export async function listDigestCandidates(client: PoolClient, choices: readonly DigestSlotChoice[], page?: DigestCandidatePage): Promise<DigestCandidate[]> {
  const { rows } = await client.query<DigestCandidate>(
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
       AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.kind = 'digest' AND n.dedupe_key = 'digest:' || s.id || ':' || d.week)
       AND s.id > $7
       AND ($9::text[] IS NULL OR s.language = ANY($9::text[]))
     ORDER BY s.id
     LIMIT $8`,
    [
      choices.map((c) => c.day),
      choices.map((c) => c.time),
      choices.map((c) => c.zone),
      choices.map((c) => c.slotAt),
      choices.map((c) => c.week),
      choices.map((_, i) => i),
      page?.afterId ?? 0,
      page?.limit ?? null,
      page?.languages ?? null,
    ],
  );
  return rows;
}

/** Marks digests still queued from earlier slots of these subscriptions as superseded; returns how many. */
export async function supersedeOlderDigests(client: PoolClient, queued: readonly { subscriptionId: number; slotAt: Date }[], now: Date): Promise<number> {
  const result = await client.query(
    `UPDATE notifications n SET state = 'superseded', last_error = '${DIGEST_SUPERSEDED}', updated_at = $3
     FROM unnest($1::bigint[], $2::timestamptz[]) AS q(subscription_id, slot_at)
     WHERE n.subscription_id = q.subscription_id AND n.milestone_id IS NULL AND n.slot_at < q.slot_at
       AND n.kind = 'digest' AND n.state = 'pending'`,
    [queued.map((row) => row.subscriptionId), queued.map((row) => row.slotAt), now],
  );
  return result.rowCount ?? 0;
}

/**
 * Writes digest rows (skipped ones as superseded); a week already written is left alone. The rows are read
 * once, in order: given a lazy sequence, each digest can be composed, serialized and let go one at a time.
 */
export async function insertDigestRows(client: PoolClient, rows: Iterable<DigestRowInput>, now: Date): Promise<{ enqueued: number; skipped: number }> {
  // Payloads travel as one JSON array, paired with the other columns by position, and are stored as json
  // (see migration 0012). The bytes are written digest by digest (one big string would be flattened and
  // encoded again by the driver, 30 ms a chunk) and sent in binary form (json's is the UTF-8 text).
  const columns = { dedupeKeys: [] as string[], subscriptionIds: [] as number[], slots: [] as Date[], targets: [] as string[], states: [] as string[], errors: [] as (string | null)[] };
  const payloads = createJsonArrayWriter(client);
  for (const row of rows) {
    columns.dedupeKeys.push(row.dedupeKey);
    columns.subscriptionIds.push(row.subscriptionId);
    columns.slots.push(row.slotAt);
    columns.targets.push(row.target);
    columns.states.push(row.skip ? 'superseded' : 'pending');
    columns.errors.push(row.skip ? DIGEST_SKIPPED : null);
    payloads.add(JSON.stringify(row.payload));
  }
  const { rows: counts } = await client.query<{ enqueued: number; skipped: number }>(
    `WITH inserted AS (
       INSERT INTO notifications (dedupe_key, kind, subscription_id, slot_at, target, payload, state, available_at, last_error, created_at, updated_at)
       SELECT r.dedupe_key, 'digest', r.subscription_id, r.slot_at, r.target, p.payload, r.state, $8, r.last_error, $8, $8
       FROM unnest($1::text[], $2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[]) WITH ORDINALITY
              AS r(dedupe_key, subscription_id, slot_at, target, state, last_error, position)
       JOIN json_array_elements($7::json) WITH ORDINALITY AS p(payload, position) USING (position)
       ON CONFLICT (dedupe_key) WHERE kind = 'digest' DO NOTHING
       RETURNING state
     )
     SELECT count(*) FILTER (WHERE state = 'pending')::int AS enqueued, count(*) FILTER (WHERE state = 'superseded')::int AS skipped FROM inserted`,
    [columns.dedupeKeys, columns.subscriptionIds, columns.slots, columns.targets, columns.states, columns.errors, payloads.bytes(), now],
  );
  return { enqueued: counts[0]?.enqueued ?? 0, skipped: counts[0]?.skipped ?? 0 };
}

/**
 * A JSON array of JSON texts as UTF-8 bytes, written into a buffer kept per connection between calls. The
 * driver copies a parameter into its own message when the statement is sent (at once on an idle connection,
 * later on a busy one: hence one buffer per connection, whose statements are sequential), so a pass of
 * thousands of chunks allocates no new memory outside the JavaScript heap, which would let the collector
 * wait longer.
 */
const arrayBuffers = new WeakMap<PoolClient, Buffer>();
function createJsonArrayWriter(client: PoolClient): { add(json: string): void; bytes(): Buffer } {
  let bytes = arrayBuffers.get(client) ?? Buffer.alloc(1 << 20);
  let length = 0;
  const append = (text: string): void => {
    // UTF-8 needs at most three bytes per UTF-16 unit.
    if (length + text.length * 3 > bytes.length) {
      const larger = Buffer.alloc(Math.max(bytes.length * 2, length + text.length * 3));
      bytes.copy(larger, 0, 0, length);
      bytes = larger;
    }
    length += bytes.write(text, length, 'utf8');
  };
  append('[');
  return {
    add: (json) => {
      if (length > 1) append(',');
      append(json);
    },
    bytes: () => {
      append(']');
      arrayBuffers.set(client, bytes);
      return bytes.subarray(0, length);
    },
  };
}
