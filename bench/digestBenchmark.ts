// Weekly digest benchmark: 10,000 subscriptions (BENCH_DIGEST_SUBSCRIPTIONS) with mixed filters (2% everything, 8% named refs, 90% one to
// three bureaux), all due at the same Monday 09:00, over 20,000 commitments with 30,000 dated milestones and
// a busy week of status changes (BENCH_CHANGE_EVERY), on a real PostgreSQL (an embedded one unless BENCH_DATABASE_URL names a server).
// Measures the pass that composes and enqueues every digest, and a quiet pass a minute later.
// Prints one JSON line.
import type pg from 'pg';
import { BUREAUS } from '../src/domain/bureaus.ts';
import { defaultDigestSettings } from '../src/schedule/digestSettingsOf.ts';
import { enqueueDigests } from '../src/schedule/enqueueDigests.ts';
import { openBenchDatabase } from './openBenchDatabase.ts';
import { trackPeakRss } from './trackPeakRss.ts';

const COMMITMENTS = Number(process.env.BENCH_COMMITMENTS ?? 20_000);
// BENCH_DIGEST_SUBSCRIPTIONS sets this benchmark's count alone (e.g. 100000), whatever the others use.
const SUBSCRIPTIONS = Number(process.env.BENCH_DIGEST_SUBSCRIPTIONS ?? process.env.BENCH_SUBSCRIPTIONS ?? 10_000);
// One milestone in this many changed status in the week before the digest (200: 150 changes, a busy week).
const CHANGE_EVERY = Number(process.env.BENCH_CHANGE_EVERY ?? 200);
const SLOT = new Date('2025-06-02T09:00:00+08:00'); // a Monday
const NOW = new Date(SLOT.getTime() + 30_000);

const rss = trackPeakRss();

async function prepare(pool: pg.Pool): Promise<void> {
  const codes = BUREAUS.map((b) => b.code);
  await pool.query(`INSERT INTO bureaus (code, name_zh, name_en) SELECT * FROM unnest($1::text[], $1::text[], $1::text[])`, [codes]);
  await pool.query(`INSERT INTO documents (key, title, language, published, sha256) VALUES ('bench', 'bench', 'zh-Hant', '2015-01-01', 'x')`);
  // Commitment texts of a realistic length; a third name two bureaux; a quarter are ongoing (no date).
  await pool.query(
    `INSERT INTO commitments (document_id, ref, position, text, bureaus)
     SELECT 1, 'B-' || i, i, '在' || (2015 + i % 20) || '年年底前推展第' || i || '項措施，' || repeat('加強大灣區合作及推動北部都會區發展，', 1 + i % 4),
            CASE WHEN i % 3 = 0 THEN ARRAY[($1::text[])[1 + i % 19], ($1::text[])[1 + (i * 7) % 19]] ELSE ARRAY[($1::text[])[1 + i % 19]] END
     FROM generate_series(1, $2::int) AS i`,
    [codes, COMMITMENTS],
  );
  // 30,000 milestones over 20 years (2015-2034), two on every dated commitment. Past ones are mostly met;
  // some claimed or dropped; a tenth still overdue.
  await pool.query(
    `INSERT INTO milestones (commitment_id, seq, kind, phrase, subject, due, extracted_due, status, evidence_url, status_changed_at)
     SELECT c.id, s.seq, 'deadline', 'bench', CASE WHEN s.seq = 2 THEN '第二階段' END, d.due, d.due,
            CASE WHEN d.due < $1::date AND c.id % 10 = 1 THEN 'claimed'
                 WHEN d.due < $1::date AND c.id % 10 = 2 THEN 'dropped'
                 WHEN d.due < $1::date AND c.id % 10 <> 0 THEN 'met' ELSE 'pending' END,
            CASE WHEN d.due < $1::date AND c.id % 10 > 2 THEN 'https://www.info.gov.hk/gia/' || c.id END,
            '2015-01-01'
     FROM commitments c
     CROSS JOIN LATERAL generate_series(1, 2) AS s(seq)
     CROSS JOIN LATERAL (SELECT DATE '2015-01-01' + ((c.id * 7919 + s.seq * 104729) % 7305)::int AS due) d
     WHERE c.id % 4 <> 3`,
    [SLOT.toISOString().slice(0, 10)],
  );
  // The loader's first row for every milestone, and a week of changes (met, claimed, rescheduled, dropped).
  await pool.query(
    `INSERT INTO milestone_status_history (milestone_id, status, due, actor, source, changed_at)
     SELECT id, 'pending', due, 'loader', 'loader', '2015-01-01' FROM milestones`,
  );
  await pool.query(
    `INSERT INTO milestone_status_history (milestone_id, status, due, previous_status, previous_due, actor, source, evidence_url, changed_at)
     SELECT m.id, (ARRAY['met', 'claimed', 'rescheduled', 'dropped'])[1 + m.id % 4], m.due + CASE WHEN m.id % 4 = 2 THEN 90 ELSE 0 END,
            'pending', m.due, 'bench', 'cli', CASE WHEN m.id % 4 = 0 THEN 'https://www.info.gov.hk/gia/' || m.id END,
            $1::timestamptz - make_interval(hours => (1 + m.id % 160)::int)
     FROM milestones m WHERE m.id % $2::int = 0`,
    [SLOT, CHANGE_EVERY],
  );
  // 2% everything, 8% named refs, 90% one to three bureaux; every tenth skips empty weeks.
  await pool.query(
    `INSERT INTO subscriptions (target, bureaus, refs, digest, digest_skip_empty, language, active_since)
     SELECT 'telegram:' || (100000 + i),
            CASE WHEN i % 50 = 0 OR i % 50 BETWEEN 1 AND 4 THEN NULL
                 ELSE (SELECT array_agg(DISTINCT ($1::text[])[1 + (i * k * 13) % 19]) FROM generate_series(1, 1 + i % 3) AS k) END,
            CASE WHEN i % 50 BETWEEN 1 AND 4 THEN ARRAY['B-' || (1 + (i * 31) % $2::int), 'B-' || (1 + (i * 37) % $2::int), 'B-' || (1 + (i * 41) % $2::int)] END,
            true, CASE WHEN i % 10 = 0 THEN true END, CASE WHEN i % 2 = 0 THEN 'en' ELSE 'zh-HK' END, '2015-01-01'
     FROM generate_series(1, $3::int) AS i`,
    [codes, COMMITMENTS, SUBSCRIPTIONS],
  );
  // The previous pass ran a minute before the slot: this pass owes every subscription its digest.
  await pool.query(`INSERT INTO scheduler_state (name, covered_until) VALUES ('digest', $1)`, [new Date(SLOT.getTime() - 60_000)]);
  await pool.query('ANALYZE');
}

async function main(): Promise<void> {
  const db = await openBenchDatabase();
  const { pool } = db;
  try {
    await prepare(pool);
    const counts = await pool.query<{ milestones: number; changes: number }>(
      `SELECT (SELECT count(*) FROM milestones)::int AS milestones, (SELECT count(*) FROM milestone_status_history WHERE previous_status IS NOT NULL)::int AS changes`,
    );
    const settings = defaultDigestSettings('Asia/Hong_Kong');
    // The pass's peak, not the garbage of generating the data (`npm run bench` runs with --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    rss.reset();

    let started = performance.now();
    const busy = await enqueueDigests(pool, NOW, settings);
    const digestMs = performance.now() - started;

    started = performance.now();
    const quiet = await enqueueDigests(pool, new Date(NOW.getTime() + 60_000), settings);
    const quietMs = performance.now() - started;

    const { rows } = await pool.query<{ rows: number; avgPayloadBytes: number; maxPayloadBytes: number; upcoming: number }>(
      `SELECT count(*)::int AS rows, avg(pg_column_size(payload))::int AS "avgPayloadBytes", max(pg_column_size(payload))::int AS "maxPayloadBytes",
              avg(json_array_length(payload->'upcoming'))::int AS upcoming
       FROM notifications WHERE kind = 'digest'`,
    );
    process.stdout.write(
      `${JSON.stringify({
        name: 'digest',
        commitments: COMMITMENTS,
        milestones: counts.rows[0]?.milestones,
        changesInWeek: counts.rows[0]?.changes,
        subscriptions: SUBSCRIPTIONS,
        enqueued: busy.enqueued,
        skippedEmpty: busy.skipped,
        digestMs: Math.round(digestMs),
        digestsPerSecond: Math.round((busy.enqueued + busy.skipped) / (digestMs / 1000)),
        quietPassMs: Math.round(quietMs),
        quietPassEnqueued: quiet.enqueued,
        ledgerRows: rows[0]?.rows,
        avgUpcomingPerDigest: rows[0]?.upcoming,
        avgPayloadKb: Number(((rows[0]?.avgPayloadBytes ?? 0) / 1024).toFixed(1)),
        maxPayloadKb: Number(((rows[0]?.maxPayloadBytes ?? 0) / 1024).toFixed(1)),
        peakRssMb: rss.peakMb(),
      })}\n`,
    );
  } finally {
    rss.stop();
    await db.close();
  }
}

await main();
