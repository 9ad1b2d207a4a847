// Tick and drain benchmark: 100,000 milestones and 10,000 subscriptions with mixed filters on a real
// PostgreSQL (an embedded one unless BENCH_DATABASE_URL names a server). Measures one 09:00 tick (compute
// and enqueue a day's alerts), a quiet tick a minute later, and the ledger draining to a no-op adapter.
// Prints one JSON line.
import pg from 'pg';
import { createFixedClock } from '../src/clock.ts';
import { BUREAUS } from '../src/domain/bureaus.ts';
import { createLogger } from '../src/logger.ts';
import { deliverNotifications } from '../src/notify/deliverNotifications.ts';
import { enqueueAlerts } from '../src/schedule/enqueueAlerts.ts';
import { openBenchDatabase } from './openBenchDatabase.ts';
import { trackPeakRss } from './trackPeakRss.ts';

const MILESTONES = Number(process.env.BENCH_MILESTONES ?? 100_000);
const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 10_000);
const policy = { timezone: 'Asia/Hong_Kong', leadDays: [30, 7, 1], sendAt: '09:00', missedGraceDays: 0, overdueEveryDays: 7 };
// Shape of the data: the share of past milestones still open (overdue) and of subscriptions to everything.
// BENCH_HEAVY=1 is a stress shape (10% overdue, 2% everything) far beyond real Policy Address data.
const HEAVY = process.env.BENCH_HEAVY === '1';
const OVERDUE_EVERY = HEAVY ? 10 : 50; // 1 in N past milestones still open
const ALL_EVERY = HEAVY ? 50 : 200; // 1 in N subscriptions watches everything
const NOW = new Date('2025-06-02T09:30:00+08:00');

const rss = trackPeakRss();

async function prepare(pool: pg.Pool): Promise<void> {
  const codes = BUREAUS.map((b) => b.code);
  await pool.query(`INSERT INTO bureaus (code, name_zh, name_en) SELECT * FROM unnest($1::text[], $1::text[], $1::text[])`, [codes]);
  await pool.query(`INSERT INTO documents (key, title, language, published, sha256) VALUES ('bench', 'bench', 'en', '2015-01-01', 'x')`);
  // Promises due over 20 years (2015-2034), 1-2 bureaus each; most past ones are met, a few still overdue.
  await pool.query(
    `INSERT INTO commitments (document_id, ref, position, text, bureaus)
     SELECT 1, 'B-' || i, i, 'commitment ' || i,
            CASE WHEN i % 3 = 0 THEN ARRAY[($1::text[])[1 + i % 19], ($1::text[])[1 + (i * 7) % 19]] ELSE ARRAY[($1::text[])[1 + i % 19]] END
     FROM generate_series(1, $2::int) AS i`,
    [codes, MILESTONES],
  );
  await pool.query(
    `INSERT INTO milestones (commitment_id, seq, kind, phrase, due, extracted_due, status, status_changed_at)
     SELECT c.id, 1, 'deadline', 'bench', d.due, d.due,
            CASE WHEN d.due < $1::date AND c.id % $2::int <> 0 THEN 'met' ELSE 'pending' END, '2015-01-01'
     FROM commitments c CROSS JOIN LATERAL (SELECT DATE '2015-01-01' + ((c.id * 7919) % 7305)::int AS due) d`,
    [NOW.toISOString().slice(0, 10), OVERDUE_EVERY],
  );
  // A few watch everything, 8% specific refs, the rest one to three bureaus; a fifth are watchdogs.
  await pool.query(
    `INSERT INTO subscriptions (target, bureaus, refs, watchdog, active_since)
     SELECT 'telegram:' || (100000 + i),
            CASE WHEN i % $4::int = 0 OR i % 50 BETWEEN 1 AND 4 THEN NULL
                 ELSE (SELECT array_agg(DISTINCT ($1::text[])[1 + (i * k * 13) % 19]) FROM generate_series(1, 1 + i % 3) AS k) END,
            CASE WHEN i % 50 BETWEEN 1 AND 4 THEN ARRAY['B-' || (1 + (i * 31) % $2::int), 'B-' || (1 + (i * 37) % $2::int)] END,
            i % 5 = 0, '2015-01-01'
     FROM generate_series(1, $3::int) AS i`,
    [codes, MILESTONES, SUBSCRIPTIONS, ALL_EVERY],
  );
  // The previous tick ran yesterday at 09:30: this tick owes exactly one day of slots.
  await pool.query(`INSERT INTO scheduler_state (name, covered_until) VALUES ('alerts', $1)`, [new Date(NOW.getTime() - 86_400_000)]);
  await pool.query('ANALYZE');
}

async function main(): Promise<void> {
  const db = await openBenchDatabase();
  const { pool } = db;
  try {
    await prepare(pool);
    rss.reset();

    let started = performance.now();
    const busy = await enqueueAlerts(pool, NOW, policy);
    const busyMs = performance.now() - started;
    const tickPeakRssMb = rss.peakMb();

    started = performance.now();
    const quiet = await enqueueAlerts(pool, new Date(NOW.getTime() + 60_000), policy);
    const quietMs = performance.now() - started;

    const clock = createFixedClock(new Date(NOW.getTime() + 120_000));
    started = performance.now();
    const drained = await deliverNotifications({
      pool,
      clock,
      logger: createLogger({ level: 'silent', pretty: false }),
      timezone: policy.timezone,
      leaseMs: 600_000,
      maxAttempts: 5,
      batchSize: 2000,
      concurrency: 32,
      adapters: [{ channel: 'telegram', send: async () => undefined }],
    });
    const drainSeconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `${JSON.stringify({
        name: HEAVY ? 'tick-heavy' : 'tick',
        milestones: MILESTONES,
        subscriptions: SUBSCRIPTIONS,
        tickEnqueued: busy.enqueued,
        tickSuperseded: busy.superseded,
        tickMs: Math.round(busyMs),
        tickPeakRssMb,
        quietTickMs: Math.round(quietMs),
        quietTickEnqueued: quiet.enqueued,
        drained: drained.delivered,
        drainSeconds: Number(drainSeconds.toFixed(2)),
        drainPerSecond: Math.round(drained.delivered / drainSeconds),
        peakRssMb: rss.peakMb(),
      })}\n`,
    );
  } finally {
    rss.stop();
    await db.close();
  }
}

await main();
